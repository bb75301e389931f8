// The 36-month Erlang A capacity plan of the engine benchmark
// (`plan_capacity/erlang_a/36 months 96 intervals`: a large centre, 15-minute
// intervals over 24 hours, patience 120 s, 80/20) on the scorecard page, in
// headless Chromium on the release build. An edit of the monthly growth is
// timed from its input event to the scorecard table showing the new plan:
// the message to the Web Worker, the plan there (3 456 interval requirements
// and as many reverse evaluations), the reply and the DOM patch. So the
// plan's own time in wasm is below each sample. Run: ./run.sh bench (or,
// after a build: cd tests && node bench/capacity-plan.mjs).
import { serve, launch, newPage, seedStorage } from '../e2e/harness.mjs';
import { VALID_INPUTS, envelope, KEY_CURRENT } from '../e2e/cases.mjs';

const site = await serve('/');
const browser = await launch();
// The engine benchmark's hourly profile, each hour's four quarters alike.
const hourly = Array.from({ length: 24 }, (_, h) => 0.1 + Math.sin((Math.PI * h) / 23));
const intraday = hourly.flatMap((v) => Array(4).fill(Math.round(v * 1000)));
const plan = {
  ...VALID_INPUTS, model: 'erlang_a', patience_s: 120, aht_s: 300, interval_min: 15, day_start_min: 0, intraday,
  scorecard: {
    horizon: 36, monthly_volume: 3000000, growth_pct: 0.5, fcr_pct: 75, repeat_pct: 60, deflection_pct: 20,
    aht_trend_pct: 0, open_days: 30, open_hours: 24, start_headcount: 3000, attrition_pct: 2, ramp: [1.3, 1.1],
    seasonality: [1.05, 0.95, 1.0, 1.0, 0.98, 0.97, 1.02, 1.0, 1.03, 1.01, 1.08, 1.12],
  },
};
const { context, page } = await newPage(browser);
await seedStorage(context, { [KEY_CURRENT]: envelope(plan) });
await page.goto(`${site.url}#/scorecard`);
await page.waitForFunction(() => document.querySelectorAll('tr[data-kpi="service_level"] td[data-month]').length === 36, null, { timeout: 120_000 });
const r = await page.evaluate(async () => {
  const box = document.querySelector('[data-testid="growth"]');
  const table = () => document.querySelector('tr[data-kpi="service_level"]').closest('table');
  const samples = [];
  for (let i = 0; i < 12; i++) {
    const before = table().textContent;
    const t0 = performance.now();
    box.value = String([0.6, 0.7, 0.5][i % 3]);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    while (table().textContent === before) await new Promise((resolve) => setTimeout(resolve, 0));
    samples.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The first two warm the JIT; not reported.
  const kept = samples.slice(2).sort((a, b) => a - b);
  return { n: kept.length, median: kept[Math.floor(kept.length / 2)], max: kept[kept.length - 1] };
});
console.log(
  `36-month Erlang A plan (96 fifteen-minute intervals) on the scorecard page: edit → new plan shown ` +
    `median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (n=${r.n})`,
);
await browser.close();
site.close?.();
process.exit(0);
