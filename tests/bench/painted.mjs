// Input → painted on a phone-sized screen (390 × 844 CSS pixels, pixel ratio
// 3), at full speed and with the CPU slowed 4× (Chromium's CPU throttling
// through the DevTools protocol, a common stand-in for a mid-range phone):
// the staffing page (the volume box) and the scorecard page (the growth box).
// Imported by input-to-chart.mjs.
//
// Since issue 26 the measure of typing on a phone is bench/typing.mjs (real
// keys, timed from the key's time stamp to the frame presented): this one
// sets the box's value from script, so it leaves out the key's events and
// the browser's own text editing, and stops at the end of the frame's
// main-thread work (BENCHMARKS.md, "typing key by key on a phone"). It stays
// for the redraw counts and the burst.
//
// Method.
// - Input → painted: one `input` event is dispatched on the box; then a
//   requestAnimationFrame callback, registered in the same task (or, on the
//   scorecard page, in the task that brings the plan from the Web Worker: the
//   table's data-settled turning "true"), runs at the start of the next
//   frame's rendering step, before any rAF callback the app registers later
//   in that task, so the app's own rAF work is in the same frame; a
//   setTimeout(0) queued from it runs once that frame's script, style,
//   layout and paint on the main thread are done. Rasterising and
//   compositing happen off the main thread and are not included. The wait
//   for the next frame (up to one vsync, 16.7 ms) is part of the number, as it
//   is for a user. Samples are 400 ms apart (more than the 300 ms an
//   off-screen chart waits), so each starts at an idle page and at a random
//   point of the frame.
// - Redraws: a redraw of a page canvas starts with a call that paints over
//   all of it (plotters first fills its area white; a kept layer would be
//   copied with drawImage), so the page's CanvasRenderingContext2D fillRect
//   and drawImage are wrapped (before the app loads) to count such calls on
//   canvases in the document, by test id (clearRect is not counted: it only
//   comes before a fill). Counted from each input
//   until the next, so a chart drawn later (off screen, when the page is
//   idle) counts too.
// - Where the script time goes (`scriptTime`, its own run): the DevTools CPU
//   profiler (50 µs samples) over the same inputs at full speed; each sample is put in the first matching
//   group, walking its stack from the top: text measured through the DOM
//   (plotters' web font measurer appends a span to the body and reads its
//   offsetWidth: a forced layout), a chart (by its drawing function), the
//   engine, the DOM patch (tachys), the rest of Leptos; "(program)" is the
//   browser's own work (style, layout, paint); "(idle)" is left out. Wasm
//   function names are there only in a build that keeps them (wasm-opt -g,
//   see BENCHMARKS.md); without them wasm time shows as "wasm (no names)".
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, locale: 'en-US' };

/** Runs before the app: counts redraws of page canvases in `window.benchRedraws` (test id → count). */
function countRedraws() {
  const redraws = (window.benchRedraws = {});
  const covers = (canvas, x, y, w, h) => x <= 0 && y <= 0 && x + w >= canvas.width - 1 && y + h >= canvas.height - 1;
  const count = (canvas) => {
    const id = canvas.isConnected && canvas.dataset && canvas.dataset.testid;
    if (id) redraws[id] = (redraws[id] ?? 0) + 1;
  };
  const proto = CanvasRenderingContext2D.prototype;
  const fillRect = proto.fillRect;
  proto.fillRect = function (x, y, w, h) {
    if (covers(this.canvas, x, y, w, h)) count(this.canvas);
    return fillRect.apply(this, arguments);
  };
  const drawImage = proto.drawImage;
  proto.drawImage = function (image, ...rest) {
    // drawImage(image, dx, dy) or (image, dx, dy, dw, dh).
    if (rest.length === 2 || rest.length === 4) {
      const [dx, dy, dw = image.width, dh = image.height] = rest;
      if (covers(this.canvas, dx, dy, dw, dh)) count(this.canvas);
    }
    return drawImage.apply(this, arguments);
  };
}

/**
 * In the page: one input on box `testId` (value `value`), timed until its
 * frame is painted; the redraws counted until `pauseMs` later.
 */
function sampleInPage({ testId, value, waitForPlan, pauseMs }) {
  return (async () => {
    const box = document.querySelector(`[data-testid="${testId}"]`);
    const before = { ...window.benchRedraws };
    let answered = null;
    if (waitForPlan) {
      const table = document.querySelector('[data-testid="scorecard-table"]');
      answered = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (table.dataset.settled === 'true') {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(table, { attributes: true, attributeFilter: ['data-settled'] });
      });
    }
    const t0 = performance.now();
    box.value = String(value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // (An answer that never comes, e.g. to inputs equal to the last ones, is given 5 s.)
    if (answered) await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 5000))]);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const painted = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const redraws = {};
    for (const [id, n] of Object.entries(window.benchRedraws)) if (n - (before[id] ?? 0) > 0) redraws[id] = n - (before[id] ?? 0);
    return { painted, redraws };
  })();
}

/**
 * In the page: input events on `testId` as fast as the page takes them (a
 * zero-delay timeout between them) for `ms`, like a dragged slider; counts
 * events, frames and redraws (until 1 s after the last event).
 */
function burstInPage({ testId, values, ms }) {
  return (async () => {
    const box = document.querySelector(`[data-testid="${testId}"]`);
    const before = { ...window.benchRedraws };
    let frames = 0;
    let running = true;
    const frame = () => {
      if (!running) return;
      frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    let events = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      box.value = String(values[events % values.length]);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      events++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    running = false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const redraws = {};
    for (const [id, n] of Object.entries(window.benchRedraws)) if (n - (before[id] ?? 0) > 0) redraws[id] = n - (before[id] ?? 0);
    return { events, frames, redraws };
  })();
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** "staffing-curve 1.00, intraday-chart 0.00" from redraw counts summed over `n` inputs. */
function perInput(totals, n, charts) {
  return charts.map((id) => `${id} ${((totals[id] ?? 0) / n).toFixed(2)}`).join(', ');
}

/** Groups for the CPU profile; the first whose pattern matches a frame, from the top of the stack down. */
const GROUPS = [
  ['text measured through the DOM (forced layout)', /estimate_layout|FontDataInternal|__wbg_offset(Width|Height)|__wbg_appendwithnode1/i],
  ['chart: staffing curve', /draw_staffing_curve/],
  ['chart: intraday', /draw_intraday/],
  ['chart: monthly', /charts::monthly|draw_fte|draw_service|draw_cost/],
  ['chart: other plotters work', /plotters/],
  ['canvas calls from the charts', /^__wbg_(fill|stroke|set(font|fillStyle|strokeStyle|lineWidth|textAlign|textBaseline|linecap|linejoin)|arc|moveTo|lineTo|beginPath|closePath|save|restore|translate|rotate|drawImage|putImageData|getContext|setwidth|setheight|getBoundingClientRect)/i],
  ['engine', /ccplan_engine/],
  ['DOM patch (tachys)', /tachys/],
  ['Leptos (reactive graph, effects)', /reactive_graph|leptos|any_spawner|wasm_bindgen_futures/],
  ['app (model, views)', /ccplan_app/],
];

/** Milliseconds of each group per input, from a DevTools CPU profile. */
export function breakdown(profile, inputs) {
  const parent = new Map();
  const byId = new Map();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const groupOf = new Map();
  const classify = (id) => {
    if (groupOf.has(id)) return groupOf.get(id);
    const name = byId.get(id).callFrame.functionName;
    let group;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      group = name === '(program)' ? 'browser: style, layout, paint, … (program)' : name;
    } else {
      let walk = id;
      while (walk !== undefined && !group) {
        const frame = byId.get(walk).callFrame.functionName;
        const match = GROUPS.find(([, pattern]) => pattern.test(frame));
        if (match) group = match[0];
        walk = parent.get(walk);
      }
      if (!group) {
        group = /^wasm-function\[|^\$func/.test(name) ? 'wasm (no names)' : 'other script';
      }
    }
    groupOf.set(id, group);
    return group;
  };
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const group = classify(id);
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  totals.delete('(idle)');
  return [...totals].sort((a, b) => b[1] - a[1]).map(([group, ms]) => [group, ms / inputs]);
}

/** A page at phone size with the app opened on `hash`, the CPU slowed `rate` times. */
async function phonePage(browser, url, hash, rate) {
  const context = await browser.newContext(PHONE);
  context.setDefaultTimeout(60_000);
  await context.addInitScript(countRedraws);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}${hash}`);
  if (hash === '#/scorecard') {
    await page.waitForFunction(() => document.querySelector('[data-testid="scorecard-table"]')?.dataset.settled === 'true');
  } else {
    await page.waitForFunction(() => /^\d/.test(document.querySelector('[data-testid="required-agents"]')?.textContent ?? ''));
  }
  await page.waitForTimeout(500);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

const CASES = [
  {
    name: 'staffing page, volume box',
    hash: '#/',
    box: 'volume',
    values: Array.from({ length: 20 }, (_, i) => 150 + i * 10),
    waitForPlan: false,
    charts: ['staffing-curve', 'intraday-chart'],
    views: [['the box in view', 'volume'], ['the staffing curve in view', 'staffing-curve']],
  },
  {
    name: 'scorecard page, growth box',
    hash: '#/scorecard',
    box: 'growth',
    values: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5],
    waitForPlan: true,
    charts: ['fte-chart', 'scorecard-chart', 'cost-chart'],
    views: [['the box in view', 'growth'], ['the staff chart in view', 'fte-chart']],
  },
];

export async function inputToPainted(browser, url) {
  const rounds = 40;
  for (const c of CASES) {
    for (const rate of [1, 4]) {
      const { context, page } = await phonePage(browser, url, c.hash, rate);
      for (const [view, target] of c.views) {
        await page.getByTestId(target).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(300);
        // Warm-up (not reported): the JIT and the caches.
        for (let i = 0; i < 8; i++) {
          await page.evaluate(sampleInPage, { testId: c.box, value: c.values[i % c.values.length], waitForPlan: c.waitForPlan, pauseMs: 50 });
        }
        const samples = [];
        const redraws = {};
        for (let i = 0; i < rounds; i++) {
          const r = await page.evaluate(sampleInPage, {
            testId: c.box, value: c.values[(i + 1) % c.values.length], waitForPlan: c.waitForPlan, pauseMs: 400,
          });
          samples.push(r.painted);
          for (const [id, n] of Object.entries(r.redraws)) redraws[id] = (redraws[id] ?? 0) + n;
        }
        samples.sort((a, b) => a - b);
        console.log(
          `input → painted, ${c.name}, ${view}, 390×844 @3x, CPU ${rate === 1 ? 'full speed' : `slowed ${rate}×`}: ` +
            `median ${quantile(samples, 0.5).toFixed(1)} ms, p90 ${quantile(samples, 0.9).toFixed(1)} ms, ` +
            `max ${samples[samples.length - 1].toFixed(1)} ms (n=${rounds}); redraws per input: ${perInput(redraws, rounds, c.charts)}`,
        );
      }
      if (rate === 4) {
        // A dragged slider: events as fast as the page takes them, for 2 s, the box's own view.
        await page.getByTestId(c.box).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        const b = await page.evaluate(burstInPage, { testId: c.box, values: c.values, ms: 2000 });
        console.log(
          `  burst, ${c.name}, CPU slowed 4×: ${b.events} input events in ${b.frames} frames; redraws: ` +
            (c.charts.map((id) => `${id} ${b.redraws[id] ?? 0}`).join(', ')),
        );
      }
      await context.close();
    }
  }
}

/**
 * Where the main thread's time per input goes, at full speed with the chart
 * in view (a DevTools CPU profile, grouped by GROUPS). Wasm functions have
 * names only in a build that keeps them: `./run.sh bench` builds one
 * (index-names.html, wasm-opt -g) and runs `node bench/input-to-chart.mjs
 * profile` on it.
 */
export async function scriptTime(browser, url) {
  const rounds = 40;
  for (const c of CASES) {
    const { context, page, cdp } = await phonePage(browser, url, c.hash, 1);
    await page.getByTestId(c.views[1][1]).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    for (let i = 0; i < 8; i++) {
      await page.evaluate(sampleInPage, { testId: c.box, value: c.values[i % c.values.length], waitForPlan: c.waitForPlan, pauseMs: 50 });
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    for (let i = 0; i < rounds; i++) {
      await page.evaluate(sampleInPage, { testId: c.box, value: c.values[(i + 1) % c.values.length], waitForPlan: c.waitForPlan, pauseMs: 150 });
    }
    const { profile } = await cdp.send('Profiler.stop');
    const groups = breakdown(profile, rounds);
    const total = groups.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`main-thread time per input, ${c.name}, ${c.views[1][0]}, full speed (CPU profile): ${total.toFixed(1)} ms`);
    for (const [group, ms] of groups) if (ms >= 0.05) console.log(`  ${group.padEnd(52)} ${ms.toFixed(2)} ms`);
    await context.close();
  }
}
