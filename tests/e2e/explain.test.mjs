// Answers that explain themselves (issue 10): which target decides the
// number of agents, and what each target needs on its own; the ASA and
// abandonment targets a planner sets, with their met / not-met marks.
// Expected counts: tests/e2e/expected.py, section "explain.test.mjs".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, eventually, text, numberOf, type, reload, expectSaved, assertNoBadNumbers, saveScreenshot, canvasSnapshot, CONCURRENCY,
  chartHasSeries, downloadText, expectNewFigure,
} from './harness.mjs';

const ctx = useSite('/');

/** What each target needs alone, by its `data-limit`, and which ones decide (bold). */
async function byLimit(page) {
  return page.getByTestId('by-limit').locator('li').evaluateAll((items) =>
    items.map((li) => ({ limit: li.dataset.limit, text: li.textContent, binding: li.classList.contains('binding') })));
}

/** The met / not-met mark beside a figure ('' when it has none). */
const mark = (page, testId) =>
  page.locator('.figure').filter({ has: page.getByTestId(testId) }).locator('.mark').allTextContents();

describe('why this many agents', { concurrency: CONCURRENCY }, () => {
  test('the defaults: 80/20 alone needs 39 agents, the 85 % occupancy cap decides 40', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    assert.equal(await text(page, 'required-agents'), '40');
    assert.equal(await text(page, 'decided-by'), 'occupancy ≤ 85 %');
    assert.deepEqual(await byLimit(page), [
      { limit: 'service_level', text: 'service level 80 % within 20 s: 39 agents', binding: false },
      { limit: 'max_occupancy', text: 'occupancy ≤ 85 %: 40 agents', binding: true },
    ]);
    // No ASA target, so no mark on the ASA.
    assert.deepEqual(await mark(page, 'asa'), []);

    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await text(page, 'decided-by'), '坐席占用率 ≤ 85 %'));
    assert.deepEqual((await byLimit(page)).map((l) => l.text), [
      '服务水平 80 %（20 秒内）：39 名坐席',
      '坐席占用率 ≤ 85 %：40 名坐席',
    ]);
    assert.deepEqual(errors, []);
  });

  test('a maximum ASA typed key by key joins the answer, decides it, is marked, and is kept over a reload', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'max-asa', '5');
    // 33.3 Erlangs, AHT 300 s: ASA ≤ 5 s needs 42 agents (3.6 s; 41 give 5.3 s).
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '42'));
    assert.equal(await page.getByTestId('max-asa').inputValue(), '5');
    assert.equal(await text(page, 'decided-by'), 'ASA ≤ 5 s');
    assert.deepEqual((await byLimit(page)).map((l) => [l.limit, l.text, l.binding]), [
      ['service_level', 'service level 80 % within 20 s: 39 agents', false],
      ['max_asa', 'ASA ≤ 5 s: 42 agents', true],
      ['max_occupancy', 'occupancy ≤ 85 %: 40 agents', false],
    ]);
    assert.equal(await text(page, 'asa'), '3.6 s');
    assert.deepEqual(await mark(page, 'asa'), ['✓ target met']);
    assert.equal(await text(page, 'fte'), '60.0');

    // 10 s: ASA alone needs 40 (8.6 s; 39 give 13.4 s), the same as the cap: both decide.
    await type(page, 'max-asa', '0');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '40'));
    const withoutCap = await canvasSnapshot(page, 'staffing-curve');
    await type(page, 'max-asa', '10');
    await eventually(async () => assert.equal(await text(page, 'decided-by'), 'ASA ≤ 10 s · occupancy ≤ 85 %'));
    assert.equal(await text(page, 'required-agents'), '40');
    // Same agents, same curve: what changed on the chart is the cap's dashed line (and its legend entry).
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, 'staffing-curve'), withoutCap));

    // Reverse mode with 39 agents: the ASA (13.4 s) misses the 10 s target.
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '39');
    await eventually(async () => assert.deepEqual(await mark(page, 'asa'), ['✗ target not met']));
    assert.equal(await text(page, 'asa'), '13.4 s');

    await expectSaved(page, { max_asa_s: 10, reverse: true, agents: 39 });
    await reload(page);
    assert.equal(await page.getByTestId('max-asa').inputValue(), '10');
    assert.equal(await text(page, 'decided-by'), 'ASA ≤ 10 s · occupancy ≤ 85 %');
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('0 means no ASA target; a refused value keeps the last good one', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'max-asa', '5');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '42'));
    await type(page, 'max-asa', '0');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '40'));
    assert.deepEqual((await byLimit(page)).map((l) => l.limit), ['service_level', 'max_occupancy']);
    await type(page, 'max-asa', '-3');
    await eventually(async () => assert.match(await page.locator('.field').filter({ has: page.getByTestId('max-asa') }).getByRole('alert').textContent(), /0 – 3600/));
    assert.equal(await text(page, 'required-agents'), '40');
    assert.deepEqual(errors, []);
  });

  test('the abandonment target applies to Erlang A only; the example shows the cap turning 212 agents into 265', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    assert.equal(await page.getByTestId('max-abandon').isDisabled(), true);
    await page.getByTestId('load-example').click();
    await eventually(async () => assert.equal(await page.getByTestId('aht').inputValue(), '270'));
    assert.equal(await page.getByTestId('max-abandon').isDisabled(), false);
    assert.equal(await page.getByTestId('max-abandon').inputValue(), '7');
    // 1 500 contacts per 30 min at AHT 270 s: 225 Erlangs, Erlang A with 120 s patience;
    // abandonment is 7.32 % at 211 agents, 6.97 % at 212.
    assert.equal(await text(page, 'required-agents'), '265');
    assert.equal(await text(page, 'decided-by'), 'occupancy ≤ 85 %');
    assert.deepEqual((await byLimit(page)).map((l) => [l.limit, l.text, l.binding]), [
      ['service_level', 'service level 80 % within 20 s: 212 agents', false],
      ['max_abandon', 'abandonment ≤ 7 %: 212 agents', false],
      ['max_occupancy', 'occupancy ≤ 85 %: 265 agents', true],
    ]);
    assert.deepEqual(await mark(page, 'abandon'), ['✓ target met']);
    await saveScreenshot(page, 'explain-example-desktop');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByTestId('why-agents').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'explain-example-phone');
    assert.deepEqual(errors, []);
  });

  test('reverse mode carries into the day: the same agents in every interval, and what they achieve', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '36');
    // The built-in weekday (2 472 contacts, busiest half-hour 200) with 36 agents in each half-hour: 91.7 % (expected.py).
    await eventually(async () => assert.equal(await text(page, 'day-peak-agents'), '36'));
    assert.equal(await text(page, 'day-volume'), '2,472');
    assert.equal(await text(page, 'day-service-level'), '91.7 %');
    assert.equal(await text(page, 'day-agent-hours'), '432.0 h');
    assert.equal(await text(page, 'day-paid-hours'), '617.1 h');
    // Back to planning: the day is staffed to the requirement again (peak 40, the busiest half-hour's).
    await page.getByTestId('reverse').uncheck();
    await eventually(async () => assert.equal(await text(page, 'day-peak-agents'), '40'));
    assert.deepEqual(errors, []);
  });

  test('the calculator is one interval of the day: the busiest by default, or the one picked in its list or the day\'s table', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('day-table').locator('summary').click();
    const rows = page.getByTestId('day-table').locator('tbody tr');
    await eventually(async () => assert.equal(await rows.count(), 24));
    const cells = async (i) => rows.nth(i).locator('th, td').allTextContents();
    const picker = page.getByTestId('calculator-interval');
    // By default the busiest half-hour, 11:00 with 200 contacts: marked in the list and the table.
    assert.equal(await picker.inputValue(), '6');
    assert.equal(await picker.locator('option:checked').textContent(), '11:00 · 200 (busiest)');
    assert.equal(await page.getByTestId('volume').inputValue(), '200');
    assert.equal(await text(page, 'from-interval'), 'Contacts from the day\'s interval at 11:00');
    assert.equal((await cells(6))[1], '200');
    assert.equal(await rows.nth(6).getAttribute('aria-current'), 'true');
    assert.equal(await page.getByLabel('Interval of the day').inputValue(), '6');

    // Picked from the list with the keyboard (two down from 11:00: 12:00): its volume, and the day's agents for it.
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => assert.equal(await picker.inputValue(), '8'));
    const [start8, contacts8, agents8] = await cells(8);
    assert.equal(start8, '12:00');
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), contacts8));
    assert.equal(await text(page, 'required-agents'), agents8);
    assert.equal(await text(page, 'from-interval'), 'Contacts from the day\'s interval at 12:00');

    // Picked by a click on a row of the day's table.
    const [start3, contacts3, agents3] = await cells(3);
    assert.equal(start3, '09:30');
    await rows.nth(3).locator('td').first().click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), contacts3));
    assert.equal(await text(page, 'required-agents'), agents3);
    assert.equal(await picker.inputValue(), '3');
    assert.equal(await rows.nth(3).getAttribute('aria-current'), 'true');

    // Typed in the calculator, the volume is that interval's of the day: the day's total moves by exactly the difference.
    const dayBefore = numberOf(await text(page, 'day-volume'));
    await type(page, 'volume', '300');
    await eventually(async () => assert.equal((await cells(3))[1], '300'));
    assert.equal(numberOf(await text(page, 'day-volume')), dayBefore - Number(contacts3) + 300);
    assert.equal((await cells(3))[2], await text(page, 'required-agents'));
    // Now the busiest, and still the one shown.
    assert.equal(await picker.inputValue(), '3');
    assert.equal(await picker.locator('option:checked').textContent(), '09:30 · 300 (busiest)');
    const saved = await expectSaved(page, (s) => {
      assert.equal(s.intraday[3], 300);
      assert.equal(s.volume, 300);
      assert.equal(s.calculator_interval, 3);
    });
    assert.equal(saved.intraday.reduce((a, b) => a + b), dayBefore - Number(contacts3) + 300);
    await reload(page);
    assert.equal(await page.getByTestId('volume').inputValue(), '300');
    assert.equal(await page.getByTestId('calculator-interval').inputValue(), '3');
    assert.equal(numberOf(await text(page, 'day-volume')), dayBefore - Number(contacts3) + 300);
    await page.getByTestId('day-table').locator('summary').click();
    assert.equal((await cells(3))[1], '300');
    const agentsAt300 = (await cells(3))[2];

    // The schedule page plans the changed day: 09:30 requires what the staffing page's day says.
    await page.getByTestId('nav-schedule').click();
    await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
    const coverage = page.getByTestId('coverage-table').locator('tbody tr');
    await eventually(async () => assert.equal(await coverage.count(), 24));
    // Shifts cover the agents on the phones after 30 % shrinkage: ⌈agents / 0.7⌉.
    assert.deepEqual((await coverage.nth(3).locator('th, td').allTextContents()).slice(0, 2),
      ['09:30', String(Math.ceil(Number(agentsAt300) / 0.7))]);
    assert.deepEqual(errors, []);
  });

  test('on a phone the four key figures stay in view while a slider is dragged; touch targets are 44 px', async (t) => {
    const { page, errors } = await ctx.openApp(t, { viewport: { width: 360, height: 740 } });
    const bar = page.getByTestId('phone-summary');
    assert.equal(await text(page, 'phone-agents'), '40');
    assert.equal(await text(page, 'phone-sl'), '87.8 %');
    assert.equal(await text(page, 'phone-asa'), '8.6 s');
    assert.equal(await text(page, 'phone-cost'), '714.29');
    // Scrolled down to the last slider of the inputs, the bar is still at the top of the screen.
    await page.getByTestId('cost-per-hour-slider').scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    assert.ok(box.y >= 0 && box.y < 10, `the bar is at the top (y = ${box.y})`);
    const slider = await page.getByTestId('aht-slider').boundingBox();
    await page.getByTestId('aht-slider').scrollIntoViewIfNeeded();
    const track = await page.getByTestId('aht-slider').boundingBox();
    await page.mouse.click(track.x + track.width * 0.9, track.y + track.height / 2);
    await expectNewFigure(page, 'phone-agents', '40');
    assert.equal(await text(page, 'phone-agents'), await text(page, 'required-agents'));
    assert.ok(slider.width > 0);
    // The reverse-mode checkbox and the buttons are big enough to hit with a thumb.
    const reverse = await page.locator('fieldset.reverse legend label').boundingBox();
    assert.ok(reverse.height >= 44, `reverse-mode label ${reverse.height} px`);
    // In reverse mode the bar's agents are the user's, named so (not "Required agents").
    const agentsLabel = page.getByTestId('phone-summary').locator('div', { has: page.getByTestId('phone-agents') }).locator('.label');
    assert.equal(await agentsLabel.textContent(), 'Required agents');
    await page.locator('fieldset.reverse legend label').click();
    await type(page, 'agents', '35');
    await eventually(async () => assert.equal(await text(page, 'phone-agents'), '35'));
    assert.equal(await agentsLabel.textContent(), 'Agents on the phones');
    assert.equal(await text(page, 'agents-on-phones'), '35');
    // On a desktop the bar is not there (the results are beside the inputs).
    await page.setViewportSize({ width: 1440, height: 900 });
    assert.equal(await bar.isVisible(), false);
    assert.deepEqual(errors, []);
  });

  test('a keyboard walk through the staffing inputs: one tab stop per field, arrows step, Space switches reverse mode', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('volume').focus();
    const order = ['volume'];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.dataset.testid));
    }
    // Erlang C: patience and abandonment are disabled, so Tab skips them; the agents box waits for reverse mode.
    // The calculator's interval of the day follows its contacts; the two what-ifs come before reverse mode.
    assert.deepEqual(order, [
      'volume', 'calculator-interval', 'aht', 'sl-target', 'sl-seconds', 'interval', 'shrinkage', 'max-occupancy', 'max-asa', 'model',
      'cost-per-hour', 'volume-scale', 'aht-change', 'reverse', order[14], order[15],
    ]);
    // Space ticks reverse mode; Tab then reaches the agents box, and ↑ adds an agent.
    await page.getByTestId('reverse').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByTestId('reverse').isChecked(), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'agents');
    await page.keyboard.press('ArrowUp');
    await eventually(async () => assert.equal(await text(page, 'agents-on-phones'), '41'));
    // ↑ on the interval box steps through its choices, and the results follow.
    await page.getByTestId('interval').focus();
    await page.keyboard.press('ArrowUp');
    await eventually(async () => assert.equal(await page.getByTestId('interval').inputValue(), '60'));
    assert.deepEqual(errors, []);
  });

  test('the curve as a table: the classic agents table, with the chosen row and the first row meeting each target', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('curve-table').locator('summary').click();
    const row = (n) => page.getByTestId('curve-table').locator(`tbody tr[data-agents="${n}"]`).locator('th, td').allTextContents();
    // expected.py: 39 agents 25.4 % / 82.6 % / 13.4 s / 85.5 %; 40 agents 19.1 % / 87.8 % / 8.6 s / 83.3 %.
    assert.deepEqual(await row(39), ['39', '25.4 %', '82.6 %', '13.4 s', '85.5 %', 'first to meet service level 80 % within 20 s']);
    assert.deepEqual(await row(40), ['40', '19.1 %', '87.8 %', '8.6 s', '83.3 %', 'Chosen · first to meet occupancy ≤ 85 %']);
    assert.equal(await page.getByTestId('curve-table').locator('tbody tr.chosen').count(), 1);
    // Erlang A adds the abandonment column.
    await page.getByTestId('model').selectOption('erlang_a');
    await eventually(async () => assert.equal((await page.getByTestId('curve-table').locator('thead th').allTextContents()).length, 7));
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('the folded tables hold no rows until opened, then follow each key typed, and empty again when folded (issue 26, item 4)', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const curve = page.getByTestId('curve-table');
    const day = page.getByTestId('day-table');
    const chosen = () => curve.locator('tbody tr.chosen th').textContent();
    assert.equal(await text(page, 'required-agents'), '40');
    // Folded, neither table has a row in the page.
    assert.equal(await curve.locator('tbody tr').count(), 0);
    assert.equal(await day.locator('tbody tr').count(), 0);
    await curve.locator('summary').click();
    await eventually(async () => assert.equal(await chosen(), '40'));
    // Open, the rows follow the volume typed key by key: 3, 30, 300 contacts.
    await type(page, 'volume', '3');
    await eventually(async () => assert.equal(await chosen(), await text(page, 'required-agents')));
    assert.notEqual(await chosen(), '40');
    await page.keyboard.type('00');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '59'));
    await eventually(async () => assert.equal(await chosen(), '59'));
    assert.equal(await curve.locator('tbody tr.chosen').count(), 1);
    // The day's table, opened, has a row per interval of the day, the calculator's marked.
    await day.locator('summary').click();
    await eventually(async () => assert.equal(await day.locator('tbody tr').count(), await page.getByTestId('use-interval').count()));
    assert.ok(await day.locator('tbody tr').count() > 1);
    assert.equal(await day.locator('tbody tr[aria-current="true"]').count(), 1);
    // Folded again: the rows go, and come back up to date when opened.
    await curve.locator('summary').click();
    await eventually(async () => assert.equal(await curve.locator('tbody tr').count(), 0));
    await type(page, 'volume', '200');
    await eventually(async () => assert.equal(await text(page, 'required-agents'), '40'));
    await curve.locator('summary').click();
    await eventually(async () => assert.equal(await chosen(), '40'));
    await expectSaved(page, { volume: 200 });
    assert.deepEqual(errors, []);
  });

  test('money in the currency the user picks, thousands separated, remembered over a reload', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    assert.equal(await text(page, 'cost'), '714.29');
    assert.equal(await text(page, 'day-cost'), '9,267.86'); // the built-in day planned (expected.py)
    await page.getByTestId('currency').selectOption('CNY');
    await eventually(async () => assert.equal(await text(page, 'cost'), '¥714.29'));
    assert.equal(await text(page, 'day-cost'), '¥9,267.86');
    await reload(page);
    assert.equal(await page.getByTestId('currency').inputValue(), 'CNY');
    assert.equal(await text(page, 'cost'), '¥714.29');
    // The scorecard's money too: the answer's cost per contact and its target.
    await page.getByTestId('nav-scorecard').click();
    await eventually(async () => assert.match(await text(page, 'summary-cost-per-contact'), /^¥\d+\.\d\d$/));
    assert.match(await text(page, 'summary-cpc-target'), /target ≤ ¥4\.20$/);
    // The monthly CSV's money columns name the currency; the cost chart's axes do too (redrawn).
    const header = (await downloadText(page, 'export-csv-monthly')).text.split(/\r?\n/)[0].split(',');
    assert.deepEqual(header.filter((name) => name.includes('cost')), ['total_cost_cny', 'cost_per_contact_cny', 'cost_per_resolved_cny']);
    await eventually(async () => assert.ok(await chartHasSeries(page, 'cost-chart')));
    const inYuan = await canvasSnapshot(page, 'cost-chart');
    await page.getByTestId('currency').selectOption('none');
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, 'cost-chart'), inYuan));
    const plain = (await downloadText(page, 'export-csv-monthly')).text.split(/\r?\n/)[0].split(',');
    assert.deepEqual(plain.filter((name) => name.includes('cost')), ['total_cost', 'cost_per_contact', 'cost_per_resolved']);
    await eventually(async () => assert.match(await text(page, 'summary-cost-per-contact'), /^\d+\.\d\d$/));
    assert.deepEqual(errors, []);
  });
});
