// Offline: after the first visit the service worker (sw.js) has the page and
// its assets cached, so the app loads and computes with no network — at the
// site's root and under a sub-path (a GitHub Pages project page).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { useSites, freshPage, open, reload, expectTexts, setInputs, CONCURRENCY } from './harness.mjs';
import { DEFAULT_RESULTS, VALID_INPUTS } from './cases.mjs';

const ctx = useSites({ root: '/', 'sub-path': '/ccplan/' });

/**
 * Waits until the service worker is active and controls the page (it claims
 * its clients on activation; a reload is the fallback); resolves to its scope.
 */
async function controlledBy(page) {
  // A worker whose install fails never becomes ready: say so rather than wait for ever.
  const scope = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((registration) => registration.scope),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker never became ready (its install failed?)')), 20_000)),
    ]));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    try {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 3000 });
    } catch {
      await reload(page);
    }
  }
  assert.equal(await controlled(), true, 'the page is controlled by the service worker');
  return scope;
}

/** The URLs the service worker has cached (in any of its caches). */
const cachedUrls = (page) =>
  page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });

describe('offline', { concurrency: CONCURRENCY }, () => {
  for (const where of ['root', 'sub-path']) {
    test(`after the first visit the app loads and computes offline (${where})`, async (t) => {
      const site = ctx.sites[where];
      const { context, page, errors } = await freshPage(t, ctx.browser);
      await open(page, site.url);
      assert.equal(await controlledBy(page), site.url, 'the worker\'s scope is the app\'s folder');
      const cached = await cachedUrls(page);
      for (const kind of [/\.wasm$/, /\.js$/, /\.css$/]) {
        assert.ok(cached.some((url) => url.startsWith(site.url) && kind.test(url)), `${kind} cached: ${cached.join(', ')}`);
      }

      await context.setOffline(true);
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      await reload(page);
      await expectTexts(page, { 'required-agents': DEFAULT_RESULTS['required-agents'], 'service-level': DEFAULT_RESULTS['service-level'] });
      // It computes, not only shows: 300 contacts per 30 min → 59 agents (expected.py's required_c).
      await setInputs(page, { volume: 300 });
      await expectTexts(page, { 'required-agents': '59', 'service-level': '91.7 %' });
      // The other pages work too.
      await page.getByTestId('nav-scorecard').click();
      await page.getByTestId('export-csv-monthly').waitFor();

      // A new tab opening a share link, still offline: every page of the app is the same cached document.
      const tab = await context.newPage();
      const link = `1.${deflateRawSync(JSON.stringify({ name: 'Offline', inputs: { ...VALID_INPUTS, volume: 250 } })).toString('base64url')}`;
      await open(tab, `${site.url}?from=mail#s=${link}`);
      await expectTexts(tab, { 'required-agents': '50' });
      assert.equal(await tab.getByTestId('link-opened').locator('strong').textContent(), 'Offline');
      assert.deepEqual(errors, []);
    });
  }
});
