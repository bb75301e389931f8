// English and 简体中文: switching, remembering, and the browser's language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, reload, text, eventually, expectTexts, storageEntries, expectFieldMessage, expectSaved, flushAutosave,
  CONCURRENCY, type,
} from './harness.mjs';
import { DEFAULT_RESULTS, KEY_LANG } from './cases.mjs';

const ctx = useSite('/');

describe('languages', { concurrency: CONCURRENCY }, () => {
  const bodyText = (page) => page.evaluate(() => document.body.innerText);

  /** The default figures as the Chinese page writes them (same numbers, Chinese units). */
  const DEFAULT_RESULTS_ZH = {
    ...DEFAULT_RESULTS,
    asa: '8.6 秒',
    load: '33.33 爱尔兰',
    'agent-hours': '20.0 小时',
  };

  async function expectChinese(page) {
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN'));
    assert.equal(await page.title(), 'ccplan — 呼叫中心人力规划');
    const body = await bodyText(page);
    for (const label of ['服务水平', '所需坐席', '平均应答速度', '日内人力需求', '方案']) assert.ok(body.includes(label), label);
    assert.ok(!body.includes('Required agents'), 'no English label left');
    assert.equal(await page.getByTestId('lang').inputValue(), 'zh');
    await expectTexts(page, DEFAULT_RESULTS_ZH);
  }

  async function expectEnglish(page) {
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'en'));
    assert.equal(await page.title(), 'ccplan — contact-centre staffing planner');
    const body = await bodyText(page);
    assert.ok(body.includes('Required agents'));
    assert.ok(!body.includes('所需坐席'));
    assert.equal(await page.getByTestId('lang').inputValue(), 'en');
    await expectTexts(page, DEFAULT_RESULTS);
  }

  test('a first visit in en-US is English; switching to Chinese translates labels and messages, keeps the numbers and is remembered', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'en-US' });
    await expectEnglish(page);
    await type(page, 'interval', '45');
    await expectFieldMessage(page, 'interval', /Choose 15, 30 or 60 minutes/);

    // The language is stored only once the user picks one (not at start, not with other changes).
    await type(page, 'volume', '250');
    await expectSaved(page, { volume: 250 });
    assert.equal((await storageEntries(page))[KEY_LANG], undefined, 'no language stored before one is picked');
    await type(page, 'volume', '200');
    await expectSaved(page, { volume: 200 }); // saved again before the reload below

    await page.getByTestId('lang').selectOption('zh');
    await expectChinese(page);
    await expectFieldMessage(page, 'interval', /请选择 15、30 或 60 分钟/);
    assert.equal((await storageEntries(page))[KEY_LANG], 'zh');

    await reload(page);
    await expectChinese(page);

    await page.getByTestId('lang').selectOption('en');
    await expectEnglish(page);
    await reload(page);
    await expectEnglish(page);
    assert.deepEqual(errors, []);
  });

  test('a first visit in zh-CN is Chinese; a language chosen in the app then wins over the browser', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    await expectChinese(page);
    await flushAutosave(page);
    assert.deepEqual(await storageEntries(page), {}, 'a first visit stores nothing, not even the language');
    await reload(page);
    await expectChinese(page);
    await page.getByTestId('lang').selectOption('en');
    await expectEnglish(page);
    assert.equal((await storageEntries(page))[KEY_LANG], 'en');
    await reload(page);
    await expectEnglish(page);
    assert.equal(await text(page, 'asa'), '8.6 s');
    assert.deepEqual(errors, []);
  });

  test('before the wasm runs, the page already shows its frame in the language the app will use', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    // Once the app runs, the static frame is gone and only the app's header is left.
    assert.equal(await page.getByTestId('boot').count(), 0);
    assert.equal(await page.locator('header.top').count(), 1);
    // The page as served, with scripts that never reach the wasm: a Chinese browser sees the Chinese frame.
    const html = await (await fetch(ctx.site.url)).text();
    const context = await ctx.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    t.after(() => context.close());
    const frame = await context.newPage();
    await frame.route('**/*.wasm', (route) => route.abort());
    await frame.goto(ctx.site.url);
    await frame.getByTestId('boot').waitFor();
    assert.match(html, /id="?boot"?[\s>]/, 'the frame is in the served page itself (minified: unquoted)');
    assert.equal(await frame.locator('#boot-subtitle').textContent(), '呼叫中心人力规划 — 精确的 Erlang C 与 Erlang A 模型');
    assert.equal(await frame.title(), 'ccplan — 呼叫中心人力规划');
    assert.equal(await frame.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(errors, []);
  });
});
