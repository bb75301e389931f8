// A DevTools trace of typing key by key (typing.mjs's phone profile and
// cases, a pause of 400 ms between keys): the time per key of each kind of
// trace event, by thread, including the browser's own work (editing, style,
// layout, paint, commit) that the CPU profile shows only as "(program)".
// Not part of ./run.sh bench: `node bench/trace-typing.mjs <case 0|1|2>
// [out.json]` (the trace, to open in DevTools' Performance panel);
// CSS=<rules> adds rules to the page first (an experiment).
import { writeFile } from 'node:fs/promises';
import { serve, launch } from '../e2e/harness.mjs';
import { PHONE, RATE, TYPING_CASES } from './typing-cases.mjs';

const c = TYPING_CASES[Number(process.argv[2] ?? 0)];
const site = await serve('/');
const browser = await launch();
const context = await browser.newContext(PHONE);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${site.url}${c.hash}`);
await page.getByTestId(c.box).waitFor();
// CSS=<rules>: a style added to the page, for experiments.
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.waitForTimeout(1500);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
const box = page.getByTestId(c.box);
const typeNumber = async (number) => {
  await page.getByTestId(c.view).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await box.evaluate((el) => { el.focus({ preventScroll: true }); el.select(); });
  await page.waitForTimeout(300);
  for (const digit of number) {
    await page.keyboard.press(digit);
    await page.waitForTimeout(400);
  }
};
await typeNumber(c.numbers[0]);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'v8.execute', 'input', 'benchmark', 'latencyInfo', 'toplevel'] },
  transferMode: 'ReportEvents',
});
let keys = 0;
for (let i = 1; i <= 3; i++) { await typeNumber(c.numbers[i]); keys += c.numbers[i].length; }
await cdp.send('Tracing.end');
await done;
if (process.argv[3]) await writeFile(process.argv[3], JSON.stringify(events));
const threads = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const totals = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const t = threads.get(`${e.pid}:${e.tid}`) ?? e.tid;
  const k = `${t} | ${e.name}`;
  totals.set(k, (totals.get(k) ?? 0) + e.dur / 1000);
}
for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(ms / keys).toFixed(2).padStart(8)} ms/key  ${k}`);
await browser.close();
await site.close();
