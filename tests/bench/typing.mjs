// Typing key by key on a phone (issue 26, item 4): what a person sees when
// typing digits into a box, at 390 × 844 CSS pixels, pixel ratio 3, the CPU
// slowed 4× (Chromium's CPU throttling through the DevTools protocol).
// Run after a build: `cd tests && node bench/typing.mjs [runs]` (default 3
// runs; each prints its own numbers, then the median over the runs of each
// run's median and p90). This is the measure of BENCHMARKS.md's typing
// section since issue 26. Options (environment):
// - BEFORE=<another build's dist>: that build too, each case typed on both
//   in turn, for an A/B at the same time on the same machine;
// - CASES=0,2: only these cases (0 box in view, 1 curve in view, 2 scorecard);
// - CSS=<rules>: this build with and without the rules (an experiment);
// - `node bench/typing.mjs profile` (CCPLAN_DIST set to a build that keeps
//   wasm function names; TOP=20 adds the top functions): where each key's
//   main-thread time goes, from the DevTools CPU profiler.
// `bench/trace-typing.mjs <case>` writes a DevTools trace of the same typing
// and sums its events by name, per key (browser work: style, layout, paint).
//
// How it differs from painted.mjs (an `input` event dispatched from script
// and timed to the end of the next frame's main-thread work):
// - Real key presses (`page.keyboard.press`, one digit at a time, the box's
//   text selected first, so "250" is typed as 2, 25, 250): each key is a
//   keydown, keypress, beforeinput, the browser's own text insertion (and
//   its reveal of the caret), input and keyup, all on the main thread.
// - Timed from the keydown's own time stamp (when the browser received the
//   key), not from a script's call.
// - "Painted" is when the frame that shows the answer is on screen: the
//   Event Timing API's `duration` of the key's events (key time stamp to
//   the presentation of the next frame after its handlers, what Chrome's
//   INP reports, rounded to 8 ms; only entries of 16 ms or more exist, a key
//   faster than that counts as 16 ms). On the scorecard page the answer
//   comes later from the Web Worker, so there (and as a second measure on
//   the staffing page) "painted" is the start of the frame after the one
//   that shows the answer: requestAnimationFrame registered when the answer
//   is in the DOM (staffing: in the input's task; scorecard: when the table's
//   data-settled turns "true"), then a second requestAnimationFrame inside it
//   ("next frame" below). That is the conservative end: up to one vsync
//   after the presentation. The end of the main thread's work for the frame
//   (painted.mjs's measure, from the key) is printed too.
import { join } from 'node:path';
import { serve, launch } from '../e2e/harness.mjs';
import { breakdown } from './painted.mjs';
import { PHONE, RATE, TYPING_CASES } from './typing-cases.mjs';


/** Installed before the app: per digit key, its time stamp and what followed it. */
function instrument() {
  const keys = (window.benchKeys = []);
  const timing = (window.benchTiming = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) timing.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // No Event Timing: only the frame measures.
  }
  let current = null;
  // Waiting for a key's measures without polling (polling would itself run
  // script in every frame of the page being measured).
  const waiters = [];
  window.benchDone = (n) => new Promise((resolve, reject) => {
    const check = () => (keys[n] && keys[n].nextFrame !== undefined ? resolve() : waiters.push(check));
    check();
    setTimeout(() => reject(new Error(`key ${n}: no frame after 10 s`)), 10_000);
  });
  const frames = (k) => {
    requestAnimationFrame(() => {
      k.frameStart = performance.now();
      setTimeout(() => (k.frameDone = performance.now()), 0);
      requestAnimationFrame(() => {
        k.nextFrame = performance.now();
        k.scrollAfter = window.scrollY;
        for (const check of waiters.splice(0)) check();
      });
    });
  };
  window.addEventListener('keydown', (e) => {
    if (!/^[0-9]$/.test(e.key)) return;
    current = { key: e.key, t0: e.timeStamp, scrollBefore: window.scrollY };
    keys.push(current);
  }, true);
  window.addEventListener('input', () => {
    if (!current) return;
    current.input = performance.now();
    if (!window.benchWaitForPlan) frames(current);
  }, true);
  // The scorecard: the answer is in when the table settles after the input
  // (watched on the whole document: the table may be built again).
  new MutationObserver((records) => {
    const settled = records.some((r) => r.target.dataset.testid === 'scorecard-table' && r.target.dataset.settled === 'true');
    if (settled && current && current.input && !current.answered && window.benchWaitForPlan) {
      current.answered = performance.now();
      frames(current);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-settled'] });
}

const ONLY = process.env.CASES ? process.env.CASES.split(',').map(Number) : null;
const CASES = TYPING_CASES.filter((_, i) => !ONLY || ONLY.includes(i));

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1], n: sorted.length };
};
const fmt = (s) => `${s.median.toFixed(1)} / ${s.p90.toFixed(1)} (${s.max.toFixed(1)})`;

async function runCase(browser, url, c, rounds, profile = false, css = '') {
  const context = await browser.newContext(PHONE);
  context.setDefaultTimeout(60_000);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}${c.hash}`);
  if (c.plan) {
    await page.waitForFunction(() => document.querySelector('[data-testid="scorecard-table"]')?.dataset.settled === 'true');
  } else {
    await page.waitForFunction(() => /^\d/.test(document.querySelector('[data-testid="required-agents"]')?.textContent ?? ''));
  }
  if (css) await page.addStyleTag({ content: css });
  await page.evaluate((plan) => (window.benchWaitForPlan = plan), Boolean(c.plan));
  await page.waitForTimeout(500);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const box = page.getByTestId(c.box);
  const typeNumber = async (number) => {
    // Where the page is when typing starts: the view of this case.
    await page.getByTestId(c.view).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await box.evaluate((el) => {
      el.focus({ preventScroll: true });
      el.select();
    });
    await page.waitForTimeout(300);
    for (const digit of number) {
      const before = await page.evaluate(() => window.benchKeys.length);
      await page.keyboard.press(digit);
      await page.evaluate((n) => window.benchDone(n), before);
      // About the pace of a person typing on a phone.
      await page.waitForTimeout(150);
    }
  };
  // Warm-up (not reported): the JIT and the caches.
  await typeNumber(c.numbers[0]);
  await page.evaluate(() => {
    window.benchKeys.length = 0;
  });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  for (let round = 0; round < rounds; round++) await typeNumber(c.numbers[(round + 1) % c.numbers.length]);
  await page.waitForTimeout(500);
  if (profile) {
    const n = await page.evaluate(() => window.benchKeys.length);
    const { profile: cpu } = await cdp.send('Profiler.stop');
    const groups = breakdown(cpu, n);
    const total = groups.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`main-thread time per key, ${c.name}, CPU slowed ${RATE}× (CPU profile): ${total.toFixed(1)} ms`);
    for (const [group, ms] of groups) if (ms >= 0.05) console.log(`  ${group.padEnd(52)} ${ms.toFixed(2)} ms`);
    if (process.env.TOP) {
      // The functions with the most self time, and (inclusive) the app's own.
      const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
      const self = new Map();
      cpu.samples.forEach((id, i) => {
        const name = byId.get(id).callFrame.functionName || '(anonymous)';
        self.set(name, (self.get(name) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
      });
      for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP))) {
        console.log(`    self ${(ms / n).toFixed(2).padStart(7)} ms  ${name.slice(0, 140)}`);
      }
      const parent = new Map();
      for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const incl = new Map();
      cpu.samples.forEach((id, i) => {
        const seen = new Set();
        for (let walk = id; walk !== undefined; walk = parent.get(walk)) {
          const name = byId.get(walk).callFrame.functionName;
          if (!/ccplan_app|ccplan_engine/.test(name) || seen.has(name)) continue;
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
        }
      });
      for (const [name, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP))) {
        console.log(`    incl ${(ms / n).toFixed(2).padStart(7)} ms  ${name.slice(0, 140)}`);
      }
    }
  }
  const { keys, timing } = await page.evaluate(() => ({ keys: window.benchKeys, timing: window.benchTiming }));
  const start = c.plan ? 'answered' : 'input';
  const result = {
    eventTiming: stats(keys.map((k) => Math.max(16, ...timing.filter((e) => Math.abs(e.start - k.t0) < 1).map((e) => e.duration)))),
    nextFrame: stats(keys.map((k) => k.nextFrame - k.t0)),
    frameDone: stats(keys.map((k) => k.frameDone - k.t0)),
    keyToInput: stats(keys.map((k) => k.input - k.t0)),
    answer: stats(keys.map((k) => k[start] - k.t0)),
    scrolled: keys.filter((k) => Math.abs(k.scrollAfter - k.scrollBefore) > 1).length,
  };
  await context.close();
  return result;
}

const site = await serve('/');
const browser = await launch();
// `node bench/typing.mjs profile` (with CCPLAN_DIST set to a build that keeps
// wasm function names, see BENCHMARKS.md): where the time per key goes, only.
if (process.argv[2] === 'profile') {
  for (const c of CASES) await runCase(browser, site.url, c, c.rounds ?? 5, true);
  await browser.close();
  await site.close();
  process.exit(0);
}
const runs = Number(process.argv[2] ?? 3);
// BEFORE=<another build's dist>: that build too, each case run on both in
// turn (before, then this one), for an A/B on the same machine at the same time.
const builds = [['this build', site.url]];
let other;
if (process.env.BEFORE) {
  other = await serve('/', join(process.env.BEFORE, '/'));
  builds.unshift(['before', other.url]);
}
// CSS=<rules>: instead, this build with these rules added to the page (an experiment).
if (process.env.CSS) builds.unshift(['with CSS', site.url, process.env.CSS]);
const all = new Map();
for (let run = 0; run < runs; run++) {
  for (const c of CASES) {
    for (const [build, url, css] of builds) {
      const r = await runCase(browser, url, c, c.rounds ?? 5, false, css);
      const key = `${build}|${c.name}`;
      all.set(key, [...(all.get(key) ?? []), r]);
      console.log(
        `run ${run + 1}, ${build}, ${c.name}: key → next frame ${fmt(r.nextFrame)} ms; Event Timing ${fmt(r.eventTiming)} ms; ` +
          `key → frame's main-thread work done ${fmt(r.frameDone)} ms; key → ${c.plan ? 'answer' : 'input event'} ${fmt(r.answer)} ms ` +
          `(n=${r.nextFrame.n}; ${r.scrolled} keys scrolled the page)`,
      );
    }
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nMedian over ${runs} runs of each run's median / p90, 390×844 @3x, CPU slowed ${RATE}×:`);
for (const c of CASES) {
  for (const [build] of builds) {
    const rs = all.get(`${build}|${c.name}`);
    const m = (field, q) => med(rs.map((r) => r[field][q])).toFixed(1);
    console.log(
      `  ${build}, ${c.name}: key → next frame ${m('nextFrame', 'median')} / ${m('nextFrame', 'p90')} ms; ` +
        `Event Timing ${m('eventTiming', 'median')} / ${m('eventTiming', 'p90')} ms; ` +
        `main-thread work done ${m('frameDone', 'median')} / ${m('frameDone', 'p90')} ms`,
    );
  }
}
await browser.close();
await site.close();
if (other) await other.close();
