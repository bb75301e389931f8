// Saving in the browser: autosave and scenarios in schema version 2
// (version 1 migrated), scenario problems shown in the form, and recovering
// from bad or hostile stored data, a full quota and disabled storage.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, freshPage, open, reload, text, eventually, expectTexts, seedStorage, storageEntries, assertNoBadNumbers,
  intervalCsv, expectSaved, flushAutosave, storageFixture, scenarioRow, scenarioNames, scenarioAction, CONCURRENCY, type,
  typeKeys, inputValues, resultTexts, STAFFING_BOXES,
} from './harness.mjs';
import {
  DEFAULT_RESULTS, KEY_CURRENT, KEY_SCENARIOS, VALID_INPUTS, VALID_INPUTS_V1, TWO_INTERVALS_WITH_AHT_RESULTS,
  envelope, TYPED_INPUTS, TYPED_INPUTS_RESULTS,
} from './cases.mjs';

const ctx = useSite('/');

describe('saving in the browser', { concurrency: CONCURRENCY }, () => {
  const notice = (page) => page.getByTestId('storage-notice');
  const list = (page) => page.getByTestId('scenario-list');
  /** The user's scenarios (the built-in example, always listed first, has no data-scenario). */
  const SAVED = 'li[data-scenario]';

  async function saveAs(page, name) {
    await page.getByTestId('scenario-name').fill(name);
    await page.getByTestId('scenario-save').click();
  }

  /** Backups of `key` in storage: [key, raw text] pairs. */
  async function backupsOf(page, key) {
    const entries = await storageEntries(page);
    return Object.entries(entries).filter(([k]) => k.startsWith(`ccplan.backup.${key}.`));
  }

  async function expectNotice(page, pattern) {
    await notice(page).waitFor();
    assert.match(await notice(page).textContent(), pattern);
  }

  const CORRUPT = /could not be read\. It was kept under a backup key/;
  const NEWER = /comes from a newer version of ccplan/;
  const FULL = /storage is full/;
  /** The scenario form's message (role=alert while it says something; empty, and no alert, when all is well). */
  const formMessage = (page) => page.locator('.scenario-form .field-error');
  const NAME_TAKEN = 'A scenario of that name exists; choose another name.';
  const LIST_FULL = 'The list is full (200 scenarios); delete one first.';

  async function expectFormMessage(page, message) {
    await eventually(async () => assert.equal((await formMessage(page).textContent()).trim(), message));
    assert.equal(await formMessage(page).getAttribute('role'), message === '' ? null : 'alert');
  }

  /** The stored scenarios' names (version 2). */
  async function storedNames(page) {
    const stored = JSON.parse((await storageEntries(page))[KEY_SCENARIOS]);
    assert.equal(stored.version, 2);
    return stored.data.map((s) => s.name);
  }

  test('changed inputs are saved (schema version 2) and restored after a reload', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    // The day first: the calculator shows its busiest interval (07:30), so the 250 typed next is that interval's.
    await page.getByTestId('paste-volumes').fill('07:00\t120\t300\n07:30\t150\t240');
    await expectTexts(page, { 'day-volume': '270' });
    await type(page, 'volume', '250');
    await type(page, 'aht', '240');
    await page.getByTestId('model').selectOption('erlang_a');
    await type(page, 'patience', '90');
    await expectTexts(page, { 'day-volume': '370' });
    await expectSaved(page, { volume: 250, aht_s: 240, model: 'erlang_a', patience_s: 90, intraday: [120, 250], calculator_interval: 1 });

    const saved = JSON.parse((await storageEntries(page))[KEY_CURRENT]);
    assert.equal(saved.version, 2);
    assert.deepEqual(
      {
        volume: saved.data.volume, aht: saved.data.aht_s, model: saved.data.model, patience: saved.data.patience_s,
        day: saved.data.intraday, ahts: saved.data.intraday_aht, start: saved.data.day_start_min,
      },
      { volume: 250, aht: 240, model: 'erlang_a', patience: 90, day: [120, 250], ahts: [300, 240], start: 420 },
    );
    assert.equal(typeof saved.data.scorecard, 'object');
    const results = {
      'required-agents': await text(page, 'required-agents'),
      abandon: await text(page, 'abandon'),
      'day-volume': '370',
      'day-peak-agents': await text(page, 'day-peak-agents'),
      'day-service-level': await text(page, 'day-service-level'),
    };
    const table = await intervalCsv(page);
    assert.deepEqual(table.map((row) => row.slice(0, 3)), [['07:00', '120', '300'], ['07:30', '250', '240']]);

    await reload(page);
    assert.equal(await page.getByTestId('volume').inputValue(), '250');
    assert.equal(await page.getByTestId('aht').inputValue(), '240');
    assert.equal(await page.getByTestId('model').inputValue(), 'erlang_a');
    assert.equal(await page.getByTestId('patience').inputValue(), '90');
    await expectTexts(page, results);
    assert.deepEqual(await intervalCsv(page), table, 'the same day: starts, volumes and per-interval AHT');
    assert.equal(await notice(page).count(), 0);
    assert.deepEqual(errors, []);
  });

  test('an edit made just before a reload, or before the tab is closed, is kept', async (t) => {
    const { page, context, errors } = await ctx.openApp(t);
    await type(page, 'volume', '275');
    await reload(page); // at once: before the autosave's delay is over
    assert.equal(await page.getByTestId('volume').inputValue(), '275');

    await type(page, 'aht', '245');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await open(again, ctx.site.url);
    assert.deepEqual(
      [await again.getByTestId('volume').inputValue(), await again.getByTestId('aht').inputValue()], ['275', '245']);
    const saved = JSON.parse((await storageEntries(again))[KEY_CURRENT]);
    assert.deepEqual([saved.data.volume, saved.data.aht_s], [275, 245]);
    assert.deepEqual(errors, []);
  });

  test('scenarios: save as, load, rename, duplicate, delete, and they survive a reload', async (t) => {
    const { page, errors, dialogs } = await ctx.openApp(t);
    assert.match(await list(page).textContent(), /No saved scenarios yet/);
    // The built-in example comes first, marked as built in, not as a saved scenario.
    const first = list(page).locator('li').first();
    assert.deepEqual(
      await first.evaluate((li) => [li.dataset.builtin, li.className, li.hasAttribute('data-scenario')]),
      ['example', 'example', false],
    );
    assert.equal(await first.getByTestId('load-example').count(), 1);

    // A nameless save is refused with a message.
    await saveAs(page, '   ');
    const nameMessage = page.locator('.scenario-form').getByRole('alert');
    await eventually(async () => assert.match(await nameMessage.textContent(), /Give the scenario a name/));
    assert.deepEqual(await scenarioNames(page), []);

    await type(page, 'volume', '250');
    await expectTexts(page, { 'required-agents': '50' });
    await saveAs(page, 'Peak week');
    await scenarioRow(page, 'Peak week').waitFor();
    assert.equal(await page.getByTestId('scenario-name').inputValue(), '', 'the name box is cleared after saving');
    assert.doesNotMatch(await list(page).textContent(), /No saved scenarios yet/);
    const stored = JSON.parse((await storageEntries(page))[KEY_SCENARIOS]);
    assert.equal(stored.version, 2);
    assert.deepEqual(stored.data.map((s) => [s.name, s.inputs.volume]), [['Peak week', 250]]);
    assert.equal(await list(page).locator('li').first().getAttribute('data-builtin'), 'example', 'the example stays first');

    // Change the inputs, leave a half-typed bad value, then load: all restored.
    await type(page, 'volume', '300');
    await expectTexts(page, { 'required-agents': '59' });
    await type(page, 'aht', '');
    await scenarioAction(page, 'Peak week', 'load').click();
    await expectTexts(page, { 'required-agents': '50', load: '41.67 Erlangs' });
    assert.equal(await page.getByTestId('volume').inputValue(), '250');
    assert.equal(await page.getByTestId('aht').inputValue(), '300');
    assert.equal(await page.locator('.inputs .field.invalid').count(), 0, 'no field left marked invalid');

    // Rename takes the new name from the name box.
    await page.getByTestId('scenario-name').fill('Peak week 2');
    await scenarioAction(page, 'Peak week', 'rename').click();
    await scenarioRow(page, 'Peak week 2').waitFor();
    assert.deepEqual(await scenarioNames(page), ['Peak week 2']);

    await scenarioAction(page, 'Peak week 2', 'duplicate').click();
    await scenarioRow(page, 'Peak week 2 (copy)').waitFor();
    await scenarioAction(page, 'Peak week 2', 'duplicate').click();
    await scenarioRow(page, 'Peak week 2 (copy 2)').waitFor();
    assert.deepEqual(await scenarioNames(page), ['Peak week 2', 'Peak week 2 (copy)', 'Peak week 2 (copy 2)']);
    assert.equal((await formMessage(page).textContent()).trim(), '');

    // Renaming to a name in use is refused with a message; nothing changes.
    await page.getByTestId('scenario-name').fill('Peak week 2 (copy)');
    await scenarioAction(page, 'Peak week 2', 'rename').click();
    await expectFormMessage(page, NAME_TAKEN);
    assert.deepEqual(await scenarioNames(page), ['Peak week 2', 'Peak week 2 (copy)', 'Peak week 2 (copy 2)']);
    assert.deepEqual(await storedNames(page), ['Peak week 2', 'Peak week 2 (copy)', 'Peak week 2 (copy 2)']);
    await page.getByTestId('scenario-name').fill('');

    await scenarioAction(page, 'Peak week 2', 'delete').click();
    await eventually(async () => assert.deepEqual(await scenarioNames(page), ['Peak week 2 (copy)', 'Peak week 2 (copy 2)']));

    // Saving under an existing name replaces that scenario.
    await type(page, 'volume', '222');
    await saveAs(page, 'Peak week 2 (copy 2)');
    await eventually(async () => {
      const saved = JSON.parse((await storageEntries(page))[KEY_SCENARIOS]).data;
      assert.deepEqual(saved.map((s) => [s.name, s.inputs.volume]), [['Peak week 2 (copy)', 250], ['Peak week 2 (copy 2)', 222]]);
    });
    assert.deepEqual(await scenarioNames(page), ['Peak week 2 (copy)', 'Peak week 2 (copy 2)']);
    assert.equal((await formMessage(page).textContent()).trim(), '', 'a successful save clears the message');

    await reload(page);
    assert.deepEqual(await scenarioNames(page), ['Peak week 2 (copy)', 'Peak week 2 (copy 2)']);
    await type(page, 'volume', '100');
    await scenarioAction(page, 'Peak week 2 (copy)', 'load').click();
    await expectTexts(page, { 'required-agents': '50' });
    assert.equal(await notice(page).count(), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });

  /**
   * After a load with bad stored data under `key`: defaults on screen, the
   * notice, exactly one backup holding `raw` verbatim, nothing injected.
   */
  async function expectRefused(page, key, raw, message) {
    await expectTexts(page, DEFAULT_RESULTS);
    assert.equal(await page.getByTestId('volume').inputValue(), '200');
    await expectNotice(page, message);
    const backups = await backupsOf(page, key);
    assert.equal(backups.length, 1, JSON.stringify(backups));
    assert.match(backups[0][0], new RegExp(`^ccplan\\.backup\\.${key.replace('.', '\\.')}\\.\\d+$`));
    assert.equal(backups[0][1], raw, 'the backup is the stored text verbatim');
    assert.equal(await page.locator('img, main script').count(), 0);
    await assertNoBadNumbers(page);
    return backups;
  }

  /** Replaces all of local storage with { key: raw } and reloads. */
  async function reloadWith(page, key, raw) {
    await page.evaluate(([k, v]) => {
      localStorage.clear();
      localStorage.setItem(k, v);
    }, [key, raw]);
    await reload(page);
  }

  // Unreadable saved inputs: each is backed up verbatim and the app starts from defaults.
  for (const { title, raw, message } of [
    { title: 'text that is not JSON', raw: 'not json', message: CORRUPT },
    { title: 'an unknown schema version', raw: '{"version":99,"data":{}}', message: NEWER },
    { title: 'the next schema version', raw: envelope(VALID_INPUTS, 3), message: NEWER },
    { title: 'schema version 0 (never written by any version: damaged)', raw: envelope(VALID_INPUTS_V1, 0), message: CORRUPT },
    { title: 'markup where a number belongs', raw: '{"version":1,"data":{"volume":"<img src=x onerror=alert(1)>"}}', message: CORRUPT },
    { title: 'markup where a start belongs', raw: envelope({ ...VALID_INPUTS, day_start_min: '<img src=x onerror=alert(1)>' }), message: CORRUPT },
    { title: 'a negative volume', raw: envelope({ ...VALID_INPUTS, volume: -5 }), message: CORRUPT },
  ]) {
    test(`stored inputs with ${title} are backed up and the app starts from defaults`, async (t) => {
      const { context, page, errors, dialogs, failedRequests } = await freshPage(t, ctx.browser);
      await seedStorage(context, { [KEY_CURRENT]: raw });
      await open(page, ctx.site.url);
      const backups = await expectRefused(page, KEY_CURRENT, raw, message);
      assert.equal((await storageEntries(page))[KEY_CURRENT], undefined);

      // Dismissing hides the notice; after a reload it stays away and the backup stays.
      await notice(page).getByRole('button').click();
      await notice(page).waitFor({ state: 'detached' });
      await reload(page);
      await expectTexts(page, DEFAULT_RESULTS);
      assert.equal(await notice(page).count(), 0);
      assert.deepEqual(await backupsOf(page, KEY_CURRENT), backups);
      assert.deepEqual(errors, []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(failedRequests, []);
    });
  }

  test('stored inputs out of range or of the wrong shape are refused too', async (t) => {
    const { page, errors, dialogs } = await ctx.openApp(t);
    for (const raw of [
      envelope({ ...VALID_INPUTS, interval_min: 45 }), // only 15, 30 or 60
      envelope({ ...VALID_INPUTS, reverse: true, agents: 13.5 }), // agents are whole
      envelope({ ...VALID_INPUTS, model: 'erlang_x' }),
      envelope({ ...VALID_INPUTS, evil: '<script>alert(1)</script>' }), // unknown field
      envelope({ ...VALID_INPUTS, intraday: Array(97).fill(1) }), // more than a day of 15-minute intervals
      envelope(Object.fromEntries(Object.entries(VALID_INPUTS).filter(([k]) => k !== 'aht_s'))),
      envelope({ ...VALID_INPUTS, day_start_min: 1440 }), // the first interval starts before midnight
      envelope({ ...VALID_INPUTS, day_start_min: -30 }),
      envelope({ ...VALID_INPUTS, intraday_aht: [300, 240, 200] }), // more AHTs than intervals
      envelope({ ...VALID_INPUTS, intraday_aht: [0, null] }), // an AHT of 0 s
      envelope({ ...VALID_INPUTS, intraday_aht: [null, 7201] }), // more than 2 hours
      envelope({ ...VALID_INPUTS, intraday_aht: ['fast', null] }),
      envelope({ ...VALID_INPUTS_V1, interval_min: 45 }, 1), // version 1 is checked as strictly
      '',
    ]) {
      await reloadWith(page, KEY_CURRENT, raw);
      await expectRefused(page, KEY_CURRENT, raw, CORRUPT);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });

  test('scenario names with markup are shown as text, never run', async (t) => {
    const { context, page, errors, dialogs, failedRequests } = await freshPage(t, ctx.browser);
    const names = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>bold</b>'];
    await seedStorage(context, { [KEY_SCENARIOS]: envelope(names.map((name) => ({ name, inputs: VALID_INPUTS }))) });
    await open(page, ctx.site.url);
    await expectTexts(page, DEFAULT_RESULTS);
    assert.deepEqual(await scenarioNames(page), names);
    assert.deepEqual(await list(page).locator(`${SAVED} .scenario-name`).allTextContents(), names);
    assert.equal(await list(page).locator('script, img, b').count(), 0);
    assert.equal(await notice(page).count(), 0);

    await scenarioAction(page, names[0], 'load').click();
    // Saved with the calculator's 250 apart from its day [120, 150]: read, the 250 is the busiest interval's.
    await expectTexts(page, { 'required-agents': '50', 'day-volume': '370' });
    // Nothing anywhere carries a handler or a script a name could have brought in.
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await list(page).locator('script, img, b').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(errors, []);
  });

  // Scenario lists that must be refused as a whole (and kept as a backup).
  const fine = { name: 'Fine', inputs: VALID_INPUTS };
  for (const { title, raw } of [
    { title: 'a huge volume', raw: envelope([fine, { name: 'Huge', inputs: { ...VALID_INPUTS, volume: 1e308 } }]) },
    { title: 'a NaN literal (not JSON)', raw: envelope([fine]).replace('"volume":250', '"volume":NaN') },
  ]) {
    test(`a scenario list with ${title} is refused and backed up`, async (t) => {
      const { context, page, errors, dialogs } = await freshPage(t, ctx.browser);
      await seedStorage(context, { [KEY_SCENARIOS]: raw });
      await open(page, ctx.site.url);
      await expectRefused(page, KEY_SCENARIOS, raw, CORRUPT);
      assert.deepEqual(await scenarioNames(page), []);
      assert.match(await list(page).textContent(), /No saved scenarios yet/);
      assert.deepEqual(errors, []);
      assert.deepEqual(dialogs, []);
    });
  }

  test('other bad scenario lists are refused and backed up', async (t) => {
    const { page, errors, dialogs } = await ctx.openApp(t);
    for (const [raw, message] of [
      [envelope([{ name: 'Infinite', inputs: VALID_INPUTS }]).replace('"volume":250', '"volume":1e400'), CORRUPT], // beyond f64
      [envelope([{ name: 'n'.repeat(81), inputs: VALID_INPUTS }]), CORRUPT],
      [envelope([{ name: 'tab\there', inputs: VALID_INPUTS }]), CORRUPT],
      [envelope([{ name: 'Extra', inputs: VALID_INPUTS, extra: 1 }]), CORRUPT],
      [envelope([{ name: 'Late', inputs: { ...VALID_INPUTS, day_start_min: 1500 } }]), CORRUPT],
      [envelope([{ name: 'Old but bad', inputs: { ...VALID_INPUTS_V1, volume: -1 } }], 1), CORRUPT],
      [envelope(Array.from({ length: 201 }, (_, i) => ({ name: `S${i}`, inputs: VALID_INPUTS }))), CORRUPT],
      [envelope(fine), CORRUPT], // not a list
      [envelope([fine], 3), NEWER],
      [envelope([fine], 0), CORRUPT],
    ]) {
      await reloadWith(page, KEY_SCENARIOS, raw);
      await expectRefused(page, KEY_SCENARIOS, raw, message);
      assert.deepEqual(await scenarioNames(page), []);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });

  test('version-1 inputs and scenarios are accepted and migrated: same values, written back as version 2 on the next save', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    const [current, scenarios] = [await storageFixture('v1-current.json'), await storageFixture('v1-scenarios.json')];
    await seedStorage(context, { [KEY_CURRENT]: current, [KEY_SCENARIOS]: scenarios });
    await open(page, ctx.site.url);
    const shown = {};
    for (const id of ['volume', 'aht', 'sl-target', 'sl-seconds', 'interval', 'shrinkage', 'max-occupancy', 'patience', 'cost-per-hour', 'agents', 'model']) {
      shown[id] = await page.getByTestId(id).inputValue();
    }
    assert.deepEqual(shown, {
      volume: '250', aht: '240', 'sl-target': '85', 'sl-seconds': '15', interval: '15', shrinkage: '32',
      'max-occupancy': '88', patience: '90', 'cost-per-hour': '31.5', agents: '45', model: 'erlang_a',
    });
    assert.equal(await page.getByTestId('reverse').isChecked(), true);
    // Saved when the calculator's volume was its own number: the 250 is kept as the volume of the
    // interval the calculator now shows, the busiest (08:30: 30 → 250), so its answer is the one saved.
    await expectTexts(page, { 'day-volume': '305' }); // 10 + 20 + 250 + 25
    assert.equal(await page.getByTestId('calculator-interval').inputValue(), '2');
    // The day from 08:00 in 15-minute steps, at the page's AHT.
    assert.deepEqual((await intervalCsv(page)).map((row) => row.slice(0, 3)), [
      ['08:00', '10', '240'], ['08:15', '20', '240'], ['08:30', '250', '240'], ['08:45', '25', '240'],
    ]);
    assert.deepEqual(await scenarioNames(page), ['Peak week 旺季', 'Quiet']);
    assert.equal(await notice(page).count(), 0);
    let entries = await storageEntries(page);
    assert.deepEqual(Object.keys(entries).filter((k) => k.startsWith('ccplan.backup.')), [], 'no backup: nothing was refused');
    assert.equal(entries[KEY_CURRENT], current, 'left as it was until something changes');

    // The scorecard page works from its defaults.
    await page.getByTestId('nav-scorecard').click();
    await page.getByTestId('horizon').waitFor();
    assert.equal(await page.getByTestId('horizon').inputValue(), '12');
    await page.getByTestId('nav-staffing').click();

    await scenarioAction(page, 'Quiet', 'load').click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '50'));
    assert.equal(await page.getByTestId('interval').inputValue(), '60');
    await expectTexts(page, { 'day-volume': '50' }); // its one interval (5) now carries the calculator's 50
    await expectSaved(page, { volume: 50, interval_min: 60 });
    const saved = JSON.parse((await storageEntries(page))[KEY_CURRENT]);
    assert.equal(saved.version, 2);
    assert.deepEqual(
      [saved.data.volume, saved.data.interval_min, saved.data.intraday, saved.data.intraday_aht, saved.data.day_start_min],
      [50, 60, [50], [], 480],
    );
    assert.equal(saved.data.scorecard.horizon, 12);

    await saveAs(page, 'New');
    await scenarioRow(page, 'New').waitFor();
    const list = JSON.parse((await storageEntries(page))[KEY_SCENARIOS]);
    assert.equal(list.version, 2);
    assert.deepEqual(list.data.map((s) => [s.name, s.inputs.volume, s.inputs.intraday_aht, s.inputs.day_start_min]), [
      ['Peak week 旺季', 400, [], 480], ['Quiet', 50, [], 480], ['New', 50, [], 480],
    ]);
    entries = await storageEntries(page);
    assert.deepEqual(Object.keys(entries).filter((k) => k.startsWith('ccplan.backup.')), []);
    assert.deepEqual(errors, []);
  });

  test('version-2 inputs restore the per-interval AHT (null: the page\'s AHT) and the day\'s start', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    // The calculator at the busiest interval (07:30: 150 contacts at its own AHT 240 s, 20 Erlangs: 25 agents).
    const raw = envelope({ ...VALID_INPUTS, volume: 150, intraday: [120, 150], intraday_aht: [null, 240], day_start_min: 420 });
    await seedStorage(context, { [KEY_CURRENT]: raw });
    await open(page, ctx.site.url);
    await expectTexts(page, { 'required-agents': '25', ...TWO_INTERVALS_WITH_AHT_RESULTS });
    assert.equal(await text(page, 'interval-own-aht'), 'This interval\'s own AHT, from the day: 240 s');
    assert.deepEqual((await intervalCsv(page)).map((row) => row.slice(0, 3)), [['07:00', '120', '300'], ['07:30', '150', '240']]);
    assert.equal(await notice(page).count(), 0);
    assert.equal((await storageEntries(page))[KEY_CURRENT], raw);
    assert.deepEqual(errors, []);
  });

  test('a full storage quota shows the "full" notice and the results still update', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await context.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await open(page, ctx.site.url);
    // A first visit writes nothing (not even the language), so there is nothing to report yet.
    await flushAutosave(page);
    assert.equal(await notice(page).count(), 0);
    await type(page, 'volume', '250');
    await expectTexts(page, { 'required-agents': '50', load: '41.67 Erlangs' });
    await expectNotice(page, FULL);
    await expectTexts(page, { 'required-agents': '50', load: '41.67 Erlangs' });

    // A scenario that cannot be saved does not appear, and its name stays typed.
    await notice(page).getByRole('button').click();
    await saveAs(page, 'Peak week');
    await expectNotice(page, FULL);
    assert.deepEqual(await scenarioNames(page), []);
    assert.equal(await page.getByTestId('scenario-name').inputValue(), 'Peak week');

    // Picking a language writes it, which fails too (and says so, in the new language).
    await notice(page).getByRole('button').click();
    await notice(page).waitFor({ state: 'detached' });
    await page.getByTestId('lang').selectOption('zh');
    await expectNotice(page, /浏览器存储空间已满/);
    assert.deepEqual(errors, []);
  });

  test('disabled storage: the app works from defaults and says changes will not be kept', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    await open(page, ctx.site.url);
    await expectTexts(page, DEFAULT_RESULTS);
    await expectNotice(page, /does not allow saving/);
    await type(page, 'volume', '250');
    await expectTexts(page, { 'required-agents': '50' });
    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN'));
    assert.deepEqual(errors, []);
  });

  test('duplicating a scenario with a long name shortens the copy\'s name to 80 characters at most; the list stays loadable', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const long = 'L'.repeat(80);
    await saveAs(page, long);
    await scenarioRow(page, long).waitFor();
    await scenarioAction(page, long, 'duplicate').click();
    await eventually(async () => assert.equal((await scenarioNames(page)).length, 2));
    await scenarioAction(page, long, 'duplicate').click();
    await eventually(async () => assert.equal((await scenarioNames(page)).length, 3));
    const [, copy, copy2] = await scenarioNames(page);
    const base = copy.replace(/ \(copy\)$/, '');
    assert.match(copy, /^L+ \(copy\)$/);
    assert.equal(copy2, `${base} (copy 2)`, 'the second copy has the same base');
    assert.ok(long.startsWith(base) && base.length < 80, `base of ${base.length} characters`);
    for (const name of [copy, copy2]) assert.ok(name.length <= 80, `${name.length} characters: ${name}`);
    assert.equal((await formMessage(page).textContent()).trim(), '');

    await reload(page);
    assert.equal(await notice(page).count(), 0, 'no "could not be read" notice after a reload');
    assert.deepEqual(await scenarioNames(page), [long, copy, copy2]);
    assert.deepEqual(await backupsOf(page, KEY_SCENARIOS), []);
    assert.deepEqual(errors, []);
  });

  test('unreadable saved data is not deleted when no backup can be written', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    await seedStorage(context, { [KEY_CURRENT]: 'not json' });
    await context.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await open(page, ctx.site.url);
    await expectTexts(page, DEFAULT_RESULTS);
    await expectNotice(page, /could not be read/);
    assert.deepEqual(await storageEntries(page), { [KEY_CURRENT]: 'not json' }, 'the original stays under its key; no backup');
    await reload(page);
    await expectTexts(page, DEFAULT_RESULTS);
    assert.deepEqual(await storageEntries(page), { [KEY_CURRENT]: 'not json' });
    assert.deepEqual(errors, []);
  });

  test('with 200 scenarios, a new one (save as, duplicate) is refused with a message and nothing is dropped', async (t) => {
    const { context, page, errors } = await freshPage(t, ctx.browser);
    const full = Array.from({ length: 200 }, (_, i) => ({ name: `S${i}`, inputs: VALID_INPUTS }));
    const names = full.map((s) => s.name);
    await seedStorage(context, { [KEY_SCENARIOS]: envelope(full) });
    await open(page, ctx.site.url);
    assert.deepEqual(await scenarioNames(page), names);

    await saveAs(page, 'Extra');
    await expectFormMessage(page, LIST_FULL);
    assert.equal(await scenarioRow(page, 'Extra').count(), 0);
    assert.deepEqual(await scenarioNames(page), names);
    assert.equal(await page.getByTestId('scenario-name').inputValue(), 'Extra', 'the name stays typed');
    assert.deepEqual(await storedNames(page), names);

    // Saving under a name in the list replaces that scenario: allowed when full (and the message goes).
    await type(page, 'volume', '222');
    await saveAs(page, 'S5');
    await expectFormMessage(page, '');
    await eventually(async () => {
      const stored = JSON.parse((await storageEntries(page))[KEY_SCENARIOS]).data;
      assert.deepEqual(stored.map((s) => s.name), names);
      assert.equal(stored[5].inputs.volume, 222);
    });

    await scenarioAction(page, 'S7', 'duplicate').click();
    await expectFormMessage(page, LIST_FULL);
    assert.equal(await scenarioRow(page, 'S7 (copy)').count(), 0);
    assert.deepEqual(await scenarioNames(page), names);
    assert.deepEqual(await storedNames(page), names);

    // With one deleted, a new one fits again (at the end).
    await scenarioAction(page, 'S0', 'delete').click();
    await eventually(async () => assert.equal((await scenarioNames(page)).length, 199));
    await saveAs(page, 'Extra');
    await scenarioRow(page, 'Extra').waitFor();
    await expectFormMessage(page, '');
    assert.deepEqual(await storedNames(page), [...names.slice(1), 'Extra']);
    assert.equal(await notice(page).count(), 0);
    assert.deepEqual(errors, []);
  });
});

// Issue 25, item 9: "Load" keeps what it replaces recoverable: a notice says
// what was loaded, and its Undo puts back every box, the results and what was
// saved, also after a reload.
describe('loading keeps the current inputs recoverable', { concurrency: CONCURRENCY }, () => {
  const undoNotice = (page) => page.getByTestId('undo-load');

  /** Types TYPED_INPUTS key by key and waits for their results and their save. */
  async function typeOwnInputs(page) {
    for (const [testId, typed] of Object.entries(TYPED_INPUTS)) {
      await typeKeys(page, testId, typed);
      await page.keyboard.press('Tab');
    }
    await expectTexts(page, TYPED_INPUTS_RESULTS);
    await expectSaved(page, { volume: 250, aht_s: 187.5, shrinkage_pct: 32.5, cost_per_hour: 22.5 });
  }

  /** Every box, every result and what is saved, to compare before and after. */
  async function everything(page) {
    await flushAutosave(page);
    return {
      boxes: await inputValues(page, STAFFING_BOXES),
      results: await resultTexts(page),
      saved: JSON.parse((await storageEntries(page))[KEY_CURRENT]),
    };
  }

  async function expectRestored(page, before) {
    await expectTexts(page, TYPED_INPUTS_RESULTS);
    await eventually(async () => assert.deepEqual(await everything(page), before));
  }

  test('Load the example, then Undo: every box, the results and the saved inputs are as typed, also after a reload', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await typeOwnInputs(page);
    const before = await everything(page);
    assert.equal(await undoNotice(page).count(), 0);

    await page.getByTestId('load-example').click();
    await eventually(async () => assert.notEqual(await page.getByTestId('volume').inputValue(), '250'));
    assert.equal((await undoNotice(page).locator('span').textContent()).trim(), 'Example loaded — Undo');
    // The example replaced the inputs, and was saved.
    await eventually(async () => assert.notDeepEqual((await everything(page)).saved, before.saved));

    await undoNotice(page).getByTestId('undo-load-button').click();
    await expectRestored(page, before);
    assert.equal(await undoNotice(page).count(), 0, 'the notice goes once undone');
    await reload(page);
    await expectRestored(page, before);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('loading a saved scenario names it and undoes the same way; in Chinese too', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'volume', '150');
    await page.getByTestId('scenario-name').fill('Quiet');
    await page.getByTestId('scenario-save').click();
    await scenarioRow(page, 'Quiet').waitFor();
    await typeOwnInputs(page);
    const before = await everything(page);
    await scenarioAction(page, 'Quiet', 'load').click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '150'));
    assert.equal((await undoNotice(page).locator('span').textContent()).trim(), 'Scenario “Quiet” loaded — Undo');
    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () =>
      assert.equal((await undoNotice(page).locator('span').textContent()).trim(), '已载入方案“Quiet” — 撤销'));
    await page.getByTestId('undo-load-button').click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '250'));
    await page.getByTestId('lang').selectOption('en');
    await expectRestored(page, before);
    await reload(page);
    await expectRestored(page, before);
    assert.deepEqual(errors, []);
  });

  test('Dismiss keeps what was loaded', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await typeOwnInputs(page);
    await page.getByTestId('load-example').click();
    await undoNotice(page).waitFor();
    const loaded = await inputValues(page, STAFFING_BOXES);
    await page.getByTestId('undo-load-dismiss').click();
    await undoNotice(page).waitFor({ state: 'detached' });
    assert.deepEqual(await inputValues(page, STAFFING_BOXES), loaded);
    assert.deepEqual(errors, []);
  });
});
