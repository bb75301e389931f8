// Issue 25, items 10 and 11: the Chinese pages call shrinkage 缩减率 (缺勤 is
// only absenteeism, one of its parts), and CSV downloads open in Excel (a
// UTF-8 byte-order mark unless the user turns it off, remembered).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, reload, eventually, downloadText, storageEntries, text, type, CONCURRENCY } from './harness.mjs';

const ctx = useSite('/');
const PAGES = ['#/', '#/forecast', '#/schedule', '#/scorecard', '#/compare', '#/learn'];

/** Everything the page holds as text, closed <details> (the math, the glossary) included. */
const allText = (page) => page.evaluate(() => document.body.textContent);

describe('Chinese terms and Excel CSV', { concurrency: CONCURRENCY }, () => {
  test('no page in Chinese calls shrinkage 缺勤: 缩减率 on the staffing page, the glossary and Learn step 6', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN'));
    for (const hash of PAGES) {
      await page.goto(`${ctx.site.url}${hash}`);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await eventually(async () => assert.ok((await allText(page)).length > 200, hash));
      // The glossary's one sentence on absenteeism itself: 缺勤率 is only a part of 缩减率.
      const body = (await allText(page)).replaceAll('缺勤率只是其中一部分', '');
      assert.ok(!/缺勤率|缺勤\/|损耗率|人力当量|不足的人·时段|每付薪坐席小时成本|达标概率为以下值/.test(body), `${hash}: ${body.match(/.{0,20}(缺勤率|缺勤\/|损耗率|人力当量).{0,20}/)?.[0]}`);
      // 缺勤 may stay only as absence listed among shrinkage's parts ("会议、培训、缺勤和休假").
      for (const m of body.matchAll(/.{0,12}缺勤.{0,12}/g)) {
        assert.match(m[0], /缺勤[和、，合]/, `${hash}: ${m[0]}`);
      }
      if (hash === '#/') {
        assert.ok(body.includes('缩减率（%）'), 'the field is 缩减率');
        await eventually(async () => {
          const words = await page.evaluate(() => [...document.querySelectorAll('[data-testid="results"] mi, details mi')].map((e) => e.textContent));
          assert.ok(words.includes('占用率') && words.includes('工时') && words.includes('成本'), words.join(' '));
          assert.ok(!words.includes('occupancy') && !words.includes('hours') && !words.includes('cost'), words.join(' '));
        });
      }
      if (hash === '#/learn') {
        assert.ok(body.includes('6. 计算缩减率'), 'Learn step 6');
        for (const term of ['shrinkage', 'ets', 'aicc', 'mape', 'wape', 'bias', 'prediction-interval']) {
          assert.equal(await page.locator(`[data-term="${term}"]`).count(), 1, term);
        }
        const words = await page.evaluate(() => [...document.querySelectorAll('mi')].map((e) => e.textContent));
        assert.ok(words.includes('付薪工时') && !words.includes('paid hours') && !words.includes('workload'), words.join(' '));
        const glossary = await page.getByTestId('glossary').textContent();
        for (const zh of ['缩减率', '指数平滑法', '修正赤池信息准则', '平均绝对百分比误差', '加权绝对百分比误差', '偏差', '预测区间', '全职等效人数']) {
          assert.ok(glossary.includes(zh), zh);
        }
      }
    }
    assert.deepEqual(errors, []);
  });

  test('a downloaded CSV starts with a byte-order mark; turned off, it does not, and the choice survives a reload', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const first = await downloadText(page, 'export-csv');
    assert.equal(first.bom, true, 'a byte-order mark by default');
    assert.match(first.text, /^interval_start,volume,aht_s/);
    assert.equal(await page.getByTestId('csv-bom').isChecked(), true);

    await page.getByTestId('csv-bom').click();
    assert.equal(await page.getByTestId('csv-bom').isChecked(), false);
    const plain = await downloadText(page, 'export-csv');
    assert.equal(plain.bom, false, 'no mark once turned off');
    assert.equal(plain.text, first.text, 'the same table otherwise');
    await eventually(async () => assert.equal((await storageEntries(page))['ccplan.csv-bom'], 'off'));

    await reload(page);
    assert.equal(await page.getByTestId('csv-bom').isChecked(), false, 'remembered');
    assert.equal((await downloadText(page, 'export-csv')).bom, false);
    // The same choice holds for the monthly plan's CSV.
    await page.goto(`${ctx.site.url}#/scorecard`);
    assert.equal((await downloadText(page, 'export-csv-monthly')).bom, false);
    await page.getByTestId('csv-bom').click();
    assert.equal((await downloadText(page, 'export-csv-monthly')).bom, true);
    assert.equal((await storageEntries(page))['ccplan.csv-bom'], 'on');
    assert.deepEqual(errors, []);
  });

  // Issue 25, item 10: units, AHT, FTE and shift names made of a length in Chinese.
  test('no page in Chinese keeps English units, "AHT 300 s", FTE or a shift called "8.5 h"', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN'));
    /**
     * The page's words a reader sees: its text and what its boxes hold, all
     * <details> opened, without the glossary's English terms (lang="en")
     * and the formulas' symbols (AHT and min are notation in <math>, and
     * the legend defines AHT as 平均处理时长).
     */
    const words = () => page.evaluate(() => {
      document.querySelectorAll('details').forEach((d) => { d.open = true; });
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('[lang="en"], math, script, style').forEach((e) => e.remove());
      const boxes = [...document.querySelectorAll('input[type="text"], textarea')].map((b) => b.value);
      return `${copy.textContent}\n${boxes.join('\n')}`.replaceAll('AHT：平均处理时长', '');
    });
    const LEFTOVERS = [/\d\s*(?:min|h|s)\b/, /\bmin\b/, /\bAHT\b/, /\bFTE\b/, /P\(wait\)/];
    const expectNone = async (where) => {
      await eventually(async () => {
        const body = await words();
        assert.ok(body.length > 200, where);
        for (const bad of LEFTOVERS) assert.doesNotMatch(body, bad, `${where}: ${body.match(new RegExp(`.{0,20}${bad.source}.{0,20}`))?.[0]}`);
      });
    };
    for (const hash of PAGES) {
      await page.goto(`${ctx.site.url}${hash}`);
      await expectNone(hash);
    }
    // The formulas' FTE is a word in Chinese too.
    const symbols = await page.evaluate(() => [...document.querySelectorAll('mi')].map((e) => e.textContent));
    assert.ok(symbols.includes('全职等效人数') && !symbols.includes('FTE'), symbols.join(' '));
    // The schedule page: its day line, the shifts named by length, a week, a cap, a budget in heads.
    await page.goto(`${ctx.site.url}#/schedule`);
    await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'schedule-day'), /^当天： 24 × 30 分钟 开始于 08:00/);
    assert.deepEqual(await page.getByTestId('shift-name').evaluateAll((b) => b.map((x) => x.value)), ['8.5 小时班', '4 小时班']);
    const rows = await page.getByTestId('schedule-row').evaluateAll((rs) => rs.map((r) => r.cells[0].textContent));
    assert.ok(rows.length > 0 && rows.every((name) => /^(8\.5|4) 小时班$/.test(name)), rows.join());
    await expectNone('#/schedule');
    await page.getByTestId('cap-on').check();
    await page.getByTestId('shortfall').waitFor({ timeout: 30_000 });
    await page.getByTestId('budget-unit').selectOption('heads');
    await type(page, 'budget-hours', '250');
    await page.keyboard.press('Tab');
    await page.getByTestId('budget-heads-line').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'budget-heads-line'), '折算为有薪人时： 250 × 8.0 小时 = 2,000.0 小时');
    await expectNone('#/schedule, capped, a budget in heads');
    await page.getByTestId('schedule-span').selectOption('week');
    await eventually(async () => assert.match(await text(page, 'schedule-day'), /^本周： 5 个营业日 × 24 × 30 分钟/), { timeout: 30_000 });
    await expectNone('#/schedule, a week');
    // The stored names are unchanged: English, the CSV and the CLI still read "8.5 h".
    await page.getByTestId('lang').selectOption('en');
    await eventually(async () => assert.deepEqual(await page.getByTestId('shift-name').evaluateAll((b) => b.map((x) => x.value)), ['8.5 h', '4 h']));
    assert.deepEqual(errors, []);
  });
});
