// In-browser timing: from an input event on the volume box to both charts
// redrawn, in headless Chromium on the release build; and the gzip size of
// the built site. Run: ./run.sh bench (or, after a build: cd tests && node bench/input-to-chart.mjs).
//
// Leptos runs its effects (the chart redraws) as microtasks after the event,
// so a zero-delay timeout after dispatching the event resolves once the
// engine has run, the DOM is patched and both canvases are redrawn. Paint is
// not included.
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch, newPage, open } from '../e2e/harness.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let total = 0;
for (const name of await readdir(dist)) {
  if (name.startsWith('.')) continue;
  const bytes = await readFile(dist + name);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${name.padEnd(44)} ${String(bytes.length).padStart(8)} B  gzip ${String(gz).padStart(7)} B`);
}
console.log(`site total gzip: ${(total / 1024).toFixed(1)} KiB`);

const site = await serve('/');
const browser = await launch();
const { page } = await newPage(browser);
await open(page, site.url);

async function time(model, volumes) {
  await page.getByTestId('model').selectOption(model);
  return page.evaluate(async (volumes) => {
    const box = document.querySelector('[data-testid="volume"]');
    const samples = [];
    for (let round = 0; round < 3; round++) {
      for (const v of volumes) {
        const t0 = performance.now();
        box.value = String(v);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        samples.push(performance.now() - t0);
      }
    }
    samples.sort((a, b) => a - b);
    const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    return { n: samples.length, median: at(0.5), p90: at(0.9), max: samples[samples.length - 1] };
  }, volumes);
}

const volumes = Array.from({ length: 40 }, (_, i) => 100 + i * 25);
// A first pass warms the JIT and the caches; it is not reported.
await time('erlang_c', volumes);
for (const model of ['erlang_c', 'erlang_a']) {
  const r = await time(model, volumes);
  console.log(
    `input → charts redrawn, ${model}, volume 100–1075 per 30 min: median ${r.median.toFixed(1)} ms, ` +
      `p90 ${r.p90.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (n=${r.n})`,
  );
}
await browser.close();
await site.close();
