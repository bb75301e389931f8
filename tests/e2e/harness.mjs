// Shared set-up for the browser tests: a static server for the built site
// (optionally under a sub-path, like a GitHub Pages project page) and
// Debian's headless Chromium driven by playwright-core.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { KEY_CURRENT } from './cases.mjs';

// CCPLAN_DIST: another build to serve (the benchmark's build with wasm function names).
export const DIST = process.env.CCPLAN_DIST
  ? join(process.env.CCPLAN_DIST, '/')
  : fileURLToPath(new URL('../../dist/', import.meta.url));
/**
 * The test build with the `test-panic` feature (a panic on `?ccplan-test-panic`),
 * which `run.sh test` builds; only the error banner's test serves it.
 */
export const PANIC_DIST = process.env.CCPLAN_PANIC_DIST
  ? join(process.env.CCPLAN_PANIC_DIST, '/')
  : fileURLToPath(new URL('../../target/dist-panic/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the build in `dist` under `prefix` (e.g. "/" or "/ccplan/"); resolves to its base URL. */
export async function serve(prefix = '/', dist = DIST) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dist, path.slice(prefix.length)));
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * For one test file: before its tests, serves dist/ under each prefix (name →
 * prefix) and launches the browser; after them, closes both. The object
 * returned is filled in by the `before` hook: read `ctx.sites[name]` and
 * `ctx.browser` inside the tests, not at the file's top level.
 */
export function useSites(prefixes) {
  const ctx = { sites: {}, browser: undefined };
  before(async () => {
    for (const [name, prefix] of Object.entries(prefixes)) ctx.sites[name] = await serve(prefix);
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    for (const site of Object.values(ctx.sites)) await site.close();
  });
  return ctx;
}

/**
 * `useSites` with one site: `ctx.site` (its `url`), `ctx.browser`, and
 * `ctx.openApp(t, options)`, a `freshPage` with the app opened in it.
 */
export function useSite(prefix = '/') {
  const ctx = useSites({ site: prefix });
  return {
    get site() {
      return ctx.sites.site;
    },
    get browser() {
      return ctx.browser;
    },
    async openApp(t, options) {
      const session = await freshPage(t, ctx.browser, options);
      await open(session.page, ctx.sites.site.url);
      return session;
    },
  };
}

/** The screen sizes the screenshot tests use. */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 1000 },
  phone: { width: 360, height: 780 },
};

/** Saves a full-page screenshot as tests/screenshots/<name>.png and checks the file was written. */
export async function saveScreenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  assert.ok((await stat(path)).size > 10_000, `${path} was written`);
}

/**
 * A fresh browser context (empty storage) with a page that records console
 * errors and uncaught exceptions, dialogs (alert/confirm/prompt, dismissed at
 * once) and failed requests, so tests can assert there were none.
 */
export async function newPage(browser, { locale = 'en-US', viewport = { width: 1440, height: 1000 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  context.setDefaultTimeout(10_000); // the app answers in milliseconds; this allows for a busy machine
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  const failedRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failedRequests.push(`failed ${request.url()}`));
  return { context, page, errors, dialogs, failedRequests };
}

/** `newPage` for one node:test test: the context is closed when the test ends. */
export async function freshPage(t, browser, options) {
  const session = await newPage(browser, options);
  t.after(() => session.context.close());
  return session;
}

/**
 * Waits until the engine's first result (required agents) is on screen and
 * the whole app has taken over from the first visit's app (every page and
 * the whole staffing page are there; `first_visit.test.mjs` tests the first
 * visit's app itself).
 */
function firstResult(page) {
  return page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="required-agents"]');
    return document.body.dataset.app === 'whole' && el && /^\d/.test(el.textContent);
  });
}

/** Opens the app and waits until the engine's first result is on screen. */
export async function open(page, url) {
  await page.goto(url);
  await firstResult(page);
}

/** The staffing page's number boxes, in page order. */
export const STAFFING_BOXES = [
  'volume', 'aht', 'sl-target', 'sl-seconds', 'interval', 'shrinkage', 'max-occupancy', 'patience', 'cost-per-hour', 'agents',
];

/** What the number boxes show (test id → value), the staffing page's by default. */
export async function inputValues(page, testIds = STAFFING_BOXES) {
  const shown = {};
  for (const id of testIds) shown[id] = await page.getByTestId(id).inputValue();
  return shown;
}

/** The leading number of an output's text ("81.0 %" → 81). */
/** The number in a figure's text, thousands separators and all: `12,232.14` → 12232.14. */
export const numberOf = (text) => parseFloat(String(text).replaceAll(',', ''));

/** A whole number as the app shows it: `3349` → `3,349`. */
export const grouped = (n, decimals = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export async function number(page, testId) {
  const text = await page.getByTestId(testId).textContent();
  return numberOf(text);
}

/** Types into a number box the way a user does: click, select all, then key by key (`''` deletes). */
export async function type(page, testId, value, { delay = 10 } = {}) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('ControlOrMeta+A');
  const keys = String(value);
  if (keys === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(keys, { delay });
}

/** The inline message of a number field (inside its `.field`; hidden while empty, an alert only while it says something). */
export const fieldMessage = (page, testId) =>
  page.locator('.field', { has: page.getByTestId(testId) }).locator('.field-error');

/** Waits until the field's message matches `pattern`; checks it is shown as an alert and the box is marked invalid. */
export async function expectFieldMessage(page, testId, pattern) {
  await eventually(async () => assert.match(await fieldMessage(page, testId).textContent(), pattern));
  assert.equal(await fieldMessage(page, testId).isVisible(), true);
  assert.equal(await fieldMessage(page, testId).getAttribute('role'), 'alert');
  assert.equal(await page.getByTestId(testId).getAttribute('aria-invalid'), 'true');
}

/** Waits until the field's message is empty (and no longer an alert); checks the box is marked valid. */
export async function expectNoFieldMessage(page, testId) {
  await eventually(async () => assert.equal((await fieldMessage(page, testId).textContent()).trim(), ''));
  assert.equal(await fieldMessage(page, testId).getAttribute('role'), null);
  assert.equal(await page.getByTestId(testId).getAttribute('aria-invalid'), 'false');
}

/** Like `type`, slower (30 ms between keys), for tests about typing itself. */
export async function typeKeys(page, testId, keys) {
  await type(page, testId, keys, { delay: 30 });
}

/** The day's interval count under the intraday editor ("24 intervals", "1 interval"). */
export async function intervalCount(page) {
  const shown = await page.locator('.intraday').getByText(/^(\d+ intervals|1 interval)$/).textContent();
  return Number.parseInt(shown, 10);
}

/** Waits until the day has `count` intervals. */
export async function expectIntervalCount(page, count) {
  await eventually(async () => assert.equal(await intervalCount(page), count));
}

/**
 * The least share of a chart's width its series must cover. Axes, grid and
 * labels are grey; a legend's coloured swatches are short (a few per cent of
 * the width each); a series runs along the plot.
 */
export const SERIES_MIN_WIDTH_SHARE = 0.4;

/**
 * Whether a chart shows data, not just its frame: the columns holding a
 * coloured (not grey) pixel span at least `SERIES_MIN_WIDTH_SHARE` of the
 * width. Every pixel is read. Axes, grid, labels and a legend alone fail it
 * (charts.test.mjs checks that on a chart drawn by hand).
 */
export async function chartHasSeries(page, testId) {
  return page.getByTestId(testId).evaluate((canvas, minShare) => {
    const { width, height } = canvas;
    if (width === 0 || height === 0) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let columns = 0;
    for (let x = 0; x < width; x += 1) {
      for (let y = 0; y < height; y += 1) {
        const i = 4 * (y * width + x);
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        // The palest series colour (a band, #d8f0df) differs by 24 between channels; greys by 0.
        if (data[i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) >= 20) {
          columns += 1;
          break;
        }
      }
    }
    return columns >= minShare * width;
  }, SERIES_MIN_WIDTH_SHARE);
}

/**
 * Resolves once the page has painted `count` more frames: everything an
 * event already handled set in motion on the page's thread (its effects, the
 * results it computes there, their paint) has happened by then. For checking
 * that something did *not* change, after a positive sign that the app took
 * the event.
 */
export async function framesPainted(page, count = 2) {
  await page.evaluate(
    (n) => new Promise((resolve) => {
      const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    }),
    count,
  );
}

/** An output's text, trimmed ("87.8 %"). */
export async function text(page, testId) {
  return (await page.getByTestId(testId).textContent()).trim();
}

/**
 * Retries `check` (which throws, e.g. a failed assert) until it passes or
 * `timeout` ms have gone by; then its last error is thrown. For anything the
 * app updates asynchronously.
 */
export async function eventually(check, { timeout = 10_000, interval = 25 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Whether an output's text is a settled figure: it has a digit and no "being computed" or "none" mark (…, —). */
const isSettledFigure = (shown) => /\d/.test(shown) && !/[…—]/.test(shown);

/** Waits until the output shows a settled figure (not a placeholder such as "…" or "—"); resolves to its text. */
export async function settledFigure(page, testId) {
  return eventually(async () => {
    const shown = await text(page, testId);
    assert.ok(isSettledFigure(shown), `${testId} shows a figure, not "${shown}"`);
    return shown;
  });
}

/**
 * Waits until the output shows a settled figure other than `previous` (a
 * placeholder in between does not count as the new value); resolves to it.
 */
export async function expectNewFigure(page, testId, previous) {
  return eventually(async () => {
    const shown = await text(page, testId);
    assert.ok(isSettledFigure(shown), `${testId} shows a figure, not "${shown}"`);
    assert.notEqual(shown, previous, `${testId} changed`);
    return shown;
  });
}

/** Waits until each output (test id → text) shows exactly the given text. */
export async function expectTexts(page, expected) {
  await eventually(async () => {
    const actual = {};
    for (const id of Object.keys(expected)) actual[id] = await text(page, id);
    assert.deepEqual(actual, expected);
  });
}

/** Fills number boxes in order (test id → value), like a user typing. */
export async function setInputs(page, values) {
  for (const [testId, value] of Object.entries(values)) await type(page, testId, value);
}

/** The texts of all result outputs on screen, to compare before and after. */
export async function resultTexts(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.results [data-testid], .day-totals [data-testid]')].map((el) => [
        el.dataset.testid,
        el.textContent.trim(),
      ]),
    ),
  );
}

/** Fails if any visible text reads NaN or Infinity. */
export async function assertNoBadNumbers(page) {
  const body = await page.evaluate(() => document.body.innerText);
  // NaN, infinity, or a negative zero ("-0", "-0.0 %") anywhere in the text.
  assert.doesNotMatch(body, /NaN|Infinity|\binf\b|(?<![\w.-])-0(?:\.0+)?(?![\d.])/);
}

/** Sets a range input's value as a drag does: value, then an input event. */
export async function setSlider(page, testId, value) {
  await page.getByTestId(testId).evaluate((slider, v) => {
    slider.value = String(v);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** The canvas's pixels as a data URL, to tell whether it was redrawn. */
export async function canvasSnapshot(page, testId) {
  return page.getByTestId(testId).evaluate((canvas) => canvas.toDataURL());
}

/**
 * Puts entries into local storage before the app's first load in `context`
 * (only once, so a reload sees what the app made of them).
 */
export async function seedStorage(context, entries) {
  await context.addInitScript((seed) => {
    if (sessionStorage.getItem('e2e.seeded')) return;
    for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
    sessionStorage.setItem('e2e.seeded', '1');
  }, entries);
}

/** A stored-data fixture's text (tests/fixtures/storage/<name>, as the app's own storage tests use them). */
export const storageFixture = (name) => readFile(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8');

/** The saved-scenario list's row for `name` (the built-in example, always listed first, has no data-scenario). */
export const scenarioRow = (page, name) =>
  page.getByTestId('scenario-list').locator(`li[data-scenario="${name.replace(/["\\]/g, '\\$&')}"]`);

/** The button `action` (load, export, delete, …) of the saved scenario `name`. */
export const scenarioAction = (page, name, action) => scenarioRow(page, name).locator(`button[data-action="${action}"]`);

/** The user's saved scenarios, as listed (the built-in example excluded). */
export const scenarioNames = (page) =>
  page.getByTestId('scenario-list').locator('li[data-scenario]').evaluateAll((items) => items.map((li) => li.dataset.scenario));

/** Everything in the page's local storage, as an object. */
export async function storageEntries(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** Reloads the page as a user does and waits for the first result again. */
export async function reload(page) {
  await page.reload();
  await firstResult(page);
}

/** The inputs the autosave last wrote (the `data` of `ccplan.current`), or `undefined` if none. */
export async function savedInputs(page) {
  const raw = (await storageEntries(page))[KEY_CURRENT];
  return raw === undefined ? undefined : JSON.parse(raw).data;
}

/**
 * Polls local storage until the saved inputs hold `expected`: field → value
 * (e.g. `{ volume: 250 }`; other fields are not compared), or a function
 * that throws while they do not. Resolves to the saved inputs. The autosave
 * writes ~400 ms after the last change.
 */
export async function expectSaved(page, expected) {
  return eventually(async () => {
    const saved = await savedInputs(page);
    assert.ok(saved, 'the inputs were saved');
    if (typeof expected === 'function') expected(saved);
    else assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, saved[key]])), expected);
    return saved;
  });
}

/**
 * Writes a pending autosave at once, as leaving the page does (`pagehide`):
 * afterwards local storage holds all the autosave would write, so a check
 * that something was *not* saved needs no wait.
 */
export async function flushAutosave(page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
}

/**
 * How many tests of one file run at once (each in its own context of the
 * file's browser). E2E_CONCURRENCY=1 runs them one by one, for debugging.
 */
export const CONCURRENCY = Number(process.env.E2E_CONCURRENCY ?? 3);

/**
 * Clicks the button `testId` and waits for the file it offers; resolves to
 * its suggested name, its text (after any UTF-8 byte-order mark) and `bom`,
 * whether its first bytes are that mark (EF BB BF).
 */
export async function downloadText(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = await readFile(await download.path());
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { filename: download.suggestedFilename(), text: bytes.subarray(bom ? 3 : 0).toString('utf8'), bom };
}

/** Clicks the button `testId` and resolves to the lines of the file it offers (trailing blank lines dropped). */
export async function downloadLines(page, testId) {
  return (await downloadText(page, testId)).text.trim().split('\n');
}

/**
 * Downloads the interval table (the `export-csv` button) and returns its
 * rows as arrays of cells, after checking the file name and the header's
 * first columns (interval_start, volume, aht_s).
 */
export async function intervalCsv(page) {
  const { filename, text: body } = await downloadText(page, 'export-csv');
  assert.equal(filename, 'ccplan-intervals.csv');
  const [header, ...rows] = body.trim().split(/\r?\n/).map((line) => line.split(','));
  assert.deepEqual(header.slice(0, 3), ['interval_start', 'volume', 'aht_s']);
  return rows;
}
