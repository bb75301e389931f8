// Loading the app: first render, the panic banner, and serving under a sub-path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  serve, useSite, freshPage, open, text, expectTexts, assertNoBadNumbers, inputValues, CONCURRENCY, DIST, PANIC_DIST,
} from './harness.mjs';
import { DEFAULT_RESULTS } from './cases.mjs';

const ctx = useSite('/');

describe('loading the app', { concurrency: CONCURRENCY }, () => {
  test('the page renders the defaults with no errors, every output leading with a number', async (t) => {
    const { page, errors, dialogs, failedRequests } = await ctx.openApp(t);
    await expectTexts(page, DEFAULT_RESULTS);
    assert.equal(await page.title(), 'ccplan — contact-centre staffing planner');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByTestId('error-banner').isHidden(), true);
    assert.equal(await page.getByTestId('storage-notice').count(), 0);
    // Erlang C: no abandonment figure; forward mode: no agents-on-phones figure.
    assert.equal(await page.getByTestId('abandon').count(), 0);
    assert.equal(await page.getByTestId('agents-on-phones').count(), 0);
    assert.equal(await page.getByTestId('patience').isDisabled(), true);
    assert.equal(await page.getByTestId('agents').isDisabled(), true);

    assert.deepEqual(await inputValues(page), {
      volume: '200', aht: '300', 'sl-target': '80', 'sl-seconds': '20', interval: '30', shrinkage: '30',
      'max-occupancy': '85', patience: '120', 'cost-per-hour': '25', agents: '40',
    });
    assert.equal(await page.getByTestId('model').inputValue(), 'erlang_c');
    assert.equal(await page.getByTestId('lang').inputValue(), 'en');
    assert.equal(await page.getByTestId('reverse').isChecked(), false);

    for (const id of [
      'required-agents', 'fte', 'service-level', 'asa', 'p-wait', 'occupancy', 'cost', 'load', 'agent-hours',
      'day-volume', 'day-service-level', 'day-asa', 'day-peak-agents', 'day-agent-hours', 'day-paid-hours', 'day-cost',
    ]) {
      assert.match(await text(page, id), /^\d{1,3}(,\d{3})*(\.\d+)?( |$)/, id);
    }
    // Units as documented: percentages "81.0 %", seconds "8.6 s".
    assert.match(await text(page, 'service-level'), /^\d+\.\d %$/);
    assert.match(await text(page, 'asa'), /^\d+\.\d s$/);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(failedRequests, []);
  });

  test('a panic shows the error banner (the test build with the test-panic feature)', async (t) => {
    await assert.doesNotReject(stat(join(PANIC_DIST, 'index.html')), `no test build in ${PANIC_DIST}: run ./run.sh test`);
    const panicSite = await serve('/', PANIC_DIST);
    t.after(() => panicSite.close());
    const { page, errors } = await freshPage(t, ctx.browser);
    await page.goto(`${panicSite.url}?ccplan-test-panic`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor({ state: 'visible' });
    assert.equal(await banner.getAttribute('hidden'), null);
    assert.match(await banner.textContent(), /Something went wrong inside ccplan/);
    assert.match(await banner.textContent(), /ccplan 内部出错/);
    // The panic is reported on the console (expected here, and only here).
    assert.ok(errors.some((e) => e.includes('test panic requested by the URL')), errors.join('\n'));
  });

  test('the shipped site has no crash switch: neither the switch nor its message is in its wasm or JS', async () => {
    const files = (await readdir(DIST)).filter((name) => /\.(wasm|js)$/.test(name));
    assert.ok(files.some((name) => name.endsWith('.wasm')), `a wasm in ${DIST}`);
    for (const name of files) {
      const body = await readFile(join(DIST, name));
      for (const needle of ['ccplan-test-panic', 'test panic requested']) {
        assert.equal(body.includes(needle), false, `${name} contains "${needle}"`);
      }
    }
  });

  test('the app works when served under a sub-path', async (t) => {
    const sub = await serve('/ccplan/');
    t.after(() => sub.close());
    const { page, errors, failedRequests } = await freshPage(t, ctx.browser);
    assert.match(sub.url, /\/ccplan\/$/);
    await open(page, sub.url);
    await expectTexts(page, DEFAULT_RESULTS);
    assert.deepEqual(failedRequests, []);
    assert.deepEqual(errors, []);
  });
});
