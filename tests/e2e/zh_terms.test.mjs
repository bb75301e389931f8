// Issue 25, items 10 and 11: the Chinese pages call shrinkage 缩减率 (缺勤 is
// only absenteeism, one of its parts), and CSV downloads open in Excel (a
// UTF-8 byte-order mark unless the user turns it off, remembered).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, reload, eventually, downloadText, storageEntries, CONCURRENCY } from './harness.mjs';

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
});
