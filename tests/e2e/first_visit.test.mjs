// The first visit (issue 26): the page's entry is a small app with the
// staffing page's inputs and results alone (src/first_visit.rs); the whole
// app loads after the first answer, when the page is idle, or at once for
// another page, and takes the page over without losing a key. These tests
// hold the whole app's download back (or fail it) to see the first visit's
// app by itself, then let it through.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DIST, serve, useSites, freshPage, eventually, expectTexts, savedInputs, type, CONCURRENCY,
} from './harness.mjs';
import { DEFAULT_RESULTS } from './cases.mjs';

const ctx = useSites({ root: '/', 'sub-path': '/ccplan/' });

/** The whole app's wasm (content-hashed by tools/stamp_build.sh). */
const WHOLE_APP = /\/ccplan-app-[0-9a-f]+_bg\.wasm$/;

/**
 * Holds every request for the whole app's wasm until `release()`; then it
 * goes through (or, with `release('abort')`, fails as offline does).
 */
async function holdWholeApp(page) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  let asked = 0;
  await page.route(WHOLE_APP, async (route) => {
    asked += 1;
    if ((await released) === 'abort') await route.abort('internetdisconnected');
    else await route.continue();
  });
  return { release, asked: () => asked };
}

/** Waits for the first answer (a figure in "required agents"), from either app. */
const firstAnswer = (page) =>
  page.waitForFunction(() => /^\d/.test(document.querySelector('[data-testid="required-agents"]')?.textContent ?? ''));

const whichApp = (page) => page.evaluate(() => document.body.dataset.app ?? 'first-visit');

const wholeApp = (page) => page.waitForFunction(() => document.body.dataset.app === 'whole');

describe('first visit', { concurrency: CONCURRENCY }, () => {
  test('a cold visit at phone size fetches at most 300 KiB (gzip) before its first answer, which answers typing before the rest has loaded', async (t) => {
    const site = ctx.sites['sub-path'];
    const { page, errors } = await freshPage(t, ctx.browser, { viewport: { width: 390, height: 844 } });
    const hold = await holdWholeApp(page);
    await page.goto(site.url);
    await firstAnswer(page);
    // What was fetched up to the first answer: the page and its resources,
    // each counted as a static host serves it (gzip level 9).
    const fetched = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)]);
    let bytes = 0;
    for (const url of fetched) {
      const path = new URL(url).pathname.slice(new URL(site.url).pathname.length) || 'index.html';
      bytes += gzipSync(await readFile(join(DIST, path)), { level: 9 }).length;
    }
    assert.ok(!fetched.some((url) => WHOLE_APP.test(url)), 'the whole app is not fetched before the first answer');
    assert.ok(bytes <= 300 * 1024, `${(bytes / 1024).toFixed(1)} KiB before the first answer: ${fetched.join(', ')}`);
    assert.equal(await whichApp(page), 'first-visit');
    await expectTexts(page, { 'required-agents': DEFAULT_RESULTS['required-agents'], 'service-level': DEFAULT_RESULTS['service-level'] });

    // It answers typing, key by key, while the rest is still loading.
    await eventually(() => assert.equal(hold.asked(), 1, 'the whole app is asked for once the page is idle'));
    await page.getByTestId('rest-loading').waitFor();
    await type(page, 'volume', '300');
    await expectTexts(page, { 'required-agents': '59', 'service-level': '91.7 %' });
    await eventually(async () => assert.equal((await savedInputs(page))?.volume, 300, 'saved by the first visit\'s app'));
    assert.equal(await whichApp(page), 'first-visit');

    // The whole app takes over: the same figures, and the rest of the page.
    hold.release();
    await wholeApp(page);
    await page.getByTestId('day-table').waitFor();
    assert.equal(await page.getByTestId('rest-loading').count(), 0);
    assert.equal(await page.getByTestId('volume').inputValue(), '300');
    await expectTexts(page, { 'required-agents': '59', 'service-level': '91.7 %' });
    assert.deepEqual(errors, []);
  });

  test('a number typed while the whole app takes over keeps every key, its caret and its focus', async (t) => {
    const site = ctx.sites.root;
    const { page, errors } = await freshPage(t, ctx.browser);
    const hold = await holdWholeApp(page);
    await page.goto(site.url);
    await firstAnswer(page);
    const box = page.getByTestId('volume');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('32.');
    // Half typed: the box holds "32." when the page changes hands.
    hold.release();
    await wholeApp(page);
    assert.equal(await box.inputValue(), '32.');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'volume');
    await page.keyboard.type('5');
    assert.equal(await box.inputValue(), '32.5');
    await eventually(async () => assert.equal((await savedInputs(page))?.volume, 32.5));
    // The caret was at the end: Backspace takes the last key off.
    await page.keyboard.press('Backspace');
    assert.equal(await box.inputValue(), '32.');
    assert.deepEqual(errors, []);
  });

  test('another page whose code cannot be fetched says so in the page\'s language, keeps the inputs, and opens on "Try again"', async (t) => {
    for (const [locale, message] of [['en-US', /could not be loaded/], ['zh-CN', /未能加载/]]) {
      const site = ctx.sites.root;
      const { page, errors, failedRequests } = await freshPage(t, ctx.browser, { locale });
      const hold = await holdWholeApp(page);
      hold.release('abort');
      await page.goto(site.url);
      await firstAnswer(page);
      await type(page, 'volume', '250');
      await expectTexts(page, { 'required-agents': '50' });
      await page.getByTestId('nav-forecast').click();
      const failed = page.getByTestId('load-failed');
      await failed.waitFor();
      assert.match(await failed.textContent(), message);
      assert.equal(await failed.getAttribute('role'), 'alert');
      assert.equal(await whichApp(page), 'first-visit');

      await page.unroute(WHOLE_APP);
      await page.getByTestId('load-retry').click();
      await wholeApp(page);
      await page.getByTestId('history-text').waitFor();
      await page.getByTestId('nav-staffing').click();
      assert.equal(await page.getByTestId('volume').inputValue(), '250');
      await expectTexts(page, { 'required-agents': '50' });
      assert.deepEqual(errors.filter((e) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED|Failed to fetch/i.test(e)), []);
      assert.ok(failedRequests.every((r) => WHOLE_APP.test(r)), failedRequests.join(', '));
    }
  });

  test('a link to another page loads the whole app alone; if it cannot, the small app says so and "Try again" opens the page', async (t) => {
    const site = ctx.sites['sub-path'];
    const { page, errors } = await freshPage(t, ctx.browser);
    const fetched = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${site.url}#/scorecard`);
    await wholeApp(page);
    await page.getByTestId('export-csv-monthly').waitFor();
    assert.ok(!fetched.some((url) => /ccplan-staffing-/.test(url)), `the small app is not fetched: ${fetched.join(', ')}`);
    assert.deepEqual(errors, []);

    // Offline with nothing cached: the small app starts, says why, and retries.
    const other = await freshPage(t, ctx.browser);
    await other.page.route(WHOLE_APP, (route) => route.abort('internetdisconnected'));
    await other.page.goto(`${site.url}#/learn`);
    await other.page.getByTestId('load-failed').waitFor();
    assert.equal(await whichApp(other.page), 'first-visit');
    await other.page.unroute(WHOLE_APP);
    await other.page.getByTestId('load-retry').click();
    await wholeApp(other.page);
    await other.page.getByTestId('nav-learn').and(other.page.locator('[aria-current="page"]')).waitFor();
  });

  test('after a redeploy, a page opened before it asks for a reload, which runs the new version whole, inputs kept', async (t) => {
    // A copy of the site that can be "redeployed": the whole app's files get
    // another content hash, the old ones are gone (404), as on GitHub Pages.
    const dir = await mkdtemp(join(tmpdir(), 'ccplan-deploy-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await cp(DIST, dir, { recursive: true });
    const site = await serve('/', join(dir, '/'));
    t.after(() => site.close());
    const { page, errors } = await freshPage(t, ctx.browser);
    const hold = await holdWholeApp(page);
    await page.goto(site.url);
    await firstAnswer(page);
    await type(page, 'aht', '200');
    await eventually(async () => assert.equal((await savedInputs(page))?.aht_s, 200));

    const files = await readdir(dir);
    const glue = files.find((f) => /^ccplan-app-[0-9a-f]+\.js$/.test(f));
    const oldHash = glue.match(/^ccplan-app-([0-9a-f]+)\.js$/)[1];
    const newHash = 'feedfacefeedface';
    await rename(join(dir, glue), join(dir, `ccplan-app-${newHash}.js`));
    await rename(join(dir, `ccplan-app-${oldHash}_bg.wasm`), join(dir, `ccplan-app-${newHash}_bg.wasm`));
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), index.replaceAll(oldHash, newHash));

    hold.release();
    await page.getByTestId('nav-scorecard').click();
    const updated = page.getByTestId('load-updated');
    await updated.waitFor();
    assert.match(await updated.textContent(), /updated/);
    await page.unroute(WHOLE_APP);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('load-reload').click()]);
    await wholeApp(page);
    await page.getByTestId('export-csv-monthly').waitFor();
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.ok(loaded.some((url) => url.includes(`ccplan-app-${newHash}_bg.wasm`)), loaded.join(', '));
    await page.getByTestId('nav-staffing').click();
    assert.equal(await page.getByTestId('aht').inputValue(), '200');
    assert.deepEqual(errors.filter((e) => !/404|Not Found/i.test(e)), []);
  });
});
