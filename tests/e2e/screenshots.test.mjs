// Screenshots for a human to look at (tests/screenshots/, git-ignored).
// Not a pixel comparison: the test only checks that each file was written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, eventually, expectTexts, setInputs, chartHasSeries, saveScreenshot, VIEWPORTS,
  CONCURRENCY, type,
} from './harness.mjs';
import { DEFAULT_RESULTS, TEN_ERLANGS, ERLANG_A_RESULTS } from './cases.mjs';

const ctx = useSite('/');

describe('screenshots', { concurrency: CONCURRENCY }, () => {
  async function shoot(page, name) {
    for (const id of ['staffing-curve', 'intraday-chart']) {
      await eventually(async () => assert.equal(await chartHasSeries(page, id), true, id));
    }
    await saveScreenshot(page, name);
  }

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`screenshots: ${device} ${viewport.width}×${viewport.height}, English, Chinese, Erlang A, unstable reverse mode`, async (t) => {
      const { page, errors } = await ctx.openApp(t, { viewport });
      await expectTexts(page, DEFAULT_RESULTS);
      await shoot(page, `${device}-en`);

      await page.getByTestId('lang').selectOption('zh');
      await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN'));
      await shoot(page, `${device}-zh`);
      await page.getByTestId('lang').selectOption('en');

      await setInputs(page, TEN_ERLANGS);
      await page.getByTestId('model').selectOption('erlang_a');
      await expectTexts(page, ERLANG_A_RESULTS);
      await shoot(page, `${device}-erlang-a`);

      await page.getByTestId('model').selectOption('erlang_c');
      await page.getByTestId('reverse').check();
      await type(page, 'agents', '10');
      await expectTexts(page, { 'service-level': '—' });
      await shoot(page, `${device}-reverse-unstable`);
      assert.deepEqual(errors, []);
    });
  }
});
