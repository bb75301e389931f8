// The scorecard page (#/scorecard): navigation, the table's structure, the
// capacity plan's values against independent figures, entered KPIs and
// their red/amber/green status, the service-level target shared with the
// staffing page, the built-in example, hiring, charts, language,
// persistence and screenshots.
//
// Exact figures come from tests/e2e/scorecard_expected.py (mpmath, Erlang C
// closed form), never from what the app shows. The "flat" set-up there makes
// one FTE exactly one agent in every one-hour interval (10 open hours, 20
// open days, 200 paid hours, shrinkage 0), so required FTE = agents per
// interval, and 20 000 new contacts a month at AHT 360 s is 10 Erlangs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, freshPage, type, text, eventually, chartHasSeries, canvasSnapshot, expectSaved,
  assertNoBadNumbers, saveScreenshot, VIEWPORTS, CONCURRENCY,
} from './harness.mjs';
import {
  FLAT, scorecardReady, openScorecard, row, rowEventually, typeThenRow, texts, statuses, repeat, flatSetup,
} from './scorecard.mjs';

const KPI_IDS = [
  'csat', 'nps', 'ces', 'fcr', 'service_level', 'answer_rate', 'abandon', 'asa', 'occupancy', 'self_service',
  'required_fte', 'available_fte', 'cost_per_contact', 'cost_per_resolved', 'total_cost', 'attrition', 'attendance',
  'training_completion', 'esat',
];
// KPIs the model cannot compute: entered by the user, marked "entered".
const ENTERED_IDS = new Set(['csat', 'nps', 'ces', 'attendance', 'training_completion', 'esat']);
// The plan's own FCR and self-service (deflection) settings: marked as planning assumptions.
const ASSUMPTION_IDS = new Set(['fcr', 'self_service']);

/** Example with fixed hiring 0 and 5 % attrition: 450 × 0.95^m. */
const EXAMPLE_DECAY = Array.from({ length: 12 }, (_, m) => 450 * 0.95 ** m);

const ctx = useSite('/');

/** "2027-03" plus `n` months. */
function monthsFrom(first, count) {
  let [year, month] = first.split('-').map(Number);
  return Array.from({ length: count }, () => {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    return label;
  });
}

describe('scorecard page', { concurrency: CONCURRENCY }, () => {
  test('navigation: links, URL fragments, direct open, back button', async (t) => {
    const { page, errors, failedRequests } = await ctx.openApp(t);
    assert.equal(await page.getByTestId('scorecard-table').count(), 0);
    assert.equal(await page.getByTestId('nav-staffing').getAttribute('aria-current'), 'page');

    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    assert.equal(new URL(page.url()).hash, '#/scorecard');
    assert.equal(await page.getByTestId('nav-scorecard').getAttribute('aria-current'), 'page');
    assert.equal(await page.getByTestId('nav-staffing').getAttribute('aria-current'), null);
    assert.equal(await page.getByTestId('required-agents').count(), 0, 'the staffing page is gone');
    await assertNoBadNumbers(page);

    await page.getByTestId('nav-staffing').click();
    await page.getByTestId('required-agents').waitFor();
    assert.equal(new URL(page.url()).hash, '#/');
    assert.equal(await page.getByTestId('scorecard-table').count(), 0);

    await page.goBack();
    await scorecardReady(page);
    assert.equal(new URL(page.url()).hash, '#/scorecard');
    await page.goBack();
    await page.getByTestId('required-agents').waitFor();
    assert.equal(new URL(page.url()).hash, '');

    // Opened directly, in a fresh tab.
    const direct = await freshPage(t, ctx.browser);
    await openScorecard(direct.page, ctx.site.url);
    assert.equal(await direct.page.getByTestId('required-agents').count(), 0);
    assert.equal(await direct.page.getByTestId('nav-scorecard').getAttribute('aria-current'), 'page');
    for (const id of ['summary-hires', 'summary-start', 'summary-peak', 'summary-cost-per-contact', 'summary-months-below']) {
      assert.match(await text(direct.page, id), /^\d/, id);
    }
    await assertNoBadNumbers(direct.page);
    assert.deepEqual([...errors, ...direct.errors], []);
    assert.deepEqual([...failedRequests, ...direct.failedRequests], []);
  });

  test('table: one row per KPI, 12 months from the first month; horizon 24; horizon 40 refused; 12.5 months and 1.5 training months are not whole', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    const ids = await page.$$eval('[data-testid="scorecard-table"] tbody tr[data-kpi]', (rows) => rows.map((r) => r.dataset.kpi));
    assert.deepEqual(ids, KPI_IDS);
    const default12 = monthsFrom('2027-01', 12);
    for (const id of KPI_IDS) {
      const cells = await row(page, id);
      assert.deepEqual(cells.map((c) => c.month), default12, id);
      for (const c of cells) assert.match(c.text, /^(-?\d{1,3}(,\d{3})*(\.\d+)?( %| s)?|—)( [●▲■])?$/, `${id} ${c.month}: ${c.text}`);
    }
    const header = await page.$$eval('[data-testid="scorecard-table"] thead th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual(header.slice(3), default12);

    await page.getByTestId('first-month').fill('2027-03');
    await rowEventually(page, 'service_level', (cells) => assert.deepEqual(cells.map((c) => c.month), monthsFrom('2027-03', 12)));
    const shifted = await row(page, 'total_cost');
    assert.equal(shifted[0].month, '2027-03');
    assert.equal(shifted.at(-1).month, '2028-02');

    await typeThenRow(page, 'horizon', 24, 'required_fte', (cells) => assert.equal(cells.length, 24));
    for (const id of KPI_IDS) {
      assert.deepEqual((await row(page, id)).map((c) => c.month), monthsFrom('2027-03', 24), id);
    }
    assert.equal(await page.getByTestId('horizon-slider').inputValue(), '24');

    await type(page, 'horizon', 40);
    await eventually(async () => assert.match(await page.locator('#error-horizon').textContent(), /12\D+36/));
    assert.equal(await page.getByTestId('horizon').getAttribute('aria-invalid'), 'true');
    assert.equal((await row(page, 'required_fte')).length, 24);
    // Months are whole: 12.5 months (or 1.5 training months) is refused with its own message.
    await type(page, 'horizon', 12.5);
    await eventually(async () => assert.equal(await page.locator('#error-horizon').textContent(), 'Enter a whole number.'));
    assert.equal(await page.getByTestId('horizon').getAttribute('aria-invalid'), 'true');
    assert.equal((await row(page, 'required_fte')).length, 24);
    await typeThenRow(page, 'horizon', 12, 'required_fte', (cells) => assert.equal(cells.length, 12));
    assert.equal(await page.locator('#error-horizon').textContent(), '');
    const training = await page.getByTestId('training').inputValue();
    const before = texts(await row(page, 'available_fte'));
    await type(page, 'training', 1.5);
    await eventually(async () => assert.equal(await page.locator('#error-training').textContent(), 'Enter a whole number.'));
    assert.equal(await page.getByTestId('training').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(texts(await row(page, 'available_fte')), before);
    await type(page, 'training', training);
    await eventually(async () => assert.equal(await page.locator('#error-training').textContent(), ''));
    assert.equal(await page.getByTestId('engine-problem').count(), 0);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('values: flat demand gives a flat requirement and cost = headcount × hours × rate × (1 + overhead)', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await flatSetup(page, ctx.site.url);
    const n = FLAT.agents;
    assert.deepEqual(texts(await row(page, 'available_fte')), repeat(`${n}.0 ●`));
    assert.deepEqual(texts(await row(page, 'total_cost')), repeat(FLAT.cost14));
    // 14 agents in every interval: the service they give, exactly as computed.
    const sl = await row(page, 'service_level');
    assert.deepEqual(texts(sl), repeat(`${FLAT.sl} ●`));
    assert.deepEqual(statuses(sl), repeat('green'));
    assert.deepEqual(texts(await row(page, 'asa')).map((s) => s.replace(/ [●▲■]$/, '')), repeat(FLAT.asa));
    assert.deepEqual(texts(await row(page, 'occupancy')), repeat(`${FLAT.occupancy} ●`));
    assert.deepEqual(texts(await row(page, 'abandon')).map((s) => s.slice(0, 5)), repeat('0.0 %'));
    assert.deepEqual(texts(await row(page, 'answer_rate')).map((s) => s.slice(0, 7)), repeat('100.0 %'));
    assert.deepEqual((await row(page, 'cost_per_contact')).map((c) => c.text.split(' ')[0]), repeat(FLAT.cpc14));
    assert.deepEqual((await row(page, 'fcr')).map((c) => c.text.split(' ')[0]), repeat('100.0'));
    assert.deepEqual((await row(page, 'attrition')).map((c) => c.text.split(' ')[0]), repeat('0.0'));
    // Staffing is judged against the requirement: exactly met is green.
    assert.deepEqual(statuses(await row(page, 'available_fte')), repeat('green'));
    assert.deepEqual(statuses(await row(page, 'required_fte')), repeat(null), 'no target, no status');
    assert.equal(await text(page, 'summary-peak'), `${n}.0 (2027-01)`);
    assert.equal(await text(page, 'summary-cost-per-contact'), FLAT.cpc14);
    assert.equal(await text(page, 'summary-months-below'), '0');
    assert.equal(await text(page, 'summary-hires'), '0');
    assert.equal(await text(page, 'summary-start'), 'no hiring needed');
    assert.equal(await page.getByTestId('summary-late').count(), 0);
    // 14 available for 14 required: neither short nor over; the answer compared with its target (4.20).
    assert.equal(await text(page, 'summary-balance'), 'never short');
    assert.equal(await text(page, 'summary-cpc-target'), '✓ target ≤ 4.20');
    assert.equal(await text(page, 'summary-hires-needed'), 'hiring to the requirement would need 0');

    // An at-most KPI: ASA 15.67 s against its target; the amber band is 5 % of the target.
    assert.equal(await page.getByTestId('target-asa').inputValue(), '60');
    for (const [target, status] of [[16, 'green'], [15, 'amber'], [14, 'red']]) {
      await typeThenRow(page, 'target-asa', target, 'asa', (cells) => assert.deepEqual(statuses(cells), repeat(status), `ASA target ${target}`));
    }

    // Cost follows the headcount and overhead, not the requirement.
    await typeThenRow(page, 'start-headcount', 30, 'total_cost', (cells) => assert.deepEqual(texts(cells), repeat(FLAT.cost30)));
    assert.deepEqual(texts(await row(page, 'required_fte')), repeat(`${n}.0`));
    // 30 available for 14 required: a surplus of 16 FTE from the first month; 138 000 / 20 000 = 6.90 misses 4.20.
    assert.equal(await text(page, 'summary-balance'), 'never short; surplus up to 16.0 FTE (2027-01)');
    assert.equal(await text(page, 'summary-cpc-target'), '✗ target ≤ 4.20');
    await typeThenRow(page, 'overhead', 40, 'total_cost', (cells) => assert.deepEqual(texts(cells), repeat(FLAT.cost30overhead40)));
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('a month whose queue cannot keep up says so: no answer rate, abandonment or ASA, never green; the service level red', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    // 10 Erlangs for 10 agents (Erlang C): the queue grows without end every month.
    await flatSetup(page, ctx.site.url, { headcount: 10 });
    await rowEventually(page, 'answer_rate', (cells) => assert.deepEqual(texts(cells), repeat('unstable')));
    for (const kpi of ['answer_rate', 'abandon', 'asa']) {
      const cells = await row(page, kpi);
      assert.deepEqual(texts(cells), repeat('unstable'), kpi);
      assert.deepEqual(statuses(cells), repeat(null), kpi);
    }
    assert.deepEqual(statuses(await row(page, 'service_level')), repeat('red'));
    // One agent more and the months are stable again, with their figures.
    await typeThenRow(page, 'start-headcount', 11, 'answer_rate', (cells) => assert.ok(cells.every((c) => /^\d+\.\d %/.test(c.text)), texts(cells).join(' | ')));
    await page.getByTestId('lang').selectOption('zh');
    await typeThenRow(page, 'start-headcount', 10, 'abandon', (cells) => assert.deepEqual(texts(cells), repeat('排队不稳定')));
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('values: FCR and repeats scale offered contacts by 1/(1 − (1 − FCR)·repeat); growth; economies of scale', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await flatSetup(page, ctx.site.url);
    // FCR 70 %, half the unresolved come back: 1/0.85 more contacts.
    await typeThenRow(page, 'fcr', 70, 'required_fte', (cells) => assert.deepEqual(texts(cells), repeat(`${FLAT.fcr70agents}.0`)));
    // Same cost (same headcount) over 1/0.85 more handled contacts. Note: cost per
    // contact counts repeats, so it is *lower* at the worse FCR (documented formula).
    assert.deepEqual((await row(page, 'cost_per_contact')).map((c) => c.text.split(' ')[0]), repeat(FLAT.fcr70cpc14));
    // Per resolved contact (handled × FCR, each issue once) the worse FCR costs *more*, as it should.
    assert.deepEqual((await row(page, 'cost_per_resolved')).map((c) => c.text.split(' ')[0]), repeat(FLAT.fcr70cpr14));
    assert.equal(await text(page, 'summary-cost-per-resolved'), FLAT.fcr70cpr14);
    assert.equal(await text(page, 'summary-cost-per-contact'), FLAT.fcr70cpc14);
    assert.deepEqual((await row(page, 'fcr')).map((c) => c.text.split(' ')[0]), repeat('70.0'));
    // With no repeats FCR has no effect on demand.
    await typeThenRow(page, 'repeat', 0, 'required_fte', (cells) => assert.deepEqual(texts(cells), repeat(`${FLAT.agents}.0`)));
    await type(page, 'repeat', 50);
    await typeThenRow(page, 'fcr', 100, 'required_fte', (cells) => assert.deepEqual(texts(cells), repeat(`${FLAT.agents}.0`)));
    assert.deepEqual((await row(page, 'cost_per_contact')).map((c) => c.text.split(' ')[0]), repeat(FLAT.cpc14));
    assert.deepEqual((await row(page, 'cost_per_resolved')).map((c) => c.text.split(' ')[0]), repeat(FLAT.cpc14));

    // Doubling the volume needs less than double the staff.
    await typeThenRow(page, 'monthly-volume', 40000, 'required_fte', (cells) => assert.deepEqual(texts(cells), repeat(`${FLAT.doubledAgents}.0`)));
    assert.ok(FLAT.doubledAgents < 2 * FLAT.agents);
    await type(page, 'monthly-volume', 20000);

    // 3 % growth a month: the requirement never falls and climbs as computed.
    await typeThenRow(page, 'growth', 3, 'required_fte', (cells) => assert.deepEqual(cells.map((c) => c.value), FLAT.growth3));
    const grown = (await row(page, 'required_fte')).map((c) => c.value);
    for (let m = 1; m < grown.length; m++) assert.ok(grown[m] >= grown[m - 1], `month ${m}: ${grown}`);
    assert.equal(await text(page, 'summary-peak'), '18.0 (2027-11)', 'the first month at the peak');
    // Deflection takes contacts away before they reach an agent.
    await type(page, 'growth', 0);
    await typeThenRow(page, 'deflection', 50, 'self_service', (cells) => assert.match(cells[0].text, /^50\.0 % ●$/));
    const deflected = (await row(page, 'required_fte')).map((c) => c.value);
    assert.ok(deflected.every((v) => v < FLAT.agents), `${deflected}`);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('entered KPIs: values, red/amber/green against an editable target, marked as entered; FCR and self-service marked as assumptions', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    // Marks: entered rows carry the class input-kpi and the word "entered"; the plan's
    // FCR and self-service rows are planning assumptions, not entered KPIs.
    for (const id of KPI_IDS) {
      const marks = await page
        .locator(`[data-testid="scorecard-table"] tr[data-kpi="${id}"]`)
        .evaluate((tr) => ({
          inputKpi: tr.classList.contains('input-kpi'),
          marks: [...tr.querySelectorAll('th .input-mark')].map((m) => [m.className, m.textContent]),
        }));
      const expected = ENTERED_IDS.has(id)
        ? { inputKpi: true, marks: [['input-mark', 'entered']] }
        : ASSUMPTION_IDS.has(id)
          ? { inputKpi: false, marks: [['input-mark assumption', 'assumption']] }
          : { inputKpi: false, marks: [] };
      assert.deepEqual(marks, expected, id);
    }
    // CSAT 80 % against 85 %: the amber band is 5 % of the target (≥ 80.75 %): red.
    await typeThenRow(page, 'kpi-csat', 80, 'csat', (cells) => {
      assert.deepEqual(texts(cells), repeat('80.0 % ■'));
      assert.deepEqual(statuses(cells), repeat('red'));
    });
    await typeThenRow(page, 'kpi-csat', 81, 'csat', (cells) => {
      assert.deepEqual(texts(cells), repeat('81.0 % ▲'));
      assert.deepEqual(statuses(cells), repeat('amber'));
    });
    await type(page, 'kpi-csat', 80);
    // The target box: 82 % → within 4.1 points: amber; 80 % → met: green; 90 % → red.
    assert.equal(await page.getByTestId('target-csat').inputValue(), '85');
    for (const [target, status, symbol] of [[82, 'amber', '▲'], [80, 'green', '●'], [90, 'red', '■']]) {
      await typeThenRow(page, 'target-csat', target, 'csat', (cells) => {
        assert.deepEqual(statuses(cells), repeat(status), `target ${target}`);
        assert.deepEqual(texts(cells), repeat(`80.0 % ${symbol}`));
      });
    }
    // Clearing an entered value leaves the row without a value or a status.
    await typeThenRow(page, 'kpi-nps', '', 'nps', (cells) => {
      assert.deepEqual(texts(cells), repeat('—'));
      assert.deepEqual(statuses(cells), repeat(null));
    });
    await typeThenRow(page, 'kpi-nps', 42, 'nps', (cells) => assert.deepEqual(texts(cells), repeat('42 ■')));
    await typeThenRow(page, 'target-nps', 40, 'nps', (cells) => assert.deepEqual(statuses(cells), repeat('green')));
    // A percentage over 100 is refused and the last value stays.
    await type(page, 'kpi-esat', 120);
    await eventually(async () => assert.equal(await page.getByTestId('kpi-esat').getAttribute('aria-invalid'), 'true'));
    assert.deepEqual(texts(await row(page, 'esat')), repeat('78.0 % ▲'));
    // The CSAT target of 90 % set above still holds.
    assert.deepEqual(statuses(await row(page, 'csat')), repeat('red'));
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('a target typed key by key is taken whole (the box keeps focus while the table updates)', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    await typeThenRow(page, 'kpi-csat', 80, 'csat', (cells) => assert.equal(cells[0].status, 'red'));
    const box = page.getByTestId('target-csat');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await rowEventually(page, 'csat', (cells) => assert.deepEqual(statuses(cells), repeat('green')), { timeout: 2000 });
    await page.keyboard.type('2');
    await rowEventually(page, 'csat', (cells) => assert.deepEqual(statuses(cells), repeat('amber')), { timeout: 2000 });
    assert.equal(await page.getByTestId('target-csat').inputValue(), '82');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'target-csat');
    assert.deepEqual(errors, []);
  });

  test('the summary counts months below the same service-level target the table uses', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    // No hiring: the staff leave and the service falls below a 95 % target in some months.
    // (Hiring to the requirement would now hire to the same 95 % and meet it every month.)
    await page.getByTestId('hire-to-requirement').uncheck();
    await type(page, 'hires', 0);
    await typeThenRow(page, 'target-service_level', 95, 'service_level', (cells) => {
      assert.ok(cells.some((c) => c.status !== 'green'));
      assert.ok(cells.some((c) => c.status === 'green'));
    });
    const cells = await row(page, 'service_level');
    const below = cells.filter((c) => c.value < 95).length;
    assert.equal(cells.filter((c) => c.status !== 'green').length, below);
    await eventually(async () => assert.equal(await text(page, 'summary-months-below'), String(below)));
    // Short of staff in the months that leave; the summary says how many, and how many hires would close it:
    // the figure hiring to the requirement then shows as its own total.
    const available = await row(page, 'available_fte');
    const required = await row(page, 'required_fte');
    const short = available.filter((c, i) => c.value < required[i].value).length;
    assert.ok(short > 0);
    assert.match(await text(page, 'summary-balance'), new RegExp(`^short in ${short} months?, (up to )?\\d+\\.\\d FTE \\(\\d{4}-\\d{2}\\)`));
    const needed = (await text(page, 'summary-hires-needed')).match(/would need (\d+)$/)[1];
    assert.ok(Number(needed) > 0);
    await page.getByTestId('hire-to-requirement').check();
    await eventually(async () => assert.equal(await text(page, 'summary-hires'), needed));
    assert.equal(await page.getByTestId('summary-hires-needed').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('one service-level target for both pages: table, staffing page, months below and chart band agree', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('load-example').click();
    await type(page, 'sl-target', '90');
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    // Fixed staff that leaves: the service level falls, whatever the target.
    await page.getByTestId('hire-to-requirement').uncheck();
    await type(page, 'hires', 0);
    await typeThenRow(page, 'attrition', 5, 'service_level', (cells) => assert.ok(cells.at(-1).value < 50, texts(cells).join(' | ')));
    const values = texts(await row(page, 'service_level')).map((t) => t.replace(/ [●▲■]$/, ''));

    /** The table's target, its statuses and the summary agree on `target` %. */
    async function expectTarget(target) {
      assert.equal(await page.getByTestId('target-service_level').inputValue(), String(target));
      await rowEventually(page, 'service_level', (cells) => {
        assert.deepEqual(cells.map((c) => c.text.replace(/ [●▲■]$/, '')), values, 'the values do not depend on the target');
        for (const c of cells) assert.equal(c.status === 'green', c.value >= target, `${c.month}: ${c.text} against ${target} %`);
      });
      const below = (await row(page, 'service_level')).filter((c) => c.status !== 'green').length;
      assert.ok(below > 0 && below < 12, `${below} months below ${target} %`);
      await eventually(async () => assert.equal(await text(page, 'summary-months-below'), String(below)));
      return below;
    }

    // The staffing page's 90 % is the table's target.
    const at90 = await expectTarget(90);
    await eventually(async () => assert.equal(await chartHasSeries(page, 'scorecard-chart'), true));
    const chartAt90 = await canvasSnapshot(page, 'scorecard-chart');

    // Typed into the table, 95 % becomes the staffing page's target too; the band moves.
    await type(page, 'target-service_level', 95);
    const at95 = await expectTarget(95);
    assert.ok(at95 > at90, `${at95} months below 95 %, ${at90} below 90 %`);
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, 'scorecard-chart'), chartAt90, 'the band follows the target'));
    const chartAt95 = await canvasSnapshot(page, 'scorecard-chart');
    await page.getByTestId('nav-staffing').click();
    assert.equal(await page.getByTestId('sl-target').inputValue(), '95');

    // And back: set on the staffing page, the same table, count and chart as at 90 %.
    await type(page, 'sl-target', '90');
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    assert.equal(await expectTarget(90), at90);
    await eventually(async () => assert.equal(await canvasSnapshot(page, 'scorecard-chart'), chartAt90));
    assert.notEqual(chartAt95, chartAt90);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('the built-in example: AHT 270 s, shrinkage 25 %, occupancy at most 85 %; about 380–460 FTE and 3.7–4.4 M a month', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('load-example').click();
    await eventually(async () => assert.equal(await page.getByTestId('aht').inputValue(), '270'));
    assert.equal(await page.getByTestId('shrinkage').inputValue(), '25');
    assert.equal(await page.getByTestId('max-occupancy').inputValue(), '85');
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    // "About": the stated ranges with 2 % either side.
    const about = (low, high) => [low * 0.98, high * 1.02];
    const [fteLow, fteHigh] = about(380, 460);
    const [costLow, costHigh] = about(3.7e6, 4.4e6);
    const fte = await row(page, 'required_fte');
    assert.equal(fte.length, 12);
    for (const c of fte) assert.ok(c.value >= fteLow && c.value <= fteHigh, `required FTE ${c.month}: ${c.text}`);
    const cost = await row(page, 'total_cost');
    for (const c of cost) assert.ok(c.value >= costLow && c.value <= costHigh, `total cost ${c.month}: ${c.text}`);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('hiring: the example needs hires; with none and 5 % attrition the staff and service fall', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('load-example').click();
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    await eventually(async () => assert.ok(parseFloat(await text(page, 'summary-hires')) > 0));
    assert.match(await text(page, 'summary-hires'), /^\d+$/);
    assert.match(await text(page, 'summary-start'), /^\d{4}-(0[1-9]|1[0-2])$/);
    assert.equal(await page.getByTestId('hire-to-requirement').isChecked(), true);
    assert.equal(await page.getByTestId('hires').isDisabled(), true);
    const available = await row(page, 'available_fte');
    assert.equal(available.length, 12);
    assert.ok(available.every((c) => Number.isFinite(c.value) && c.value > 0));
    assert.equal(await page.getByTestId('horizon').inputValue(), '12');
    assert.equal(await page.getByTestId('start-headcount').inputValue(), '450');

    await page.getByTestId('hire-to-requirement').uncheck();
    assert.equal(await page.getByTestId('hires').isDisabled(), false);
    await type(page, 'hires', 0);
    await typeThenRow(page, 'attrition', 5, 'available_fte', (cells) => {
      cells.forEach((c, m) => assert.ok(Math.abs(c.value - EXAMPLE_DECAY[m]) <= 0.051, `${c.month}: ${c.text} vs ${EXAMPLE_DECAY[m]}`));
    });
    const fte = (await row(page, 'available_fte')).map((c) => c.value);
    for (let m = 1; m < 12; m++) assert.ok(fte[m] < fte[m - 1], `${fte}`);
    const sl = await row(page, 'service_level');
    assert.deepEqual(statuses(sl).slice(-3), repeat('red', 3), texts(sl).join(' | '));
    for (let m = 1; m < 12; m++) assert.ok(sl[m].value <= sl[m - 1].value + 5, 'no big recovery');
    assert.equal(await text(page, 'summary-hires'), '0');
    assert.equal(await text(page, 'summary-start'), 'no hiring needed');
    assert.ok(parseFloat(await text(page, 'summary-months-below')) >= 3);
    // Annualised attrition: 1 − 0.95^12 = 46.0 %.
    assert.deepEqual((await row(page, 'attrition')).map((c) => c.text), repeat('46.0 % ■'));
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('charts: staff, service and cost are drawn and redrawn after a change', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    const charts = ['fte-chart', 'scorecard-chart', 'cost-chart'];
    for (const id of charts) await eventually(async () => assert.equal(await chartHasSeries(page, id), true, id));
    const before = {};
    for (const id of charts) before[id] = await canvasSnapshot(page, id);
    await type(page, 'growth', 5);
    await type(page, 'start-headcount', 60);
    for (const id of charts) {
      await eventually(async () => assert.notEqual(await canvasSnapshot(page, id), before[id], `${id} redrawn`));
      assert.equal(await chartHasSeries(page, id), true, id);
    }
    assert.deepEqual(errors, []);
  });

  test('language: Chinese headings and KPI names, the same numbers', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    const numbers = () =>
      page.$$eval('[data-testid="scorecard-table"] td[data-month]', (tds) => tds.map((td) => td.textContent.trim().replace(/ [●▲■]$/, '').replace(/ (s|秒)$/, '')));
    const summary = async () => {
      const out = {};
      for (const id of ['summary-hires', 'summary-start', 'summary-peak', 'summary-cost-per-contact', 'summary-months-below']) out[id] = await text(page, id);
      return out;
    };
    const english = await numbers();
    const englishSummary = await summary();
    assert.equal(await page.locator('.table-panel h2').textContent(), 'Scorecard');

    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await page.locator('.table-panel h2').textContent(), '平衡记分卡'));
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.getByTestId('nav-scorecard').textContent(), '平衡记分卡');
    assert.equal(await page.getByTestId('nav-staffing').textContent(), '人力需求');
    const th = (id) => page.locator(`tr[data-kpi="${id}"] th`).textContent();
    assert.equal(await th('service_level'), '服务水平');
    assert.equal(await th('csat'), '客户满意度录入');
    assert.equal(await page.locator('tr[data-kpi="csat"] .input-mark').textContent(), '录入');
    assert.equal(await page.locator('tr[data-kpi="fcr"] th .input-mark.assumption').textContent(), '假设');
    assert.equal(await page.locator('tr[data-kpi="self_service"] th .input-mark.assumption').textContent(), '假设');
    assert.equal(await th('required_fte'), '所需全职等效人数');
    const body = await page.evaluate(() => document.body.innerText);
    for (const heading of ['结论', '录入指标（非计算）', '所需与可用全职等效人数', '预计服务水平与放弃率', '总成本与单位服务成本', '维度', '指标']) {
      assert.ok(body.includes(heading), heading);
    }
    assert.doesNotMatch(body, /Scorecard|Service level|entered|assumption/);
    assert.deepEqual(await numbers(), english);
    const zhSummary = await summary();
    assert.deepEqual({ ...zhSummary, 'summary-start': englishSummary['summary-start'] }, englishSummary);
    assert.match(await page.locator('tr[data-kpi="asa"] td[data-month]').first().textContent(), /秒/);
    assert.equal(await page.locator('tr[data-kpi="service_level"] .rag').first().getAttribute('title').then((t) => ['达标', '接近目标', '未达标'].includes(t)), true);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
    test(`on a phone (${lang}) each KPI is a card whose months all fit the screen, each under its month`, async (t) => {
      const { page, errors } = await freshPage(t, ctx.browser, { locale, viewport: VIEWPORTS.phone });
      await openScorecard(page, ctx.site.url);
      const layout = () => page.evaluate(() => {
        const cells = [...document.querySelectorAll('[data-testid="scorecard-table"] td[data-month]')];
        return {
          cells: cells.length,
          outside: cells.filter((td) => td.getBoundingClientRect().right > innerWidth || td.scrollWidth > td.clientWidth + 1).length,
          sideways: document.querySelector('.table-scroll').scrollWidth > document.querySelector('.table-scroll').clientWidth,
          labels: cells.slice(0, 12).map((td) => getComputedStyle(td, '::before').content),
        };
      });
      const shown = await layout();
      assert.equal(shown.cells, KPI_IDS.length * 12);
      assert.deepEqual([shown.outside, shown.sideways], [0, false]);
      assert.deepEqual(shown.labels, Array.from({ length: 12 }, (_, m) => `"2027-${String(m + 1).padStart(2, '0')}"`));
      // The NPS target typed key by key on the card recolours its months (42 against ≥ 50, then ≥ 40).
      await rowEventually(page, 'nps', (cells) => assert.deepEqual(statuses(cells), repeat('red')));
      await typeThenRow(page, 'target-nps', '40', 'nps', (cells) => assert.deepEqual(statuses(cells), repeat('green')));
      assert.equal(await page.getByTestId('target-nps').inputValue(), '40');
      assert.equal((await layout()).outside, 0);
      await saveScreenshot(page, `scorecard-cards-phone-${lang}`);
      assert.deepEqual(errors, []);
    });
  }

  test('persistence: autosave restores scorecard settings; a saved scenario restores them', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await openScorecard(page, ctx.site.url);
    await type(page, 'horizon', 18);
    await type(page, 'kpi-csat', 77);
    await page.getByTestId('first-month').fill('2028-05');
    await page.getByTestId('hire-to-requirement').uncheck();
    await typeThenRow(page, 'hires', 7, 'csat', (cells) => assert.equal(cells.length, 18));
    await expectSaved(page, ({ scorecard }) => assert.deepEqual(
      [scorecard.horizon, scorecard.first_year, scorecard.first_month, scorecard.hire_to_requirement, scorecard.hires],
      [18, 2028, 5, false, 7],
    ));
    await page.reload();
    await scorecardReady(page);
    assert.equal(await page.getByTestId('horizon').inputValue(), '18');
    assert.equal(await page.getByTestId('kpi-csat').inputValue(), '77');
    assert.equal(await page.getByTestId('first-month').inputValue(), '2028-05');
    assert.equal(await page.getByTestId('hire-to-requirement').isChecked(), false);
    assert.equal(await page.getByTestId('hires').inputValue(), '7');
    const csat = await row(page, 'csat');
    assert.deepEqual(csat.map((c) => c.month), monthsFrom('2028-05', 18));
    assert.deepEqual(csat.map((c) => c.text.split(' ▲')[0].split(' ■')[0]), repeat('77.0 %', 18));

    // Saved as a scenario on the staffing page, changed, reloaded, loaded back.
    await type(page, 'fcr', 80);
    await page.getByTestId('nav-staffing').click();
    await page.getByTestId('scenario-name').fill('scorecard plan');
    await page.getByTestId('scenario-save').click();
    await page.locator('li[data-scenario="scorecard plan"]').waitFor();
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    await type(page, 'horizon', 30);
    await type(page, 'kpi-csat', 90);
    await type(page, 'fcr', 60);
    await page.getByTestId('hire-to-requirement').check();
    await rowEventually(page, 'csat', (cells) => assert.equal(cells.length, 30));
    await expectSaved(page, ({ scorecard }) => assert.deepEqual(
      [scorecard.horizon, scorecard.fcr_pct, scorecard.hire_to_requirement], [30, 60, true],
    ));
    await page.reload();
    await scorecardReady(page);
    assert.equal(await page.getByTestId('horizon').inputValue(), '30');
    await page.getByTestId('nav-staffing').click();
    await page.locator('li[data-scenario="scorecard plan"] button[data-action="load"]').click();
    await page.getByTestId('nav-scorecard').click();
    await scorecardReady(page);
    await rowEventually(page, 'csat', (cells) => assert.equal(cells.length, 18));
    assert.equal(await page.getByTestId('horizon').inputValue(), '18');
    assert.equal(await page.getByTestId('kpi-csat').inputValue(), '77');
    assert.equal(await page.getByTestId('fcr').inputValue(), '80');
    assert.equal(await page.getByTestId('first-month').inputValue(), '2028-05');
    assert.equal(await page.getByTestId('hire-to-requirement').isChecked(), false);
    assert.equal(await page.getByTestId('hires').inputValue(), '7');
    assert.deepEqual((await row(page, 'fcr')).map((c) => c.text.split(' ')[0]), repeat('80.0', 18));
    assert.deepEqual(errors, []);
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`screenshots: scorecard, ${device} ${viewport.width}×${viewport.height}, example, English and Chinese`, async (t) => {
      const { page, errors } = await ctx.openApp(t, { viewport });
      await page.getByTestId('load-example').click();
      await page.getByTestId('nav-scorecard').click();
      await scorecardReady(page);
      for (const lang of ['en', 'zh']) {
        await page.getByTestId('lang').selectOption(lang);
        await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-CN'));
        for (const id of ['fte-chart', 'scorecard-chart', 'cost-chart']) {
          await eventually(async () => assert.equal(await chartHasSeries(page, id), true, id));
        }
        // The wide table scrolls inside its panel; the page itself does not scroll sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${device} ${lang}: page is ${overflow}px wider than the screen`);
        await saveScreenshot(page, `scorecard-${device}-${lang}`);
      }
      assert.deepEqual(errors, []);
    });
  }
});
