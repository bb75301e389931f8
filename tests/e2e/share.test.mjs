// Share links: a scenario in the URL fragment (`#s=1.<base64url(deflate(JSON))>`),
// opened in another browser as an unsaved copy; refused links leave
// everything as it was.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  useSite, freshPage, open, text, eventually, expectTexts, setInputs, seedStorage, storageEntries,
  flushAutosave, CONCURRENCY,
} from './harness.mjs';
import { KEY_CURRENT, KEY_SCENARIOS, VALID_INPUTS, envelope } from './cases.mjs';

// Served under a sub-path, like a GitHub Pages project page: links must keep it.
const ctx = useSite('/ccplan/');

/** A link payload as the app writes it: version, dot, base64url of raw deflate of the JSON. */
const payload = (json, version = '1') =>
  `${version}.${deflateRawSync(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json))).toString('base64url')}`;
const linkTo = (scenario, version) => `${ctx.site.url}#s=${payload(scenario, version)}`;

/** The JSON inside a link the app made. */
function decodeLink(url) {
  const match = /#s=1\.([A-Za-z0-9_-]+)$/.exec(url);
  assert.ok(match, `not a share link: ${url}`);
  return JSON.parse(inflateRawSync(Buffer.from(match[1], 'base64url')).toString('utf8'));
}

/**
 * What the receiving browser already holds: current inputs of volume 250
 * (50 agents) and one saved scenario.
 */
const RECEIVER_STORAGE = {
  [KEY_CURRENT]: envelope(VALID_INPUTS),
  [KEY_SCENARIOS]: envelope([{ name: 'Mine', inputs: { ...VALID_INPUTS, volume: 120 } }]),
};

async function receiver(t) {
  const session = await freshPage(t, ctx.browser);
  await seedStorage(session.context, RECEIVER_STORAGE);
  return session;
}

/** Writes any pending autosave at once and checks local storage still holds exactly what was seeded. */
async function expectStorageUntouched(page) {
  await flushAutosave(page);
  assert.deepEqual(await storageEntries(page), RECEIVER_STORAGE);
}

describe('share links', { concurrency: CONCURRENCY }, () => {
  test('a link opens the same scenario in a fresh browser, unsaved until "Save as"', async (t) => {
    // The sender: 300 contacts per 30 min (50 Erlangs) → 59 agents (Erlang C, 80/20, ≤ 85 %),
    // 91.7 % answered in 20 s, 59 / 0.7 = 84.3 FTE (tests/e2e/expected.py's required_c).
    const sender = await freshPage(t, ctx.browser);
    await sender.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.site.url).origin });
    await open(sender.page, ctx.site.url);
    await setInputs(sender.page, { volume: 300 });
    const expected = { 'required-agents': '59', 'service-level': '91.7 %', fte: '84.3' };
    await expectTexts(sender.page, expected);
    await sender.page.getByTestId('scenario-name').fill('Peak week 旺季');
    await sender.page.getByTestId('share-link').click();
    const shareUrl = sender.page.getByTestId('share-url');
    await eventually(async () => assert.match(await shareUrl.inputValue(), /#s=1\./));
    const link = await shareUrl.inputValue();

    assert.equal(await shareUrl.getAttribute('readonly'), '');
    // The page's URL without its fragment (the sub-path kept), then the payload.
    assert.ok(link.startsWith(`${ctx.site.url}#s=1.`), link);
    assert.ok(link.length < 2000, `link of ${link.length} characters`);
    const sent = decodeLink(link);
    assert.equal(sent.name, 'Peak week 旺季');
    assert.equal(sent.inputs.volume, 300);
    assert.equal(sent.inputs.aht_s, 300);
    // The clipboard got the same link (allowed here: a secure origin with permission).
    assert.equal(await sender.page.evaluate(() => navigator.clipboard.readText()), link);

    // The receiver already has inputs of their own and a saved scenario.
    const { page, errors, dialogs } = await receiver(t);
    await open(page, link);
    await expectTexts(page, expected);
    assert.equal(await page.getByTestId('volume').inputValue(), '300');
    const opened = page.getByTestId('link-opened');
    assert.match(await opened.textContent(), /Opened from a shared link/);
    assert.equal(await opened.locator('strong').textContent(), 'Peak week 旺季');
    assert.equal(await page.getByTestId('link-notice').count(), 0);

    // An unsaved copy: further edits are not autosaved either.
    // 300 contacts at 240 s: 40 Erlangs → 48 agents, 92.0 % (expected.py).
    await setInputs(page, { aht: 240 });
    await expectTexts(page, { 'required-agents': '48', 'service-level': '92.0 %' });
    await expectStorageUntouched(page);

    // "Save as" keeps it under a name; from then on it is the user's own.
    await setInputs(page, { aht: 300 });
    await expectTexts(page, expected);
    await page.getByTestId('scenario-name').fill('From a colleague');
    await page.getByTestId('scenario-save').click();
    await opened.waitFor({ state: 'detached' });
    const stored = await storageEntries(page);
    const scenarios = JSON.parse(stored[KEY_SCENARIOS]).data;
    assert.deepEqual(scenarios.map((s) => s.name), ['Mine', 'From a colleague']);
    assert.equal(scenarios[0].inputs.volume, 120);
    assert.equal(scenarios[1].inputs.volume, 300);
    assert.equal(JSON.parse(stored[KEY_CURRENT]).data.volume, 300);
    // …and autosaved again.
    await setInputs(page, { volume: 250 });
    await eventually(async () => assert.equal(JSON.parse((await storageEntries(page))[KEY_CURRENT]).data.volume, 250));
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });

  test('a link opened while the app is already open loads it', async (t) => {
    const { page, errors } = await receiver(t);
    await open(page, ctx.site.url);
    await expectTexts(page, { 'required-agents': '50' }); // the stored volume 250
    await page.evaluate((hash) => { location.hash = hash; }, `#s=${payload({ name: 'Late link', inputs: { ...VALID_INPUTS, volume: 300 } })}`);
    await expectTexts(page, { 'required-agents': '59', 'service-level': '91.7 %', fte: '84.3' });
    assert.equal(await page.getByTestId('volume').inputValue(), '300');
    assert.equal(await page.getByTestId('link-opened').locator('strong').textContent(), 'Late link');
    await expectStorageUntouched(page);

    // Sharing it on, with no name typed, still gives the link a name.
    await page.getByTestId('share-link').click();
    const shareUrl = page.getByTestId('share-url');
    await eventually(async () => assert.match(await shareUrl.inputValue(), /#s=1\./));
    const sent = decodeLink(await shareUrl.inputValue());
    assert.ok(sent.name.trim().length > 0, 'a name');
    assert.equal(sent.inputs.volume, 300);
    assert.deepEqual(errors, []);
  });

  test('a name with markup is shown as text and runs nothing', async (t) => {
    const name = '<img src=x onerror=alert(1)>';
    const { page, errors, dialogs, failedRequests } = await receiver(t);
    await open(page, linkTo({ name, inputs: { ...VALID_INPUTS, volume: 300 } }));
    await expectTexts(page, { 'required-agents': '59' });
    const opened = page.getByTestId('link-opened');
    assert.equal(await opened.locator('strong').textContent(), name);
    assert.equal(await page.locator('img').count(), 0);
    // Nothing anywhere carries a handler the name could have brought in.
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(failedRequests, []);
    await expectStorageUntouched(page);
  });

  const valid = { name: 'Fine', inputs: { ...VALID_INPUTS, volume: 300 } };
  const REFUSED = [
    { what: 'too long', hash: `1.${'A'.repeat(8_001)}`, reason: /too long \(over 8 000 characters\)/ },
    { what: 'not base64', hash: '1.!!!', reason: /damaged or not a ccplan link/ },
    { what: 'no version', hash: 'garbage', reason: /damaged or not a ccplan link/ },
    { what: 'truncated', hash: payload(valid).slice(0, 40), reason: /damaged or not a ccplan link/ },
    { what: 'a newer version', hash: payload(valid, '2'), reason: /newer version of ccplan/ },
    { what: 'not a scenario', hash: payload({ a: 1 }), reason: /values ccplan cannot use/ },
    { what: 'an impossible AHT (-1 s)', hash: payload({ name: 'Bad', inputs: { ...VALID_INPUTS, aht_s: -1 } }), reason: /values ccplan cannot use/ },
    { what: 'an empty name', hash: payload({ name: '  ', inputs: VALID_INPUTS }), reason: /values ccplan cannot use/ },
  ];
  test('refused links say why and leave the inputs and storage as they were', async (t) => {
    const { page, errors, dialogs } = await receiver(t);
    const notice = page.getByTestId('link-notice');
    for (const [n, { what, hash, reason }] of REFUSED.entries()) {
      // A different query each time, so each link is a fresh load of the app.
      await open(page, `${ctx.site.url}?case=${n}#s=${hash}`);
      await notice.waitFor();
      assert.match(await notice.textContent(), reason, what);
      assert.equal(await page.getByTestId('link-opened').count(), 0, what);
      // The stored inputs (volume 250 → 50 agents) are still what is shown.
      assert.equal(await page.getByTestId('volume').inputValue(), '250', what);
      await expectTexts(page, { 'required-agents': '50' });
    }
    // Also when the app is already open and the fragment changes.
    await page.evaluate(() => { location.hash = '#s=2.AAAA'; });
    await eventually(async () => assert.match(await notice.textContent(), /newer version of ccplan/));
    assert.equal(await page.getByTestId('volume').inputValue(), '250');
    await expectStorageUntouched(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });
});

// Issue 25, item 9: a link's unsaved copy stays recoverable after "Load":
// Undo brings the copy back, still unsaved, and what the browser had saved
// before (which the loaded example's autosave overwrote) is written back.
describe('loading over a link\'s unsaved copy', { concurrency: CONCURRENCY }, () => {
  test('Load the example, then Undo: the link\'s copy is back, unsaved, and storage holds the receiver\'s own inputs', async (t) => {
    const { page, errors } = await receiver(t);
    await open(page, linkTo({ name: 'Shared', inputs: { ...VALID_INPUTS, volume: 300 } }));
    assert.equal(await page.getByTestId('volume').inputValue(), '300');
    await page.getByTestId('link-opened').waitFor();

    await page.getByTestId('load-example').click();
    await page.getByTestId('link-opened').waitFor({ state: 'detached' });
    // The example is the user's own: saved.
    await flushAutosave(page);
    await eventually(async () =>
      assert.equal(JSON.parse((await storageEntries(page))[KEY_CURRENT]).data.volume, Number(await page.getByTestId('volume').inputValue())));
    assert.notEqual(await page.getByTestId('volume').inputValue(), '300');

    await page.getByTestId('undo-load-button').click();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), '300'));
    assert.equal(await page.getByTestId('link-opened').locator('strong').textContent(), 'Shared');
    await flushAutosave(page);
    const saved = JSON.parse((await storageEntries(page))[KEY_CURRENT]).data;
    assert.equal(saved.volume, VALID_INPUTS.volume, 'what was saved before the link is back');
    // Opened again without the link: the receiver's own inputs.
    await open(page, ctx.site.url);
    await page.reload();
    await eventually(async () => assert.equal(await page.getByTestId('volume').inputValue(), String(VALID_INPUTS.volume)));
    assert.deepEqual(errors, []);
  });
});
