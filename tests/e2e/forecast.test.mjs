// The forecast page: history pasted, opened or loaded from the example; the
// daily forecast, its model and its holdout score; known events and days
// left out; a forecast day's intervals with the agents they need, planned
// on the staffing page; the history kept across a reload; bad history gets
// messages, never a panic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  useSite, eventually, text, saveScreenshot, assertNoBadNumbers, settledFigure, expectNewFigure, downloadLines, VIEWPORTS, CONCURRENCY,
} from './harness.mjs';

const ctx = useSite('/');
const BANK = fileURLToPath(new URL('../../engine/tests/reference/bank-calls-train-30min.csv', import.meta.url));

async function openForecast(t, options) {
  const opened = await ctx.openApp(t, options);
  await opened.page.getByTestId('nav-forecast').click();
  await opened.page.getByTestId('history-text').waitFor();
  return opened;
}

const numberIn = (s) => Number(s.replaceAll(',', ''));

// The bank history rewritten line by line: `each(date, time, calls)` gives
// a line; the header takes the first line's separator; `end` ends lines.
async function bankAs(each, end = '\n') {
  const [header, ...rows] = (await readFile(BANK, 'utf8')).trim().split('\n');
  const separator = [';', '\t'].find((s) => each('2003-03-03', '07:00', 1).includes(s)) ?? ',';
  return [header.replaceAll(',', separator), ...rows.map((r) => { const [d, t, n] = r.split(','); return each(d, t, Number(n)); })].join(end) + end;
}
// 1050 as 1.050: a dot grouping thousands.
const dotThousands = (n) => (n >= 1000 ? `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}` : String(n));
const firstDayTotal = async (page) => page.getByTestId('forecast-day').first().locator('td').nth(2).textContent();
async function openHistoryFile(page, name, content) {
  await page.getByTestId('history-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}
// The example's first forecast day, then the history cleared.
async function exampleFirstDay(page) {
  await page.getByTestId('history-example').click();
  await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
  const total = await firstDayTotal(page);
  await page.getByTestId('history-clear').click();
  await page.getByTestId('forecast-days').waitFor({ state: 'detached' });
  return total;
}

describe('the forecast page', { concurrency: CONCURRENCY }, () => {
  test('a pasted history forecasts ten days, scored on the last twenty, and is still there after a reload', async (t) => {
    const { page, context, errors } = await openForecast(t);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.site.url).origin });
    const csv = await readFile(BANK, 'utf8');
    await page.evaluate((content) => navigator.clipboard.writeText(content), csv);
    await page.getByTestId('history-text').click();
    await page.keyboard.press('ControlOrMeta+V');
    await page.getByTestId('history-read').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'history-summary'),
      'Read 144 days of 30-minute intervals, 07:00–21:30, from 2003-03-03 to 2003-09-25; open Mon, Tue, Wed, Thu, Fri.');
    assert.match(await text(page, 'history-missing'), /2003-04-04, 2003-04-07, 2003-05-26, 2003-07-04, 2003-09-01$/);
    assert.match(await text(page, 'forecast-model-chosen'), /^Model: ETS\((A,N,A|M,N,M|A,Ad,A)\)/);
    assert.match(await text(page, 'forecast-aicc'), /ETS\(A,N,A\) \d[\d.]* · ETS\(M,N,M\) \d[\d.]* · ETS\(A,Ad,A\) \d/);
    // The holdout: the model fitted without the last 20 days, beside the seasonal naive forecast.
    assert.match(await page.locator('div[data-testid="forecast-holdout"]').textContent(), /days: 20 — MAPE \d+\.\d %, WAPE \d+\.\d %.*Seasonal naive \(same weekday last week\): MAPE \d+\.\d %/s);
    const days = page.getByTestId('forecast-day');
    assert.equal(await days.count(), 10);
    assert.match(await days.first().textContent(), /^2003-09-26Fri/);
    for (let i = 0; i < 10; i++) {
      const cells = await days.nth(i).locator('td').allTextContents();
      const [lower, upper] = cells[3].split(' – ').map(numberIn);
      assert.ok(lower < numberIn(cells[2]) && numberIn(cells[2]) < upper, cells.join('|'));
    }
    // The chosen day's intervals: agents at the forecast ≤ for the expected SL ≤ for a 90 % chance.
    await page.locator('[data-testid="forecast-intervals"][data-settled="true"]').waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('forecast-intervals').locator('tbody tr');
    assert.equal(await rows.count(), 29);
    const needs = await Promise.all(['need-point', 'need-expected', 'need-chance'].map((id) => page.getByTestId(id).allTextContents()));
    for (let i = 0; i < 29; i++) assert.ok(+needs[0][i] <= +needs[1][i] && +needs[1][i] <= +needs[2][i], `interval ${i}`);
    assert.ok(needs[0].some((n, i) => +n < +needs[2][i]), 'uncertainty asks for more agents somewhere');
    // Staffing for a 2 % error instead of the model's (5 % or more here) asks for fewer agents for a 90 % chance.
    await page.getByTestId('forecast-cv').selectOption('2');
    await eventually(async () => assert.match(await page.getByTestId('forecast-day-detail').locator('p.help').textContent(), /: 2\.0 % ·/));
    await page.locator('[data-testid="forecast-intervals"][data-settled="true"]').waitFor({ timeout: 60_000 });
    const tight = await page.getByTestId('need-chance').allTextContents();
    assert.deepEqual(await page.getByTestId('need-point').allTextContents(), needs[0]);
    assert.ok(tight.every((n, i) => +n <= +needs[2][i]) && tight.some((n, i) => +n < +needs[2][i]), tight.join());
    // Settings are kept with the history.
    await page.getByTestId('forecast-model').selectOption('ana');
    await page.getByTestId('forecast-horizon').selectOption('20');
    await eventually(async () => assert.equal(await days.count(), 20));
    // Parameters to three significant digits: a season that barely moves is not shown as 0.0000.
    await eventually(async () => assert.match(await text(page, 'forecast-model-chosen'), /^Model: ETS\(A,N,A\) \(α = 0\.\d{3}, γ = 0\.0*[1-9]\d{2}\)$/));
    await page.reload();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('forecast-day').count(), 20);
    assert.equal(await page.getByTestId('forecast-model').inputValue(), 'ana');
    assert.equal(await page.getByTestId('forecast-cv').inputValue(), '2');
    assert.equal((await page.getByTestId('history-text').inputValue()).length, csv.length);
    await assertNoBadNumbers(page);
    await saveScreenshot(page, 'forecast-desktop-en');
    assert.deepEqual(errors, []);
  });

  test('known events raise a day; a day left out refits; the interval forecast downloads; a day goes to the staffing page', async (t) => {
    const { page, errors } = await openForecast(t);
    await page.getByTestId('history-example').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    const first = page.getByTestId('forecast-day').first();
    const total = async () => numberIn((await first.locator('td').nth(2).textContent()));
    const before = await total();
    await page.getByTestId('event-date').click();
    await page.keyboard.type('2003-09-26');
    await page.getByTestId('event-uplift').click();
    await page.keyboard.type('10');
    await page.getByTestId('event-add').click();
    await eventually(async () => assert.ok(Math.abs(await total() - before * 1.1) <= 1, `${await total()} vs ${before} × 1.1`));
    assert.match(await first.textContent(), /event/);
    assert.match(await text(page, 'forecast-event'), /^2003-09-26: \+10 %×$/);
    // A bad event is refused with a message, and nothing is added.
    await page.getByTestId('event-date').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('26/09/2003');
    await page.getByTestId('event-add').click();
    await page.getByTestId('event-bad').waitFor();
    assert.equal(await page.getByTestId('forecast-event').count(), 1);
    // Leaving a day out refits (the AICc line changes).
    const aicc = await settledFigure(page, 'forecast-aicc');
    await page.getByTestId('exclude-date').click();
    await page.keyboard.type('2003-09-02');
    await page.keyboard.press('Enter');
    await expectNewFigure(page, 'forecast-aicc', aicc);
    assert.match(await page.getByTestId('excluded-days').textContent(), /2003-09-02/);
    // A day corrected to the total it should have had refits too; a total
    // that is not a count is refused; putting a day back refits again.
    const aicc2 = await settledFigure(page, 'forecast-aicc');
    await page.getByTestId('exclude-date').click();
    await page.keyboard.type('2003-09-03');
    await page.getByTestId('corrected-total').click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await page.getByTestId('exclude-bad').waitFor();
    assert.equal(await page.getByTestId('exception-day').count(), 1);
    assert.equal(await page.getByTestId('exclude-date').inputValue(), '2003-09-03');
    await page.getByTestId('corrected-total').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('32,000');
    await page.getByTestId('exclude-add').click();
    const aicc3 = await expectNewFigure(page, 'forecast-aicc', aicc2);
    assert.equal(await page.getByTestId('exclude-bad').count(), 0);
    assert.deepEqual(await page.getByTestId('exception-day').allTextContents(), ['2003-09-02×', '2003-09-03 → 32,000×']);
    assert.equal(await page.getByTestId('corrected-total').inputValue(), '');
    await page.getByRole('button', { name: 'Put back 2003-09-03' }).click();
    await eventually(async () => assert.equal(await text(page, 'forecast-aicc'), aicc2));
    assert.notEqual(aicc3, aicc2);
    // The interval forecast as CSV.
    const lines = await downloadLines(page, 'forecast-csv');
    assert.equal(lines[0], 'date,start,contacts,lower,upper');
    assert.equal(lines.length, 1 + 10 * 29);
    assert.match(lines[1], /^2003-09-26,07:00,\d+\.\d,\d+\.\d,\d+\.\d$/);
    // The first day on the staffing page: 29 half-hours from 07:00, the calculator on the busiest.
    // One set of targets: the staffing page's peak is the forecast page's largest point requirement
    // (both with the occupancy cap), and no column of the forecast page asks for less.
    await page.locator('[data-testid="forecast-intervals"][data-settled="true"]').waitFor({ timeout: 60_000 });
    let points = [];
    await eventually(async () => {
      // Both columns read in one go, so a redraw between them cannot pair one table's points with another's.
      const [p, c] = await page.evaluate(() => ['need-point', 'need-chance'].map((id) =>
        [...document.querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent)));
      points = p.map(numberIn);
      const chances = c.map(numberIn);
      assert.equal(points.length, 29);
      assert.ok(points.every((n, i) => Number.isFinite(n) && n <= chances[i]), `${p} / ${c}`);
    });
    await page.getByTestId('forecast-use-day').click();
    await page.getByTestId('required-agents').waitFor();
    await eventually(async () => assert.equal(numberIn(await text(page, 'day-peak-agents')), Math.max(...points)));
    await page.getByTestId('day-table').locator('summary').click();
    const dayRows = page.getByTestId('day-table').locator('tbody tr');
    assert.equal(await dayRows.count(), 29);
    assert.match(await dayRows.first().textContent(), /^07:00/);
    assert.equal(await page.getByTestId('interval').inputValue(), '30');
    // The same day covered with shifts: 29 half-hours from 07:00 on the schedule page.
    await page.getByTestId('nav-forecast').click();
    await page.getByTestId('forecast-schedule-day').click();
    await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'schedule-day'), /^The day: 29 × 30 min from 07:00/);
    // The first week: Friday 26 September to Thursday 2 October, each
    // weekday's volume against the week's mean day, the weekend closed.
    await page.getByTestId('nav-forecast').click();
    await page.getByTestId('forecast-schedule-week').click();
    await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'schedule-day'), /^The week: 5 open days × 29 × 30 min from 07:00/);
    assert.equal(await page.getByTestId('schedule-span').inputValue(), 'week');
    const pct = await page.locator('[data-testid^="week-pct-"]').evaluateAll((b) => b.map((x) => Number(x.value)));
    assert.deepEqual(pct.slice(5), [0, 0]);
    assert.ok(Math.abs(pct.slice(0, 5).reduce((a, b) => a + b, 0) / 5 - 100) < 0.1, JSON.stringify(pct));
    assert.ok(pct.slice(0, 5).every((p) => p > 80 && p < 125), JSON.stringify(pct));
    assert.ok(pct.slice(0, 5).some((p) => p !== 100), JSON.stringify(pct));
    // The day again: one day, not a week made of it.
    await page.getByTestId('nav-forecast').click();
    await page.getByTestId('forecast-schedule-day').click();
    await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'schedule-day'), /^The day: 29 × 30 min from 07:00/);
    assert.deepEqual(errors, []);
  });

  test('the forecast starts the monthly plan: its month, calendar and volume, kept after a reload', async (t) => {
    const { page, errors } = await openForecast(t);
    await page.getByTestId('history-example').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    const days = page.getByTestId('forecast-day');
    let sum = 0;
    for (let i = 0; i < await days.count(); i++) sum += numberIn(await days.nth(i).locator('td').nth(2).textContent());
    const meanDay = sum / await days.count();
    await page.getByTestId('forecast-use-plan').click();
    await page.getByTestId('first-month').waitFor();
    const check = async () => {
      assert.equal(await page.getByTestId('first-month').inputValue(), '2003-09');
      assert.equal(await page.getByTestId('open-days').inputValue(), '21.7');
      assert.equal(await page.getByTestId('open-hours').inputValue(), '14.5');
      // New contacts whose offered contacts (FCR 72 %, half of the rest
      // repeat, 20 % deflected, September's index 1.02) fill 21.7 mean days.
      const volume = numberIn(await page.getByTestId('monthly-volume').inputValue());
      const offeredPerDay = volume * 0.8 / (1 - 0.28 * 0.5) * 1.02 / 21.7;
      assert.ok(Math.abs(offeredPerDay - meanDay) / meanDay < 0.002, `${offeredPerDay} vs ${meanDay}`);
    };
    await check();
    // The starting headcount is the first month's requirement, and the page says so (not the default 90).
    const carried = await text(page, 'headcount-carried');
    assert.match(carried, /^Starting headcount set from the forecast to the first month's required FTE: [\d,]+$/);
    const headcount = numberIn(await page.getByTestId('start-headcount').inputValue());
    assert.equal(numberIn(carried.split(': ')[1]), headcount);
    assert.ok(headcount > 90, `${headcount}`);
    await page.reload();
    await page.getByTestId('first-month').waitFor();
    await check();
    assert.equal(numberIn(await page.getByTestId('start-headcount').inputValue()), headcount);
    assert.deepEqual(errors, []);
  });

  test('bad history gets a message per line and a reason, never a panic; the page works in Chinese on a phone', async (t) => {
    const { page, errors } = await openForecast(t, { locale: 'zh-CN', viewport: VIEWPORTS.phone });
    const box = page.getByTestId('history-text');
    const tryText = async (typed) => {
      await box.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(typed);
      await page.getByTestId('history-read').click();
    };
    await tryText('date,time,calls\n2003-03-03,07:00,12\n2003-03-03,7:30,x\n2003-13-01,08:00,5\n2003-03-03,07:00,9\n2003-03-04,08:00,-1\n');
    await page.getByTestId('history-problems').waitFor();
    const problems = await page.getByTestId('history-problems').locator('li').allTextContents();
    assert.deepEqual(problems, [
      '第 3 行：来电量“x”不是数字。',
      '第 4 行：“2003-13-01”不是 YYYY-MM-DD 格式的日期。',
      '第 5 行：日期和开始时间与第 2 行重复（保留第 2 行）。',
      '第 6 行：来电量 -1 不在 0 到 10,000,000 之间。',
    ]);
    assert.equal(await text(page, 'forecast-problem'), '预测至少需要 15 天有来电量的历史数据（已排除的日期不计）；当前只有 1 天。请补充更早的历史数据，或减少排除的日期。');
    // The preview: the lines as written, the header skipped, bad lines with their reason.
    const previewRows = page.getByTestId('history-preview').locator('tbody tr');
    assert.deepEqual(await previewRows.evaluateAll((rows) => rows.map((r) => [r.className, r.cells.length, r.cells[0].textContent])),
      [['', 4, '2'], ['bad', 2, '3'], ['bad', 2, '4'], ['bad', 2, '5'], ['bad', 2, '6']]);
    assert.equal(await previewRows.first().textContent(), '22003-03-0307:0012');
    assert.equal(await previewRows.nth(1).locator('td').nth(1).textContent(), '第 3 行：来电量“x”不是数字。');
    // Mixed granularity: a day of half-hours beside a day of quarter-hours.
    await tryText('2003-03-03,07:00,5\n2003-03-03,07:30,6\n2003-03-03,08:00,6\n2003-03-03,08:30,6\n2003-03-04,07:00,6\n2003-03-04,07:15,1\n');
    await eventually(async () => assert.equal(await text(page, 'forecast-problem'), '有些日期是 15 分钟时段，另一些是 30 分钟：请统一时段长度。'));
    await tryText('nothing here');
    await eventually(async () => assert.equal(await text(page, 'forecast-problem'), '没有可用的数据行，无法预测。'));
    // The example, in Chinese at phone width: nothing wider than the screen.
    await page.getByTestId('history-example').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'history-summary'), /^已读取 144 天的数据/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false);
    await assertNoBadNumbers(page);
    await saveScreenshot(page, 'forecast-phone-zh');
    assert.deepEqual(errors, []);
  });
  test('a semicolon history with decimal commas and dots grouping thousands is read right', async (t) => {
    const { page, errors } = await openForecast(t);
    const plain = await exampleFirstDay(page);
    // One decimal comma (560,0) says the dots group thousands: 1.050 is 1050.
    const file = (await bankAs((d, t2, n) => `${d};${t2};${dotThousands(n)}`)).replace(';560\n', ';560,0\n');
    await openHistoryFile(page, 'bank-semicolons.csv', file);
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'history-summary'), /^Read 144 days of 30-minute intervals, 07:00–21:30/);
    assert.equal(await firstDayTotal(page), plain);
    const preview = await page.getByTestId('history-preview').locator('tbody tr').allTextContents();
    assert.deepEqual(preview.slice(0, 3), ['22003-03-0307:00560', '32003-03-0307:30609', '42003-03-0308:001,050']);
    assert.equal(await page.getByTestId('history-ambiguous').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('a history whose numbers read two ways asks, reads nothing until told, and keeps the choice', async (t) => {
    const { page, context, errors } = await openForecast(t);
    const plain = await exampleFirstDay(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.site.url).origin });
    const pasted = await bankAs((d, t2, n) => `${d};${t2};${dotThousands(n)}`);
    await page.evaluate((content) => navigator.clipboard.writeText(content), pasted);
    await page.getByTestId('history-text').click();
    await page.keyboard.press('ControlOrMeta+V');
    await page.getByTestId('history-read').click();
    await page.getByTestId('history-ambiguous').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'ambiguous-line'), '2003-03-03;08:00;1.050');
    assert.match(await page.getByTestId('history-ambiguous').textContent(), /Line 4: 2003-03-03;08:00;1\.050/);
    assert.equal(await text(page, 'decimal-dot'), 'The dot is a decimal point (the comma groups thousands): 1.050 = 1.05');
    assert.equal(await text(page, 'decimal-comma'), 'The comma is a decimal comma (the dot groups thousands): 1.050 = 1050');
    // Nothing read: no preview, no days, no forecast; the reason is said.
    assert.equal(await page.getByTestId('history-preview').count(), 0);
    assert.equal(await page.getByTestId('history-summary').count(), 0);
    assert.equal(await page.getByTestId('forecast-days').count(), 0);
    assert.match(await text(page, 'forecast-problem'), /read two ways: choose how to read them above/);
    await page.getByTestId('decimal-comma').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.equal(await firstDayTotal(page), plain);
    assert.equal(await text(page, 'history-decimal-chosen'), 'Numbers read with a decimal comma, as you chose. Choose again');
    assert.equal(await page.getByTestId('history-ambiguous').count(), 0);
    // The choice is kept with the history.
    await page.reload();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.equal(await firstDayTotal(page), plain);
    // Another history is asked about afresh.
    await openHistoryFile(page, 'again.csv', pasted);
    await page.getByTestId('history-ambiguous').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('forecast-days').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('a stray quote and unquoted thousands are refused at their own line, whatever the line ends', async (t) => {
    const { page, errors } = await openForecast(t);
    // A quote typed by mistake spoils its own line only.
    await page.getByTestId('history-text').click();
    await page.keyboard.type('date,time,calls\n2003-03-03,07:00,"12\n2003-03-03,07:30,5\n');
    await page.getByTestId('history-read').click();
    await page.getByTestId('history-problems').waitFor();
    assert.deepEqual(await page.getByTestId('history-problems').locator('li').allTextContents(),
      ['Line 2: a quote (") is opened and not closed on this line.']);
    assert.deepEqual(await page.getByTestId('history-preview').locator('tbody tr').allTextContents(),
      ['2Line 2: a quote (") is opened and not closed on this line.', '32003-03-0307:305']);
    // The bank example with CR-only line ends and one stray quote: the one line, counted right.
    const bank = await readFile(BANK, 'utf8');
    const at = bank.split('\n').findIndex((l) => l.startsWith('2003-03-05,07:00')) + 1;
    await openHistoryFile(page, 'mac.csv', bank.replace('2003-03-05,07:00,', '2003-03-05,07:00,"').replaceAll('\n', '\r'));
    await eventually(async () => assert.deepEqual(await page.getByTestId('history-problems').locator('li').allTextContents(),
      [`Line ${at}: a quote (") is opened and not closed on this line.`]));
    assert.match(await page.getByTestId('history-problems').textContent(), /^Lines not used: 1/);
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'history-summary'), /^Read 144 days/);
    // Thousands written 2,073 in a comma-separated file: four fields, never contacts 2 with an AHT of 73.
    await openHistoryFile(page, 'thousands.csv', await bankAs((d, t2, n) => `${d},${t2},${n.toLocaleString('en-US')}`));
    await eventually(async () => assert.equal(await page.getByTestId('history-problems').locator('li').first().textContent(),
      'Line 4: 4 fields where the header (or most lines) has 3; in a comma-separated file a number written with a thousands separator splits in two: write 2073 or "2,073".'));
    assert.equal(await page.getByTestId('history-ambiguous').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('an event for an interval the day does not have is refused, never applied to the whole day', async (t) => {
    const { page, errors } = await openForecast(t);
    await page.getByTestId('history-example').click();
    await page.getByTestId('forecast-days').waitFor({ timeout: 30_000 });
    const before = await firstDayTotal(page);
    const tryEvent = async (start) => {
      for (const [id, value] of [['event-date', '2003-09-26'], ['event-start', start], ['event-uplift', '100']]) {
        await page.getByTestId(id).click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(value);
      }
      await page.getByTestId('event-add').click();
    };
    for (const start of ['06:00', '21:30', '22:00', '23:59', '07:10']) {
      await tryEvent(start);
      await eventually(async () => assert.equal(await text(page, 'event-outside'),
        "That interval is not one of the history's intervals, so the event was not added (it would not change the forecast). Leave the interval blank for the whole day, or give an interval start from 07:00–21:00."));
      assert.equal(await page.getByTestId('forecast-event').count(), 0, start);
    }
    assert.equal(await firstDayTotal(page), before);
    // The day's last interval is one: added, and the message goes.
    await tryEvent('21:00');
    await eventually(async () => assert.equal(await page.getByTestId('forecast-event').count(), 1));
    assert.equal(await page.getByTestId('event-outside').count(), 0);
    assert.match(await text(page, 'forecast-event'), /^2003-09-26 21:00: \+100 %×$/);
    await eventually(async () => assert.ok(numberIn(await firstDayTotal(page)) > numberIn(before)));
    assert.ok(numberIn(await firstDayTotal(page)) < 1.2 * numberIn(before), 'one interval, not the whole day');
    assert.deepEqual(errors, []);
  });
});
