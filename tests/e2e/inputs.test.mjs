// Changing inputs: typing, arrow keys, sliders, refused values, Erlang A and reverse mode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, text, eventually, expectTexts, setInputs, setSlider, resultTexts, assertNoBadNumbers,
  expectFieldMessage, expectNoFieldMessage, CONCURRENCY, type,
} from './harness.mjs';
import { DEFAULT_RESULTS, TEN_ERLANGS, TEN_ERLANGS_RESULTS, THIRTEEN_AGENTS_RESULTS, ERLANG_A_RESULTS } from './cases.mjs';

const ctx = useSite('/');

describe('changing inputs', { concurrency: CONCURRENCY }, () => {
  test('typing the 10-Erlang case gives the known result', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await setInputs(page, TEN_ERLANGS);
    await expectTexts(page, TEN_ERLANGS_RESULTS);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('ArrowUp and ArrowDown on a number box step the value and update the results', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await setInputs(page, TEN_ERLANGS);
    await expectTexts(page, TEN_ERLANGS_RESULTS);

    await page.getByTestId('volume').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByTestId('volume').inputValue(), '201');
    await expectTexts(page, { load: '10.05 Erlangs', 'service-level': '88.4 %', 'required-agents': '14' });

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('volume').inputValue(), '199');
    await expectTexts(page, { load: '9.95 Erlangs' });

    // Cost has a step of 0.5.
    await page.getByTestId('cost-per-hour').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getByTestId('cost-per-hour').inputValue(), '25.5');
    assert.deepEqual(errors, []);
  });

  test('moving a slider (keyboard, or a value and an input event) updates the box and the results', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const slider = page.getByTestId('volume-slider');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByTestId('volume').inputValue(), '201');
    await expectTexts(page, { load: '33.50 Erlangs', 'required-agents': '40' });

    await page.keyboard.press('End'); // slider maximum: 2000 contacts
    assert.equal(await page.getByTestId('volume').inputValue(), '2000');
    await expectTexts(page, { load: '333.33 Erlangs', 'required-agents': '393' });

    await page.keyboard.press('Home'); // no contacts at all
    assert.equal(await page.getByTestId('volume').inputValue(), '0');
    await expectTexts(page, { load: '0.00 Erlangs', 'required-agents': '0' });
    await assertNoBadNumbers(page);

    // A value set as a drag sets it: the value, then an input event.
    await setSlider(page, 'volume-slider', 250);
    assert.equal(await page.getByTestId('volume').inputValue(), '250');
    await expectTexts(page, { 'required-agents': '50', load: '41.67 Erlangs' });
    assert.deepEqual(errors, []);
  });

  test('dragging a slider with the mouse updates the results while dragging', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const box = await page.getByTestId('aht-slider').boundingBox(); // 30 … 1200 s
    const y = box.y + box.height / 2;
    const at = (share) => box.x + box.width * share;
    await page.mouse.move(at(0.23), y);
    await page.mouse.down();
    const seen = [];
    for (const share of [0.3, 0.5, 0.7]) {
      await page.mouse.move(at(share), y, { steps: 4 });
      const aht = Number(await page.getByTestId('aht').inputValue());
      await eventually(async () => assert.equal(await text(page, 'load'), `${((200 * aht) / 1800).toFixed(2)} Erlangs`));
      seen.push({ aht, agents: Number(await text(page, 'required-agents')) });
    }
    await page.mouse.up();
    // Each step of the drag raised AHT and, with it, the agents required.
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i].aht > seen[i - 1].aht, JSON.stringify(seen));
      assert.ok(seen[i].agents > seen[i - 1].agents, JSON.stringify(seen));
    }
    assert.deepEqual(errors, []);
  });

  test('refused volumes show an inline message and keep the last valid results', async (t) => {
    const { page, errors, dialogs } = await ctx.openApp(t);
    await expectTexts(page, DEFAULT_RESULTS);
    const before = await resultTexts(page);
    const box = page.getByTestId('volume');

    // Letters, typed key by key (Playwright's fill refuses them for a number box).
    await box.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('abc');
    await expectFieldMessage(page, 'volume', /Enter a number/);
    assert.deepEqual(await resultTexts(page), before);

    for (const [typed, message] of [
      ['-5', /Out of range: 0 – 100000/],
      ['1e400', /Enter a number/],
      ['', /Enter a number/],
    ]) {
      await type(page, 'volume', typed);
      await expectFieldMessage(page, 'volume', message);
      assert.deepEqual(await resultTexts(page), before, `after typing ${JSON.stringify(typed)}`);
      await assertNoBadNumbers(page);
    }

    await type(page, 'volume', '250');
    await expectNoFieldMessage(page, 'volume');
    await expectTexts(page, { 'required-agents': '50', load: '41.67 Erlangs' });
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
  });

  test('an interval of 45 minutes and a 100 % target are refused with a message', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const before = await resultTexts(page);

    await type(page, 'interval', '45');
    await expectFieldMessage(page, 'interval', /Choose 15, 30 or 60 minutes/);
    assert.deepEqual(await resultTexts(page), before);

    await type(page, 'sl-target', '100');
    await expectFieldMessage(page, 'sl-target', /Out of range: 1 – 99\.9/);
    assert.deepEqual(await resultTexts(page), before);
    await assertNoBadNumbers(page);

    // The built-in day rebuilt in hours; the calculator shows its busiest, 385 contacts in 60 min at AHT 300 s (expected.py).
    await type(page, 'interval', '60');
    await expectNoFieldMessage(page, 'interval');
    await expectTexts(page, { load: '32.08 Erlangs' });
    await type(page, 'sl-target', '80');
    await expectNoFieldMessage(page, 'sl-target');
    assert.deepEqual(errors, []);
  });

  test('Erlang A shows the abandon rate and the independently computed requirement', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await setInputs(page, TEN_ERLANGS);
    assert.equal(await page.getByTestId('patience').isDisabled(), true);

    await page.getByTestId('model').selectOption('erlang_a');
    assert.equal(await page.getByTestId('patience').isEnabled(), true);
    assert.equal(await page.getByTestId('patience').inputValue(), '120');
    await page.getByTestId('abandon').waitFor();
    assert.match(await text(page, 'abandon'), /^\d+\.\d %$/);
    await expectTexts(page, ERLANG_A_RESULTS);
    await assertNoBadNumbers(page);

    // Back to Erlang C: the abandon figure goes, the Erlang C answer returns.
    await page.getByTestId('model').selectOption('erlang_c');
    await expectTexts(page, TEN_ERLANGS_RESULTS);
    assert.equal(await page.getByTestId('abandon').count(), 0);
    assert.deepEqual(errors, []);
  });

  test('reverse mode: 13 agents give 79.6 %, 10 agents (= the load) are unstable', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await setInputs(page, TEN_ERLANGS);
    await page.getByTestId('reverse').check();
    assert.equal(await page.getByTestId('agents').isEnabled(), true);

    await type(page, 'agents', '13');
    await expectTexts(page, { ...THIRTEEN_AGENTS_RESULTS, 'required-agents': '14' });
    assert.equal(await page.locator('.results .message.warning').count(), 0);

    // Agents are whole people: 13.5 is refused and 13 stays.
    await type(page, 'agents', '13.5');
    await expectFieldMessage(page, 'agents', /^Enter a whole number\.$/);
    await expectTexts(page, THIRTEEN_AGENTS_RESULTS);

    await type(page, 'agents', '10');
    await expectTexts(page, { 'agents-on-phones': '10', 'service-level': '—', asa: '—', occupancy: '—' });
    const warning = page.locator('.results .message.warning');
    await warning.waitFor();
    assert.match(await warning.textContent(), /Too few agents/);
    await assertNoBadNumbers(page);

    await page.getByTestId('reverse').uncheck();
    await expectTexts(page, TEN_ERLANGS_RESULTS);
    assert.equal(await warning.count(), 0);
    assert.deepEqual(errors, []);
  });

  test('the interval slider steps through 15, 30 and 60 minutes; its value text and the box show the minutes', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const slider = page.getByTestId('interval-slider');
    const state = async () => ({
      position: await slider.inputValue(),
      valuetext: await slider.getAttribute('aria-valuetext'),
      box: await page.getByTestId('interval').inputValue(),
    });
    assert.deepEqual(await slider.evaluate((s) => [s.min, s.max, s.step]), ['0', '2', '1']);
    assert.deepEqual(await state(), { position: '1', valuetext: '30', box: '30' });

    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.deepEqual(await state(), { position: '2', valuetext: '60', box: '60' }));
    await expectTexts(page, { load: '32.08 Erlangs' }); // the built-in day's busiest hour: 385 contacts at AHT 300 s (expected.py)
    await page.keyboard.press('ArrowRight'); // already at the end
    assert.deepEqual(await state(), { position: '2', valuetext: '60', box: '60' });

    await page.keyboard.press('Home');
    await eventually(async () => assert.deepEqual(await state(), { position: '0', valuetext: '15', box: '15' }));
    await expectTexts(page, { load: '33.67 Erlangs' }); // its busiest quarter-hour: 101 contacts (expected.py)

    await setSlider(page, 'interval-slider', 1);
    await eventually(async () => assert.deepEqual(await state(), { position: '1', valuetext: '30', box: '30' }));
    await expectTexts(page, DEFAULT_RESULTS);

    // Typing minutes in the box moves the slider to that length's position.
    await type(page, 'interval', '60');
    await eventually(async () => assert.deepEqual(await state(), { position: '2', valuetext: '60', box: '60' }));
    await type(page, 'interval', '45'); // refused: the slider stays where the app is
    await expectFieldMessage(page, 'interval', /^Choose 15, 30 or 60 minutes\.$/);
    assert.deepEqual(await state(), { position: '2', valuetext: '60', box: '45' });
    await expectTexts(page, { load: '32.08 Erlangs' });
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });
});
