// Nothing the user saved is lost, and nothing panics: long names through
// export and import, two tabs saving at once, data kept in place when no
// backup fits, navigating away with focus in a box, share links and
// autosave, and input files with unusual line ends or hostile names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import {
  useSite, freshPage, open, reload, text, eventually, expectTexts, seedStorage, storageEntries, type,
  expectSaved, scenarioAction, scenarioNames, assertNoBadNumbers, CONCURRENCY,
} from './harness.mjs';
import { KEY_CURRENT, KEY_SCENARIOS, VALID_INPUTS, envelope } from './cases.mjs';

const ctx = useSite('/');
const MAX_NAME = 80;

async function saveAs(page, name) {
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-save').click();
}

/** The names in the stored scenario list (throws if it does not parse). */
async function storedNames(page) {
  const raw = (await storageEntries(page))[KEY_SCENARIOS];
  return raw === undefined ? [] : JSON.parse(raw).data.map((s) => s.name);
}

const notice = (page) => page.getByTestId('storage-notice');

const linkTo = (scenario, version = '1') =>
  `${ctx.site.url}#s=${version}.${deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url')}`;

/** Two tabs of the app sharing one local storage, both opened. */
async function twoTabs(t) {
  const { context, page: tabA, errors } = await freshPage(t, ctx.browser);
  const tabB = await context.newPage();
  await open(tabA, ctx.site.url);
  await open(tabB, ctx.site.url);
  return { tabA, tabB, errors };
}

describe('nothing saved is lost', { concurrency: CONCURRENCY }, () => {
  test('an 80-character name exported and imported twice keeps the list readable after a reload', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    const long = 'N'.repeat(MAX_NAME);
    await saveAs(page, long);
    await eventually(async () => assert.deepEqual(await storedNames(page), [long]));
    const file = JSON.stringify({ format: 'ccplan-scenarios', version: 1, scenarios: [{ name: long, inputs: VALID_INPUTS }] });
    for (let i = 0; i < 2; i += 1) {
      await page.getByTestId('import-file').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await eventually(async () => assert.equal((await storedNames(page)).length, 2 + i));
    }
    const names = await storedNames(page);
    assert.ok(names.every((n) => [...n].length <= MAX_NAME), JSON.stringify(names));
    assert.equal(new Set(names).size, 3, 'three different names');
    await reload(page);
    assert.equal(await notice(page).count(), 0, 'no "could not be read" after the reload');
    assert.deepEqual(await scenarioNames(page), names);
    assert.deepEqual(errors, []);
  });

  test('two tabs saving and deleting keep each other\'s scenarios', async (t) => {
    const { tabA, tabB, errors } = await twoTabs(t);
    await saveAs(tabA, 'From tab A');
    await eventually(async () => assert.deepEqual(await storedNames(tabA), ['From tab A']));
    await saveAs(tabB, 'From tab B');
    await eventually(async () => assert.deepEqual(await storedNames(tabB), ['From tab A', 'From tab B']));
    // Tab A hears of B's save and says so.
    await eventually(async () => assert.deepEqual(await scenarioNames(tabA), ['From tab A', 'From tab B']));
    await notice(tabA).waitFor();
    assert.match(await notice(tabA).textContent(), /changed in another tab/);
    // B deletes its own; A's stays everywhere.
    await scenarioAction(tabB, 'From tab B', 'delete').click();
    await eventually(async () => assert.deepEqual(await storedNames(tabB), ['From tab A']));
    await eventually(async () => assert.deepEqual(await scenarioNames(tabA), ['From tab A']));
    await saveAs(tabA, 'Second from A');
    await eventually(async () => assert.deepEqual(await storedNames(tabA), ['From tab A', 'Second from A']));
    assert.deepEqual(errors, []);
  });

  test('inputs changed in another tab: this tab is told, keeps what it shows, and saves it with its next change', async (t) => {
    const { tabA, tabB, errors } = await twoTabs(t);
    await type(tabB, 'volume', '333');
    await tabB.keyboard.press('Tab');
    await expectSaved(tabB, { volume: 333 });
    await notice(tabA).waitFor();
    assert.match(await notice(tabA).textContent(), /also changed in another tab/);
    assert.equal(await tabA.getByTestId('volume').inputValue(), '200', 'tab A keeps what it shows');
    await type(tabA, 'volume', '222');
    await tabA.keyboard.press('Tab');
    await expectSaved(tabA, { volume: 222 });
    assert.deepEqual(errors, []);
  });

  test('data left in place for want of room is not overwritten by the next save', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    const newer = JSON.stringify({ version: 99, data: [{ name: 'From a newer ccplan' }] });
    await seedStorage(context, { [KEY_SCENARIOS]: newer });
    // Room for everything but a backup.
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function guarded(key, value) {
        if (String(key).startsWith('ccplan.backup.')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    });
    await open(page, ctx.site.url);
    await notice(page).waitFor();
    assert.match(await notice(page).textContent(), /left as it is/);
    await saveAs(page, 'Mine');
    await eventually(async () => assert.match(await notice(page).textContent(), /not overwritten/));
    assert.equal((await storageEntries(page))[KEY_SCENARIOS], newer, 'the newer data is still there, untouched');
    assert.deepEqual(errors, []);
  });

  test('after a share link, loading one\'s own scenario turns autosave back on', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await seedStorage(context, {
      [KEY_SCENARIOS]: envelope([{ name: 'Own', inputs: { ...VALID_INPUTS, volume: 250 } }]),
    });
    await open(page, linkTo({ name: 'From a link', inputs: { ...VALID_INPUTS, volume: 300 } }));
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '300'));
    await scenarioAction(page, 'Own', 'load').click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '250'));
    await type(page, 'volume', '222');
    await page.keyboard.press('Tab');
    await expectSaved(page, { volume: 222 });
    await page.goto(ctx.site.url);
    await reload(page);
    assert.equal(await page.getByTestId('volume').inputValue(), '222');
    assert.deepEqual(errors, []);
  });

  test('twin names in stored data: delete removes one; names that reverse text are refused; link version 0 is damage', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await seedStorage(context, {
      [KEY_SCENARIOS]: envelope([{ name: 'Twin', inputs: VALID_INPUTS }, { name: 'Twin', inputs: VALID_INPUTS }]),
    });
    await open(page, ctx.site.url);
    assert.deepEqual(await scenarioNames(page), ['Twin', 'Twin']);
    await scenarioAction(page, 'Twin', 'delete').first().click();
    await eventually(async () => assert.deepEqual(await storedNames(page), ['Twin']));
    await saveAs(page, 'evil\u202Etxt.exe');
    // Refused on the spot, with the form's message; only then is "not saved" worth checking.
    await eventually(async () => assert.equal(await page.locator('.scenario-form [role="alert"]').textContent(), 'Give the scenario a name.'));
    assert.deepEqual(await storedNames(page), ['Twin'], 'a name with a right-to-left override is not saved');
    await page.goto(linkTo({ name: 'x', inputs: VALID_INPUTS }, '0'));
    await eventually(async () => assert.match(await text(page, 'link-notice'), /damaged or not a ccplan link/));
    assert.deepEqual(errors, []);
  });
});

describe('no panic when a box leaves the page', { concurrency: CONCURRENCY }, () => {
  const cases = [
    ['a staffing box', '#/', 'volume'],
    ['a scorecard box', '#/scorecard', 'growth'],
    ['a seasonal index', '#/scorecard', 'season-2'],
    ['a target', '#/scorecard', 'target-abandon'],
    ['the paste box', '#/', 'paste-volumes'],
  ];
  for (const [what, route, testId] of cases) {
    test(`Back with focus and a draft in ${what}`, async (t) => {
      const { page, errors } = await freshPage(t, ctx.browser);
      await open(page, ctx.site.url);
      await page.goto(`${ctx.site.url}#/compare`);
      await page.goto(`${ctx.site.url}${route}`);
      await page.getByTestId(testId).click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('12', { delay: 20 });
      await page.goBack();
      await eventually(async () => assert.match(page.url(), /#\/compare$/));
      // The compare page is up, so the box has left the page.
      await page.getByTestId('compare-choices').waitFor();
      assert.equal(await page.getByTestId('error-banner').isVisible(), false);
      assert.deepEqual(errors, []);
    });
  }

  test('a share link arriving by hash change while a box has focus', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    await page.getByTestId('aht').click();
    await page.keyboard.type('1', { delay: 20 });
    await page.evaluate((hash) => { window.location.hash = hash; }, new URL(linkTo({ name: 'L', inputs: { ...VALID_INPUTS, volume: 300 } })).hash);
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '300'));
    assert.deepEqual(errors, []);
  });
});

describe('files read as written', { concurrency: CONCURRENCY }, () => {
  test('a CSV with CR-only line ends is read; a malformed first volume is named, not skipped', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    await page.getByTestId('import-intervals-file').setInputFiles({
      name: 'mac.csv', mimeType: 'text/csv', buffer: Buffer.from('interval_start,volume\r08:00,120\r08:30,150\r'),
    });
    await eventually(async () => assert.equal(await text(page, 'day-volume'), '270'));
    await page.getByTestId('paste-volumes').fill('12x\n20\n');
    await page.getByTestId('import-errors').waitFor();
    assert.deepEqual(await page.getByTestId('import-errors').locator('li').allTextContents(), ['Line 1: the volume is not a number: “12x”']);
    await expectTexts(page, { 'day-volume': '270' });
    assert.deepEqual(errors, []);
  });

  test('100 000 bad lines: twenty are listed and the rest counted', async (t) => {
    const { page, errors } = await freshPage(t, ctx.browser);
    await open(page, ctx.site.url);
    // Pasted in one go (Playwright's fill of 200 kB into a textarea takes longer than the app does).
    await page.getByTestId('paste-volumes').evaluate((box) => {
      box.value = 'x\n'.repeat(100_000);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByTestId('import-errors').waitFor();
    const listed = await page.getByTestId('import-errors').locator('li').allTextContents();
    assert.equal(listed.length, 20);
    assert.equal(listed[0], 'Line 2: the volume is not a number: “x”', 'line 1 is a header (no digit)');
    assert.equal(await text(page, 'more-problems'), '+99979 more lines with problems');
    assert.deepEqual(errors, []);
  });
});

/**
 * Sets `window.sawWaiting` once `waiting()` holds after any change to the
 * page: a "being computed" state is seen however short it is, with no
 * race against the worker's answer.
 */
async function recordWaiting(page, waiting) {
  await page.evaluate((source) => {
    const check = new Function(`return (${source})();`);
    window.sawWaiting = false;
    new MutationObserver(() => { if (check()) window.sawWaiting = true; })
      .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, waiting.toString());
}

// Issue 9's freeze case (about 0.7 s of work per edit on the page's thread).
const HEAVY = {
  ...VALID_INPUTS, model: 'erlang_a', patience_s: 3600, aht_s: 30, interval_min: 15, intraday: Array(96).fill(1000),
  scorecard: { open_days: 31, open_hours: 24, monthly_volume: 100000000, fcr_pct: 100, repeat_pct: 100 },
};

describe('a heavy plan does not hold the page', { concurrency: CONCURRENCY }, () => {
  test('a capacity plan of Erlang A days computed off the page: typing stays live and the plan arrives', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await seedStorage(context, { [KEY_CURRENT]: envelope(HEAVY) });
    await page.goto(`${ctx.site.url}#/scorecard`);
    await page.getByTestId('growth').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0.5', { delay: 20 });
    assert.equal(await page.getByTestId('growth').inputValue(), '0.5');
    await page.locator('tr[data-kpi="service_level"] td[data-month]').first().waitFor({ timeout: 60_000 });
    await eventually(async () => assert.equal(await page.getByTestId('computing').count(), 0));
    assert.equal(await page.locator('tr[data-kpi="service_level"] td[data-month]').count(), 12);
    assert.equal(await page.getByTestId('engine-problem').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('a staffing day of 96 × 100 000 Erlangs under Erlang A is planned off the page; its interval answers at once', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    // About 0.23 s of work per edit on the page's thread before (BENCHMARKS.md).
    // The calculator shows the day's interval 1 (VALID_INPUTS' pick), a light one of 1 000 contacts among 95 of 100 000.
    const extreme = {
      ...VALID_INPUTS, model: 'erlang_a', patience_s: 900, aht_s: 900, interval_min: 15, volume: 1000,
      intraday: Array(96).fill(100000).map((v, i) => (i === 1 ? 1000 : v)),
    };
    await seedStorage(context, { [KEY_CURRENT]: envelope(extreme) });
    await open(page, ctx.site.url);
    await eventually(async () => assert.match(await text(page, 'day-peak-agents'), /^\d{1,3}(,\d{3})*$/), { timeout: 60_000 });
    assert.equal(await text(page, 'day-volume'), '9,501,000');
    assert.equal(await page.getByTestId('day-computing').count(), 0);
    // An edit: the interval's answer follows the typing; the day says it is being planned, then arrives.
    await recordWaiting(page, () => document.querySelector('[data-testid="day-computing"]') !== null
      && document.querySelector('[data-testid="day-peak-agents"]')?.textContent === '—');
    await type(page, 'aht', '899');
    assert.equal(await page.getByTestId('aht').inputValue(), '899');
    // 1 000 contacts in 15 minutes at 899 s: 998.9 Erlangs.
    await eventually(async () => assert.equal(await text(page, 'load'), '998.89 Erlangs'));
    await eventually(async () => assert.equal(await page.getByTestId('day-computing').count(), 0), { timeout: 60_000 });
    assert.match(await text(page, 'day-peak-agents'), /^\d{1,3}(,\d{3})*$/);
    assert.equal(await page.evaluate(() => window.sawWaiting), true, 'the day said it was being planned');
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('comparing it computes its plan off the page too: the table shows at once, the plan when it arrives', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    // Nothing preselected, so the plan is asked for when the test ticks the choices.
    await seedStorage(context, { [KEY_CURRENT]: envelope(HEAVY), 'ccplan.compare': '[]' });
    await page.goto(`${ctx.site.url}#/compare`);
    await page.getByTestId('compare-choices').waitFor();
    await recordWaiting(page, () => {
      const table = document.querySelector('[data-testid="compare-table"]');
      const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find((tr) => tr.textContent.includes('Peak required FTE'));
      // Any column: the current inputs' plan may already be in from the page's own start (a slow machine).
      return table?.dataset.settled === 'false' && [...(row?.querySelectorAll('td[data-column] .value') ?? [])].some((v) => v.textContent === '…');
    });
    await page.locator('input[data-choice="current"]').check();
    await page.locator('input[data-choice="example"]').check();
    const table = page.getByTestId('compare-table');
    const planCell = table.locator('tbody tr').filter({ hasText: 'Peak required FTE' }).locator('td[data-column="0"] .value');
    // The choices stay live while the worker computes.
    await page.locator('input[data-choice="example"]').uncheck();
    await page.locator('input[data-choice="example"]').check();
    await eventually(async () => assert.equal(await table.getAttribute('data-settled'), 'true'), { timeout: 60_000 });
    assert.match(await planCell.textContent(), /^\d{1,3}(,\d{3})*\.\d$/);
    // Before it arrived, the plan's cells said it was being computed.
    assert.equal(await page.evaluate(() => window.sawWaiting), true);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });
});
