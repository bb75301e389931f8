// The comparison page (#/compare): two to four scenarios side by side, with
// the difference of each to the first, and their charts overlaid.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, freshPage, open, eventually, seedStorage, chartHasSeries, canvasSnapshot, assertNoBadNumbers, text,
  CONCURRENCY, type, number,
} from './harness.mjs';
import { KEY_CURRENT, KEY_SCENARIOS, VALID_INPUTS, envelope } from './cases.mjs';

const ctx = useSite('/');

/**
 * Stored for every test: current inputs of volume 250 and three scenarios
 * that differ from the defaults' 200 contacts only in volume.
 */
const STORAGE = {
  [KEY_CURRENT]: envelope({ ...VALID_INPUTS, volume: 250 }),
  [KEY_SCENARIOS]: envelope([
    { name: 'Base', inputs: { ...VALID_INPUTS, volume: 200 } },
    { name: 'Peak week 旺季', inputs: { ...VALID_INPUTS, volume: 300 } },
    { name: 'Quiet', inputs: { ...VALID_INPUTS, volume: 50 } },
  ]),
};

/**
 * A page on the comparison page, reached from the navigation as a user does,
 * with the first visit's preselection (the current inputs and the latest
 * scenario) unticked, so each test picks its own.
 */
/** A fresh browser with the stored scenarios, opened straight at #/compare. */
async function compareFromUrl(t) {
  const session = await freshPage(t, ctx.browser);
  await seedStorage(session.context, STORAGE);
  await session.page.goto(`${ctx.site.url}#/compare`);
  return session;
}

async function comparePage(t) {
  const session = await freshPage(t, ctx.browser);
  await seedStorage(session.context, STORAGE);
  await open(session.page, ctx.site.url);
  await session.page.getByTestId('compare').click();
  await session.page.getByTestId('compare-choices').waitFor();
  assert.match(session.page.url(), /#\/compare$/);
  await clearChoice(session.page);
  return session;
}

const choice = (page, id) => page.locator(`input[data-choice="${id}"]`);
/** The ids ticked, in page order. */
const ticked = (page) =>
  page.locator('input[data-choice]').evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.dataset.choice));
async function clearChoice(page) {
  for (const id of await ticked(page)) await choice(page, id).uncheck();
  assert.deepEqual(await ticked(page), []);
}
/** Ticks the choices `ids`, in order. */
const pick = async (page, ...ids) => {
  for (const id of ids) await choice(page, id).check();
};
const table = (page) => page.getByTestId('compare-table');

/** `comparePage` with the choices `ids` ticked, once every figure of the table is computed. */
async function settledComparison(t, ...ids) {
  const session = await comparePage(t);
  await pick(session.page, ...ids);
  await table(session.page).waitFor();
  await eventually(async () => assert.equal(await table(session.page).getAttribute('data-settled'), 'true'));
  return session;
}

/** The table's column headings. */
const columns = (page) => table(page).locator('thead th[data-column]').allTextContents();

/** One row of the table by its label: each column's value and difference ('' for the first). */
function row(page, label) {
  const heading = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`); // the whole label
  return table(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: heading }) }).evaluate((tr) =>
    [...tr.querySelectorAll('td')].map((td) => ({
      value: td.querySelector('.value').textContent,
      difference: td.querySelector('.difference')?.textContent ?? '',
    })));
}

/** Several rows of the table by their labels, in the order asked. */
async function rows(page, ...labels) {
  const found = [];
  for (const label of labels) found.push(await row(page, label));
  return found;
}

describe('comparing scenarios', { concurrency: CONCURRENCY }, () => {
  test('two scenarios differing only in volume show each one\'s staffing and the difference', async (t) => {
    const { page, errors } = await comparePage(t);
    await pick(page, 's:Base', 's:Peak week 旺季');
    await table(page).waitFor();
    assert.deepEqual(await columns(page), ['Base', 'Peak week 旺季']);

    // Erlang C, 80/20, occupancy ≤ 85 %, 30-min intervals, AHT 300 s (expected.py's required_c):
    // 200 contacts (33.3 Erlangs) → 40 agents, 87.8 %; 300 contacts (50 Erlangs) → 59 agents, 91.7 %.
    assert.deepEqual(await row(page, 'Contacts per interval'), [
      { value: '200', difference: '' }, { value: '300', difference: '+100 (+50.0 %)' },
    ]);
    assert.deepEqual(await row(page, 'Average handle time (s)'), [
      { value: '300', difference: '' }, { value: '300', difference: '=' },
    ]);
    assert.deepEqual(await row(page, 'Required agents'), [
      { value: '40', difference: '' }, { value: '59', difference: '+19 (+47.5 %)' },
    ]);
    // 40 and 59 agents / (1 − 30 % shrinkage).
    assert.deepEqual(await row(page, 'Scheduled FTE (after shrinkage)'), [
      { value: '57.1', difference: '' }, { value: '84.3', difference: '+27.1 (+47.5 %)' },
    ]);
    // A change of a share is in percentage points: 91.67 % − 87.77 % = 3.9 pp.
    assert.deepEqual(await row(page, 'Service level'), [
      { value: '87.8 %', difference: '' }, { value: '91.7 %', difference: '+3.9 pp' },
    ]);

    // The order picked is the order shown: the first column is the base of the differences.
    await choice(page, 's:Base').uncheck();
    await eventually(async () => assert.equal(await table(page).count(), 0));
    await choice(page, 's:Base').check();
    await eventually(async () => assert.deepEqual(await columns(page), ['Peak week 旺季', 'Base']));
    assert.deepEqual(await row(page, 'Required agents'), [
      { value: '59', difference: '' }, { value: '40', difference: '−19 (−32.2 %)' },
    ]);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('the current inputs and the example can be compared with saved scenarios', async (t) => {
    const { page, errors } = await comparePage(t);
    assert.deepEqual(
      await page.locator('input[data-choice]').evaluateAll((boxes) => boxes.map((box) => box.dataset.choice)),
      ['current', 'example', 's:Base', 's:Peak week 旺季', 's:Quiet'],
    );
    await pick(page, 'current', 'example');
    await table(page).waitFor();
    assert.deepEqual(await columns(page), ['Current inputs', 'Example: support centre annual plan']);
    // The current inputs (250 contacts → 50 agents); the example: 1 500 contacts at AHT 270 s.
    assert.deepEqual(await row(page, 'Contacts per interval'), [
      // Beyond +100 % the change reads as a factor.
      { value: '250', difference: '' }, { value: '1,500', difference: '+1,250 (×6.0)' },
    ]);
    assert.deepEqual((await row(page, 'Average handle time (s)')).map((cell) => cell.value), ['300', '270']);
    const agents = await row(page, 'Required agents');
    assert.equal(agents[0].value, '50');
    // The example: 225 Erlangs; the occupancy cap decides, 225 / 0.85 → 265 (expected.py).
    assert.equal(agents[1].value, '265');
    assert.deepEqual(errors, []);
  });

  test('fewer than two choices show no table; a fifth is refused', async (t) => {
    const { page, errors } = await comparePage(t);
    const help = page.getByText('Pick at least two scenarios to compare.');
    const refusal = page.getByText('At most four scenarios can be compared at once.');
    await help.waitFor();
    assert.equal(await table(page).count(), 0);
    await choice(page, 'current').check();
    assert.equal(await table(page).count(), 0);
    await help.waitFor();

    await pick(page, 'example', 's:Base', 's:Quiet');
    await eventually(async () => assert.equal((await columns(page)).length, 4));
    assert.equal(await help.count(), 0);
    await choice(page, 's:Peak week 旺季').click();
    await refusal.waitFor();
    assert.equal(await choice(page, 's:Peak week 旺季').isChecked(), false);
    assert.deepEqual(await columns(page), ['Current inputs', 'Example: support centre annual plan', 'Base', 'Quiet']);

    // Unticking one makes room again.
    await choice(page, 'example').uncheck();
    await eventually(async () => assert.equal(await refusal.count(), 0));
    await choice(page, 's:Peak week 旺季').check();
    await eventually(async () => assert.deepEqual(await columns(page), ['Current inputs', 'Base', 'Quiet', 'Peak week 旺季']));
    // 250, 200, 50 and 300 contacts (8.33 Erlangs for 50 → 12 agents, 86.2 %).
    assert.deepEqual((await row(page, 'Required agents')).map((cell) => cell.value), ['50', '40', '12', '59']);
    assert.deepEqual(errors, []);
  });

  test('the staffing curves and monthly requirements are drawn, and redrawn for another choice', async (t) => {
    const { page, errors } = await comparePage(t);
    await pick(page, 's:Base', 's:Quiet');
    for (const id of ['compare-curve', 'compare-projection']) {
      await eventually(async () => assert.ok(await chartHasSeries(page, id), id));
    }
    const before = await canvasSnapshot(page, 'compare-curve');
    await choice(page, 's:Peak week 旺季').check();
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, 'compare-curve'), before));
    assert.ok(await chartHasSeries(page, 'compare-projection'));
    assert.deepEqual(errors, []);
  });

  test('volume-scale at 115 makes the whole day 15 % busier and compare shows it costlier in the day, the shifts and the plan', async (t) => {
    // The built-in day (24 half-hours, whole contacts), as a new user finds it.
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    await eventually(async () => assert.ok((await number(page, 'day-volume')) > 0));
    const [volume, cost] = [await number(page, 'day-volume'), await number(page, 'day-cost')];
    const interval = await text(page, 'required-agents');
    await page.getByTestId('scenario-name').fill('Base');
    await page.getByTestId('scenario-save').click();

    await type(page, 'volume-scale', '115');
    // Every interval × 1.15: the day's contacts exactly 15 % more, and it costs more.
    await eventually(async () => assert.equal(await number(page, 'day-volume'), Math.round(volume * 1.15)));
    await eventually(async () => assert.ok((await number(page, 'day-cost')) > cost));
    // The one-interval calculator is the interval as entered.
    assert.equal(await text(page, 'required-agents'), interval);
    await page.getByTestId('scenario-name').fill('Vol+15');
    await page.getByTestId('scenario-save').click();
    await eventually(async () => {
      const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY_SCENARIOS));
      assert.ok(stored.data.some((s) => s.name === 'Vol+15' && s.inputs.volume_scale_pct === 115));
    });

    await page.getByTestId('compare').click();
    await page.getByTestId('compare-choices').waitFor();
    await clearChoice(page);
    await pick(page, 's:Base', 's:Vol+15');
    await eventually(async () => assert.equal(await table(page).getAttribute('data-settled'), 'true'), { timeout: 60_000 });
    assert.deepEqual(await row(page, 'Volume what-if (% of as entered)'), [
      { value: '100.0', difference: '' }, { value: '115.0', difference: '+15.0 (+15.0 %)' },
    ]);
    const [contacts, dayCost, shiftCost, planCost] =
      await rows(page, 'Contacts', 'Cost of the day', 'Cost of the shifts', 'Cost over the plan');
    assert.deepEqual(contacts.map((c) => c.value), [volume, Math.round(volume * 1.15)].map((n) => n.toLocaleString('en-US')));
    for (const cells of [dayCost, shiftCost, planCost]) {
      const [base, busier] = cells.map((c) => Number(c.value.replace(/[^\d.]/g, '')));
      assert.ok(busier > base, JSON.stringify(cells));
      assert.match(cells[1].difference, /^\+/, JSON.stringify(cells));
    }
    assert.equal(await table(page).locator('tbody tr', { has: page.locator('th', { hasText: /^Cost over the plan$/ }) })
      .locator('[data-change="worse"]').count(), 1);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('the issue\'s example: "Base" against "Vol+15 AHT-20" typed as two what-ifs is 15 % busier in the day and costlier in the day, the shifts and the plan', async (t) => {
    // The defaults as a new user finds them: 200 contacts at the busiest half-hour, AHT 300 s.
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    await eventually(async () => assert.equal(await text(page, 'day-volume'), '2,472'));
    assert.equal(await page.getByTestId('aht-change').inputValue(), '0');
    await page.getByTestId('scenario-name').fill('Base');
    await page.getByTestId('scenario-save').click();

    // An AHT change that would leave no handle time is refused, saying why; the last good value stays.
    await type(page, 'aht-change', '-300');
    await eventually(async () => assert.equal(
      await page.locator('.field', { has: page.getByTestId('aht-change') }).getByRole('alert').textContent(),
      'With the AHT what-if every AHT must stay above 0 s and within 7,200 s; allowed here: -299 – 6900'));
    assert.equal(await page.getByTestId('aht-change').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, 'required-agents'), '40');
    await type(page, 'volume-scale', '115');
    await type(page, 'aht-change', '-20');
    await page.keyboard.press('Tab');
    // The calculator is 20 s faster (its volume as entered): 200 × 280 / 1800 = 31.11 Erlangs, 37 agents (native test).
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '37'));
    assert.equal(await text(page, 'load'), '31.11 Erlangs');
    // The day: every interval × 1.15 at AHT 280 s, 2,842.8 contacts; costlier (staffing.rs, the what-if).
    await eventually(async () => assert.equal(await text(page, 'day-cost'), '9,875.00'));
    assert.equal(await text(page, 'day-volume'), '2,843');
    await page.getByTestId('scenario-name').fill('Vol+15 AHT-20');
    await page.getByTestId('scenario-save').click();
    await eventually(async () => {
      const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY_SCENARIOS));
      const saved = Object.fromEntries(stored.data.map((s) => [s.name, s.inputs]));
      assert.deepEqual([saved.Base.aht_change_s, saved.Base.volume_scale_pct], [0, 100]);
      assert.deepEqual([saved['Vol+15 AHT-20'].aht_change_s, saved['Vol+15 AHT-20'].volume_scale_pct], [-20, 115]);
    });

    await page.getByTestId('compare').click();
    await page.getByTestId('compare-choices').waitFor();
    await clearChoice(page);
    await pick(page, 's:Base', 's:Vol+15 AHT-20');
    await eventually(async () => assert.equal(await table(page).getAttribute('data-settled'), 'true'), { timeout: 60_000 });
    const [scale, aht, contacts, dayCost, hires, agents] = await rows(page,
      'Volume what-if (% of as entered)', 'AHT what-if (seconds added)', 'Contacts', 'Cost of the day', 'Hires over the plan', 'Required agents');
    assert.deepEqual(scale, [{ value: '100.0', difference: '' }, { value: '115.0', difference: '+15.0 (+15.0 %)' }]);
    assert.deepEqual(aht.map((c) => c.value), ['0', '-20']);
    assert.equal(aht[1].difference, '−20');
    // The day's contacts exactly 15 % more; its cost, the plan's hires (staffing.rs native test) and the shifts' cost up.
    assert.deepEqual(contacts, [{ value: '2,472', difference: '' }, { value: '2,843', difference: '+371 (+15.0 %)' }]);
    assert.deepEqual(dayCost.map((c) => c.value), ['9,267.86', '9,875.00']);
    assert.deepEqual(hires.map((c) => c.value), ['6', '12']);
    assert.deepEqual(agents.map((c) => c.value), ['40', '37']);
    const [shiftCost, planCost] = await rows(page, 'Cost of the shifts', 'Cost over the plan');
    for (const cells of [dayCost, shiftCost, planCost]) {
      const [base, busier] = cells.map((c) => Number(c.value.replace(/[^\d.]/g, '')));
      assert.ok(busier > base, JSON.stringify(cells));
      assert.match(cells[1].difference, /^\+/, JSON.stringify(cells));
    }
    await assertNoBadNumbers(page);

    // Kept with the inputs over a reload.
    await page.getByTestId('nav-staffing').click();
    await page.reload();
    await eventually(async () => assert.equal(await page.getByTestId('aht-change').inputValue(), '-20'));
    assert.equal(await page.getByTestId('volume-scale').inputValue(), '115');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '37'));
    assert.deepEqual(errors, []);
  });

  test('each scenario\'s plan is computed off the page and matches the scorecard page\'s summary', async (t) => {
    const { page, errors } = await settledComparison(t, 'current', 'example');
    const [hires, peak, cost] = await rows(page, 'Hires over the plan', 'Peak required FTE', 'Cost per contact (plan)');
    for (const cells of [hires, peak, cost]) {
      for (const cell of cells) assert.match(cell.value, /^\d+(\.\d+)?$/, JSON.stringify(cells));
    }
    // The example's plan: about 380–460 FTE (the scorecard test's range, 2 % either side).
    assert.ok(Number(peak[1].value) >= 380 * 0.98 && Number(peak[1].value) <= 460 * 1.02, JSON.stringify(peak));

    // The same plan, for the current inputs, on the scorecard page.
    await page.getByTestId('nav-scorecard').click();
    await eventually(async () => assert.match(await text(page, 'summary-peak'), /^\d/));
    assert.equal((await text(page, 'summary-peak')).split(' ')[0], peak[0].value);
    assert.equal(await text(page, 'summary-hires'), hires[0].value);
    assert.equal(await text(page, 'summary-cost-per-contact'), cost[0].value);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('each scenario\'s shifts are solved off the page; a day too short for any shift shows none', async (t) => {
    const { page, errors } = await settledComparison(t, 'current', 'example');
    const [paid, heads, sl] = await rows(page, 'Paid hours', 'Agents', 'Service level with these shifts');
    // The example's day (24 half-hours, up to 1 500 contacts): solved.
    assert.match(paid[1].value, /^[\d,]+\.\d$/, JSON.stringify(paid));
    assert.match(heads[1].value, /^[\d,]+$/, JSON.stringify(heads));
    assert.match(sl[1].value, /^\d+\.\d %$/, JSON.stringify(sl));
    // The current inputs' day is two half-hours: no shift fits in it.
    assert.deepEqual([paid[0].value, heads[0].value, sl[0].value], ['—', '—', '—']);
    await page.getByTestId('nav-schedule').click();
    await page.getByTestId('schedule-problem').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'schedule-problem'), 'No shift fits in the day: 8.5 h, 4 h cannot start and end within it.');
    // The example's shifts, on the schedule page.
    await page.getByTestId('nav-staffing').click();
    await page.getByTestId('load-example').click();
    await page.getByTestId('nav-schedule').click();
    await eventually(async () => assert.equal(await text(page, 'schedule-paid-hours'), paid[1].value));
    assert.equal(await text(page, 'schedule-heads'), heads[1].value);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('it opens with the current inputs and the latest scenario, and remembers the choice', async (t) => {
    const { page, errors } = await compareFromUrl(t);
    await table(page).waitFor();
    assert.deepEqual(await columns(page), ['Current inputs', 'Quiet']);
    // Rows in groups, each with a heading.
    assert.deepEqual(await table(page).locator('tr.group th').allTextContents(),
      ['Inputs', 'One interval', 'The day', 'Shifts (each scenario\'s day or week)', 'The plan (months)']);
    // 50 contacts instead of 250 (12 agents instead of 50): a lower service level
    // (86.2 %, small centres run less efficiently) and a lower cost, in colour and words.
    const change = (label) => table(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) })
      .locator('td[data-column="1"] .difference');
    assert.equal(await change('Service level').getAttribute('data-change'), 'worse');
    assert.equal(await change('Service level').getAttribute('title'), 'vs first · worse');
    assert.equal(await change('Service level').evaluate((e) => getComputedStyle(e).color), 'rgb(179, 38, 30)');
    assert.equal(await change('Cost of the interval').getAttribute('data-change'), 'better');
    assert.equal(await change('Cost of the interval').evaluate((e) => getComputedStyle(e).color), 'rgb(29, 122, 70)');
    // Inputs are neither better nor worse.
    assert.equal(await change('Contacts per interval').getAttribute('data-change'), '');

    // A new choice is kept over a reload; a scenario deleted since drops out.
    await choice(page, 's:Quiet').uncheck();
    await pick(page, 's:Peak week 旺季', 'example');
    await eventually(async () => assert.deepEqual(await columns(page), ['Current inputs', 'Peak week 旺季', 'Example: support centre annual plan']));
    await page.reload();
    await table(page).waitFor();
    assert.deepEqual(await columns(page), ['Current inputs', 'Peak week 旺季', 'Example: support centre annual plan']);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY_SCENARIOS, envelope([{ name: 'Base', inputs: { ...VALID_INPUTS, volume: 200 } }])]);
    await page.reload();
    await table(page).waitFor();
    assert.deepEqual(await columns(page), ['Current inputs', 'Example: support centre annual plan']);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('the comparison page opens directly from its URL', async (t) => {
    const { page, errors } = await compareFromUrl(t);
    await page.getByTestId('compare-choices').waitFor();
    await clearChoice(page);
    await pick(page, 's:Quiet', 's:Base');
    await eventually(async () => assert.deepEqual(await columns(page), ['Quiet', 'Base']));
    assert.equal(await page.getByTestId('compare').getAttribute('aria-current'), 'page');
    assert.deepEqual(errors, []);
  });
});
