// Screenshots for a human to look at (tests/screenshots/, git-ignored).
// Not a pixel comparison: the test only checks that each file was written.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import {
  serve, launch, freshPage, open, eventually, expectTexts, setInputs, canvasIsDrawn, SCREENSHOTS,
  CONCURRENCY,
} from './harness.mjs';
import { DEFAULT_RESULTS, TEN_ERLANGS, ERLANG_A_RESULTS } from './cases.mjs';

let site;
let browser;
before(async () => {
  site = await serve('/');
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('screenshots', { concurrency: CONCURRENCY }, () => {
  const VIEWPORTS = {
    desktop: { width: 1440, height: 1000 },
    phone: { width: 360, height: 780 },
  };

  async function shoot(page, name) {
    for (const id of ['staffing-curve', 'intraday-chart']) {
      await eventually(async () => assert.equal(await canvasIsDrawn(page, id), true, id));
    }
    const path = `${SCREENSHOTS}${name}.png`;
    await page.screenshot({ path, fullPage: true });
    assert.ok((await stat(path)).size > 10_000, `${path} was written`);
  }

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`screenshots: ${device} ${viewport.width}×${viewport.height}, English, Chinese, Erlang A, unstable reverse mode`, async (t) => {
      const { page, errors } = await freshPage(t, browser, { viewport });
      await open(page, site.url);
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
      await page.getByTestId('agents').fill('10');
      await expectTexts(page, { 'service-level': '—' });
      await shoot(page, `${device}-reverse-unstable`);
      assert.deepEqual(errors, []);
    });
  }
});
