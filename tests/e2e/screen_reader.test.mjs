// What a screen reader hears (issue 25, item 12): no alert or live region
// that is empty on any page, and, when the answer changes, one short
// sentence (the agents required and the service level), not every figure
// of the results section.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, type, eventually, expectTexts, expectFieldMessage, expectNoFieldMessage, CONCURRENCY } from './harness.mjs';
import { DEFAULT_RESULTS, SL_90_RESULTS } from './cases.mjs';

const ctx = useSite('/');

/** Alerts and live regions (role=alert, role=status, aria-live) whose text is empty, by their markup. */
const emptyRegions = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="alert"], [role="status"], [aria-live]')]
      .filter((el) => el.textContent.trim() === '')
      .map((el) => el.outerHTML.slice(0, 120)));

const PAGES = ['staffing', 'scorecard', 'compare', 'forecast', 'schedule', 'learn'];
const hashOf = (name) => (name === 'staffing' ? '#/' : `#/${name}`);

describe('what a screen reader hears', { concurrency: CONCURRENCY }, () => {
  for (const locale of ['en-US', 'zh-CN']) {
    test(`no empty alert or live region on any page at load (${locale})`, async (t) => {
      const { page, errors } = await ctx.openApp(t, { locale });
      for (const name of PAGES) {
        await page.getByTestId(name === 'compare' ? 'compare' : `nav-${name}`).click();
        await page.waitForFunction((hash) => (location.hash || '#/') === hash, hashOf(name));
        if (name === 'schedule') await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
        await eventually(async () => assert.deepEqual(await emptyRegions(page), [], `the ${name} page`));
      }
      // Fresh loads of each page too (not only after navigating).
      for (const name of PAGES) {
        await page.goto(`${ctx.site.url}${hashOf(name)}`);
        await page.reload();
        await page.locator('main').waitFor();
        await eventually(async () => assert.deepEqual(await emptyRegions(page), [], `the ${name} page, loaded`));
      }
      assert.deepEqual(errors, []);
    });
  }

  test('a field message is an alert while it says something, and none once the value is fixed', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'sl-target', '100');
    await expectFieldMessage(page, 'sl-target', /\S/);
    await type(page, 'sl-target', '90');
    await expectNoFieldMessage(page, 'sl-target');
    assert.deepEqual(await emptyRegions(page), []);
    assert.deepEqual(errors, []);
  });

  test('one polite live region holds one sentence: the agents required and the service level', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await expectTexts(page, DEFAULT_RESULTS);
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('main [aria-live]')].map((el) => [el.dataset.testid, el.getAttribute('aria-live')]));
    assert.deepEqual(live, [['answer-live', 'polite']], 'the results section is no longer one live region');
    assert.equal(await page.locator('.results[aria-live]').count(), 0);
    const sentence = () => page.getByTestId('answer-live').textContent();
    assert.equal(await sentence(), `${DEFAULT_RESULTS['required-agents']} agents required; service level ${DEFAULT_RESULTS['service-level']}.`);
    // The answer changes: so does the sentence, and only it is announced.
    await type(page, 'sl-target', '90');
    await expectTexts(page, SL_90_RESULTS);
    await eventually(async () => assert.equal(await sentence(),
      `${SL_90_RESULTS['required-agents']} agents required; service level ${SL_90_RESULTS['service-level']}.`));
    // Reverse mode: the user's agents, and a queue that cannot keep up.
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '30');
    await eventually(async () => assert.equal(await sentence(), `With 30 agents: queue unstable; ${SL_90_RESULTS['required-agents']} required.`));
    // In Chinese.
    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await sentence(), `30 名坐席时队列不稳定；需要 ${SL_90_RESULTS['required-agents']} 名。`));
    assert.deepEqual(errors, []);
  });
});
