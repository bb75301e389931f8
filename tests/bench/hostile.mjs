// Issue 24's heavy inputs, timed as the page's longest task (Long Tasks
// API) in headless Chromium on the release build: a ten-year history of
// 30-minute weekdays (52 200 lines, 1.07 MB) and one of 15-minute
// intervals, 07:00–21:00 (146 160 lines, about 3.1 MB, near the most that is saved) read on the forecast page and forecast,
// then the page reloaded with it saved; and a capped week of
// shifts (96 × 15-minute intervals, 7 days, cap 120) solved on the shifts
// page. The work runs in the engine worker: the page's own tasks should
// stay short. Run: ./run.sh bench (or, after a build: cd tests && node
// bench/hostile.mjs).
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, seedStorage } from '../e2e/harness.mjs';
import { VALID_INPUTS, envelope, KEY_CURRENT } from '../e2e/cases.mjs';

/** Ten years of weekdays: `count` intervals of `step` minutes from `first` (minutes after midnight), seeded noise. */
function history(step, first, count) {
  const years = 10;
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const lines = ['date,start,contacts'];
  const day = new Date(Date.UTC(2024 - years, 0, 6));
  for (let d = 0; d < 365 * years; d++, day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = day.toISOString().slice(0, 10);
    for (let i = 0; i < count; i++) {
      const minutes = first + step * i;
      const shape = 0.5 + Math.sin((Math.PI * (i + 0.5)) / count);
      const volume = Math.round((80 + d * 0.01) * shape * (weekday === 1 ? 1.2 : 1) * (0.9 + 0.2 * random()));
      lines.push(`${date},${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')},${volume}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Records the longest task the page runs from now on. */
async function watchLongTasks(context) {
  await context.addInitScript(() => {
    window.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longest = (page) => page.evaluate(() => Math.round(window.longestTask));

const site = await serve('/');
const browser = await launch();
const results = [];

for (const [step, first, count] of [[30, 480, 20], [15, 420, 56]]) {
  const dir = await mkdtemp(join(tmpdir(), 'ccplan-bench-'));
  const file = join(dir, `history-${step}.csv`);
  const text = history(step, first, count);
  await writeFile(file, text);
  const size = `ten years of ${step}-minute weekdays, ${text.split('\n').length - 2} lines, ${(text.length / 1e6).toFixed(2)} MB`;
  const { context, page } = await newPage(browser);
  await watchLongTasks(context);
  await page.goto(`${site.url}#/forecast`);
  await page.getByTestId('history-text').waitFor();
  const t0 = Date.now();
  await page.getByTestId('history-file').setInputFiles(file);
  await page.getByTestId('forecast-days').waitFor({ timeout: 300_000 });
  results.push([`history of ${size} read and forecast (fresh page)`, await longest(page), Date.now() - t0]);
  const t1 = Date.now();
  await page.reload();
  await page.getByTestId('forecast-days').waitFor({ timeout: 300_000 });
  results.push([`the same, saved, on a reload`, await longest(page), Date.now() - t1]);
  await context.close();
}

{
  // A bank-like day of 96 quarter hours peaking near 110 agents' work, a week of it capped at 120 heads.
  const intraday = Array.from({ length: 96 }, (_, i) => Math.round(40 + 260 * Math.max(0, Math.sin((Math.PI * (i - 28)) / 60))));
  const inputs = {
    ...VALID_INPUTS, interval_min: 15, day_start_min: 0, intraday, intraday_aht: [],
    // One 8-hour shift starting every 15 minutes from 00:00 to 16:00 with
    // 3 break placements, 5 days of 7: 65 × 3 × 21 = 4 095 week variants.
    schedule: {
      shifts: [{
        name: '8 h', earliest_start_min: 0, latest_start_min: 960, start_step_min: 15, length_min: 480,
        break_min: 30, break_earliest_after_min: 180, break_latest_after_min: 210, break_paid: false,
        max_heads: 0, days: Array(7).fill(true), days_per_agent: 5,
      }],
      max_heads: 120,
      budget_hours: null,
      budget_heads: null,
      week_pct: [100, 100, 100, 100, 100, 100, 100],
    },
  };
  const { context, page } = await newPage(browser);
  await watchLongTasks(context);
  await seedStorage(context, { [KEY_CURRENT]: envelope(inputs) });
  const t0 = Date.now();
  await page.goto(`${site.url}#/schedule`);
  await page.waitForFunction(() => document.querySelector('[data-testid="schedule-figures"], [data-testid="schedule-problem"]'), null, { timeout: 600_000 });
  results.push(['capped week of shifts (cap 120)', await longest(page), Date.now() - t0]);
  await context.close();
}

console.log('| case | longest task on the page (ms) | until the answer (ms) |');
console.log('|---|---|---|');
for (const [name, task, total] of results) console.log(`| ${name} | ${task} | ${total} |`);
await browser.close();
await site.close();
