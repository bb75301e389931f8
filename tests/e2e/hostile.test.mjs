// Issue 24's hostile cases for the engine worker and saving: a slow
// calculation is waited for with a visible "Calculating… (n s)" and a
// Cancel (never computed again on the page's thread), a worker that cannot
// load is said so, each saved key's failure stays reported until that key
// saves, two tabs on the forecast page lose nothing, a history too long to
// keep says so truthfully, and a tiny volume never shows ×inf.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  useSite, freshPage, open, type, text, eventually, reload, storageEntries, seedStorage, flushAutosave,
  assertNoBadNumbers, CONCURRENCY,
} from './harness.mjs';
import { KEY_CURRENT, VALID_INPUTS, envelope } from './cases.mjs';

const ctx = useSite('/');
const KEY_FORECAST = 'ccplan.forecast';
const BANK = fileURLToPath(new URL('../../engine/tests/reference/bank-calls-train-30min.csv', import.meta.url));

/** Makes every write to `keys` in local storage fail as a full quota does. */
async function fullFor(context, keys) {
  await context.addInitScript((refused) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function guarded(key, value) {
      if (refused.includes(String(key))) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, keys);
}

async function readHistory(page, file) {
  await page.getByTestId('history-file').setInputFiles(file);
  await page.getByTestId('forecast-days').waitFor({ timeout: 60_000 });
}

describe('the engine worker under load', { concurrency: CONCURRENCY }, () => {
  test('a long calculation says how long it has run and can be cancelled; the page stays live and calculates again', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    // 500 contacts per 30 minutes for 200 days of 24 h: about 4.8 million simulated calls per run.
    await type(page, 'aht', '180');
    await type(page, 'volume', '500');
    await eventually(async () => assert.equal(await text(page, 'load'), '50.00 Erlangs'));
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('sim-days-count').selectOption('200');
    await page.getByTestId('sim-hours').selectOption('24');
    for (let i = 0; i < 6; i++) await page.getByTestId('sim-new-seed').click();
    const busy = page.getByTestId('engine-busy');
    await busy.waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'engine-busy-text'), /^Calculating… \(\d+ s\)$/);
    // The page answers while the worker works.
    const answered = await page.evaluate(() => new Promise((resolve) => {
      const asked = performance.now();
      requestAnimationFrame(() => resolve(performance.now() - asked));
    }));
    assert.ok(answered < 1000, `a frame within a second (${answered} ms)`);
    await page.getByTestId('engine-cancel').click();
    await busy.waitFor({ state: 'detached' });
    assert.equal(await text(page, 'engine-stopped'), 'The calculation was cancelled. Change an input to calculate again.Dismiss');
    assert.equal(await text(page, 'sim-problem'), 'The calculation was cancelled. Change an input to calculate again.');
    // A fresh worker answers the next request.
    await page.getByTestId('sim-days-count').selectOption('10');
    await page.getByTestId('sim-hours').selectOption('8');
    await page.getByTestId('sim-run').click();
    await eventually(async () => assert.match(await text(page, 'sim-setup'), /· 10 × 8 h ·/), { timeout: 30_000 });
    assert.equal(await page.getByTestId('engine-stopped').count(), 0, 'the stop is no longer shown once new work is asked for');
    assert.match(await text(page, 'sim-mean'), /^\d+\.\d %$/);
    assert.deepEqual(errors, []);
  });

  test('a worker that cannot load is retried, then the page says so, and nothing is computed on the page', async (t) => {
    // No service worker: it could serve the loader from its cache, as it
    // does offline (a working worker, which is not this test's case).
    const context = await ctx.browser.newContext({ serviceWorkers: 'block' });
    t.after(() => context.close());
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    let blocked = true;
    let asked = 0;
    await page.route('**/worker_loader.js*', (route) => {
      asked += 1;
      return blocked ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
    });
    await page.goto(`${ctx.site.url}#/scorecard`);
    await page.getByTestId('engine-stopped').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'engine-stopped'),
      'The calculation engine could not be loaded (offline, or the site was updated meanwhile). Reload the page.Dismiss');
    assert.equal(asked, 3, 'three attempts');
    assert.match(await text(page, 'engine-problem'), /could not be loaded/);
    assert.equal(await page.getByTestId('computing').count(), 0);
    // Back online: the next edit starts a worker again and the plan arrives.
    blocked = false;
    await type(page, 'growth', '2.5');
    await page.locator('tr[data-kpi="service_level"] td[data-month]').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('engine-problem').count(), 0);
    assert.equal(await page.getByTestId('engine-stopped').count(), 0);
    // The 404s are this test's own doing.
    assert.deepEqual(errors.filter((e) => !/404|worker_loader/.test(e)), []);
  });
});

describe('saving under hostile conditions', { concurrency: CONCURRENCY }, () => {
  test('inputs that cannot be saved stay reported when the forecast saves fine', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await fullFor(context, [KEY_CURRENT]);
    await open(page, ctx.site.url);
    await type(page, 'volume', '777');
    await flushAutosave(page);
    const notice = page.getByTestId('storage-notice');
    await eventually(async () => assert.match(await notice.textContent(), /^Inputs: Could not save: the browser's storage is full/));
    // A forecast setting saves (its own key): the inputs' failure is still said.
    await page.getByTestId('nav-forecast').click();
    await page.getByTestId('forecast-horizon').selectOption('20');
    await eventually(async () => assert.equal(JSON.parse((await storageEntries(page))[KEY_FORECAST]).data.settings.horizon_days, 20));
    assert.match(await notice.textContent(), /^Inputs: Could not save: the browser's storage is full/);
    assert.equal((await storageEntries(page))[KEY_CURRENT], undefined, 'nothing was saved for the inputs');
    assert.deepEqual(errors, []);
  });

  test('two tabs on the forecast page: the tab showing an old history takes the other\'s, and a setting it changes keeps that history', async (t) => {
    const { context, page: tabA, errors } = await freshPage(t, ctx.browser);
    await tabA.goto(`${ctx.site.url}#/forecast`);
    await tabA.getByTestId('history-text').waitFor();
    const tabB = await context.newPage();
    await tabB.goto(`${ctx.site.url}#/forecast`);
    await tabB.getByTestId('history-text').waitFor();
    await readHistory(tabA, BANK);
    const saved = JSON.parse((await storageEntries(tabA))[KEY_FORECAST]).data.history;
    assert.ok(saved.length > 80_000, 'tab A saved the history');
    // Tab B is told and shows it.
    await eventually(async () => assert.match(await tabB.getByTestId('storage-notice').textContent(), /changed in another tab; this page shows them now/));
    await tabB.getByTestId('forecast-days').waitFor({ timeout: 60_000 });
    await tabB.getByTestId('forecast-horizon').selectOption('20');
    await eventually(async () => assert.equal(JSON.parse((await storageEntries(tabB))[KEY_FORECAST]).data.settings.horizon_days, 20));
    assert.equal(JSON.parse((await storageEntries(tabB))[KEY_FORECAST]).data.history, saved, 'tab A\'s history is still saved');
    await tabA.reload();
    await tabA.getByTestId('forecast-days').waitFor({ timeout: 60_000 });
    assert.equal(await tabA.getByTestId('forecast-day').count(), 20);
    assert.deepEqual(errors, []);
  });

  test('a history too long to keep says so, stays said after other saves, and a reload brings back the one saved before', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('nav-forecast').click();
    await readHistory(page, BANK);
    const bank = await readFile(BANK, 'utf8');
    // The bank history repeated with later dates: over 3.5 million characters.
    const lines = bank.trim().split('\n');
    const header = lines[0];
    const body = lines.slice(1);
    const years = [];
    for (let year = 1900; years.join('\n').length < 3_700_000; year++) {
      years.push(body.map((line) => line.replace(/^2003/, String(year))).join('\n'));
    }
    const dir = await mkdtemp(join(tmpdir(), 'ccplan-'));
    const long = join(dir, 'long.csv');
    await writeFile(long, `${header}\n${years.join('\n')}\n`);
    await page.getByTestId('history-file').setInputFiles(long);
    const notice = page.getByTestId('storage-notice');
    await eventually(async () => assert.match(await notice.textContent(), /^Forecast history and settings: This history is too long to keep in the browser/));
    // The long history is kept out of the box (megabytes of text hold the page).
    assert.match(await text(page, 'history-not-shown'), /^The history read \(\d\.\d MB\) is kept but not shown in the box/);
    assert.equal(await page.getByTestId('history-text').inputValue(), '');
    // An edit on the staffing page saves the inputs: the history's notice stays.
    await page.getByTestId('nav-staffing').click();
    await type(page, 'volume', '250');
    await flushAutosave(page);
    await eventually(async () => assert.equal(JSON.parse((await storageEntries(page))[KEY_CURRENT]).data.volume, 250));
    assert.match(await notice.textContent(), /too long to keep/);
    // As it said: the history saved before comes back.
    assert.equal(JSON.parse((await storageEntries(page))[KEY_FORECAST]).data.history, bank);
    await reload(page);
    await page.getByTestId('nav-forecast').click();
    await eventually(async () => assert.equal(await page.getByTestId('history-text').inputValue(), bank));
    assert.deepEqual(errors, []);
  });
});

describe('figures stay sane', { concurrency: CONCURRENCY }, () => {
  test('a volume of 1e-320 stays short in its box and compares without ×inf', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await seedStorage(context, { 'ccplan.scenarios': envelope([{ name: 'Base', inputs: VALID_INPUTS }]), 'ccplan.compare': '[]' });
    await open(page, ctx.site.url);
    await type(page, 'volume', '1e-320');
    await page.keyboard.press('Tab');
    assert.equal(await page.getByTestId('volume').inputValue(), '1e-320');
    await page.getByTestId('compare').click();
    await page.locator('input[data-choice="current"]').check();
    await page.locator('input[data-choice="s:Base"]').check();
    const table = page.getByTestId('compare-table');
    await eventually(async () => assert.equal(await table.getAttribute('data-settled'), 'true'), { timeout: 60_000 });
    const all = await table.textContent();
    assert.doesNotMatch(all, /inf|NaN|e\+?\d{3}/i);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('a forecast beyond what the staffing pages take says so when asked to cover a week or start the plan', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('nav-forecast').click();
    // Six weeks of weekdays at 150 000 contacts per half hour (the staffing page takes at most 100 000).
    const lines = ['date,start,contacts'];
    const day = new Date(Date.UTC(2024, 0, 1));
    for (let d = 0; d < 42; d++, day.setUTCDate(day.getUTCDate() + 1)) {
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      for (let i = 0; i < 4; i++) lines.push(`${day.toISOString().slice(0, 10)},${9 + Math.floor(i / 2)}:${i % 2 ? '30' : '00'},${150000 + 1000 * i + d}`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'ccplan-'));
    const file = join(dir, 'huge.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    await readHistory(page, file);
    const volumeBefore = await page.evaluate(() => localStorage.getItem('ccplan.current'));
    for (const button of ['forecast-schedule-week', 'forecast-use-plan']) {
      await page.getByTestId(button).click();
      assert.equal(await text(page, 'forecast-not-used'),
        'Nothing was changed: this forecast\'s volumes are beyond what the staffing page takes. Check the history, the known events and the corrected days.');
      assert.match(page.url(), /#\/forecast$/, 'still on the forecast page');
    }
    assert.equal(await page.evaluate(() => localStorage.getItem('ccplan.current')), volumeBefore, 'the inputs are unchanged');
    assert.deepEqual(errors, []);
  });
});
