// Issue 25, item 5: under a headcount cap the schedule page says which
// intervals are left short, why (the cap on heads), and what would cover
// them; the paid hours below the requirement are said as "below", positive.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, eventually, text, type, numberOf, assertNoBadNumbers, CONCURRENCY } from './harness.mjs';

const ctx = useSite('/');
const SHOTS = '/work/shots/h25-teach/';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The coverage table: [start, required, scheduled] per interval. */
async function coverage(page) {
  return page.getByTestId('coverage-table').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.cells[0].textContent.trim(), Number(r.cells[1].textContent), Number(r.cells[2].textContent)]));
}

const minutes = (clock) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Opens the schedule page, caps the heads at `cap` typed key by key, waits for the capped schedule. */
async function capped(t, options, cap) {
  const opened = await ctx.openApp(t, options);
  const { page } = opened;
  await page.getByTestId('nav-schedule').click();
  await page.getByTestId('schedule-status').waitFor({ timeout: 30_000 });
  await page.getByTestId('cap-on').check();
  await type(page, 'cap', String(cap));
  await page.keyboard.press('Tab');
  await eventually(async () => assert.equal(numberOf(await text(page, 'schedule-heads')), cap), { timeout: 30_000 });
  await page.getByTestId('shortfall').waitFor();
  return opened;
}

describe('a capped schedule explains its shortfall', { concurrency: CONCURRENCY }, () => {
  test('which intervals are short, why (the cap), what would cover them; paid hours below the requirement', async (t) => {
    const cap = 20;
    const { page, errors } = await capped(t, { viewport: DESKTOP }, cap);
    const runs = await page.getByTestId('shortfall-why').allTextContents();
    assert.ok(runs.length > 0);
    // Every run: its span, its agent-intervals, the cap named.
    const spans = runs.map((run) => {
      const m = run.match(/^(\d\d:\d\d)–(\d\d:\d\d): ([\d,]+) agent-intervals short \(at most (\d+) in one interval\) — the headcount cap of (\d+) agents is used up\.$/);
      assert.ok(m, run);
      assert.equal(Number(m[5]), cap);
      return { from: minutes(m[1]), to: minutes(m[2]), short: numberOf(m[3]), most: Number(m[4]) };
    });
    // The runs hold exactly the intervals the coverage table shows short, and add up to the tile.
    const rows = await coverage(page);
    const short = rows.filter(([, need, have]) => have < need);
    assert.ok(short.length > 0);
    for (const [start, need, have] of rows) {
      const inRuns = spans.filter((s) => s.from <= minutes(start) && minutes(start) < s.to).length;
      assert.equal(inRuns, have < need ? 1 : 0, start);
    }
    const under = numberOf(await text(page, 'schedule-under'));
    assert.equal(spans.reduce((a, s) => a + s.short, 0), under);
    for (const s of spans) {
      const inside = rows.filter(([start]) => s.from <= minutes(start) && minutes(start) < s.to);
      assert.equal(Math.max(...inside.map(([, need, have]) => need - have)), s.most);
    }
    // What would cover them: more agents on the shifts there are, within
    // their start windows, at least as many as the interval short by most.
    const runItems = page.getByTestId('shortfall-run');
    assert.equal(await runItems.count(), spans.length);
    for (const [i, span] of spans.entries()) {
      const covers = await runItems.nth(i).getByTestId('shortfall-cover').allTextContents();
      assert.ok(covers.length > 0);
      let added = 0;
      for (const cover of covers) {
        const m = cover.match(/^(\d+) more agents? on “(8\.5 h|4 h)”, starting (?:at (\d\d:\d\d)|between (\d\d:\d\d) and (\d\d:\d\d))\.$/);
        assert.ok(m, cover);
        const [first, last] = m[3] ? [m[3], m[3]] : [m[4], m[5]];
        // The default windows: 8.5 h from 07:00 to 13:00, 4 h from 07:00 to 18:00.
        assert.ok(minutes(first) >= 7 * 60 && minutes(first) <= minutes(last), cover);
        assert.ok(minutes(last) <= (m[2] === '4 h' ? 18 : 13) * 60, cover);
        added += Number(m[1]);
      }
      assert.ok(added >= span.most, `${added} ≥ ${span.most}`);
    }
    // Fewer paid hours than the requirement's: said as below, with a positive share.
    const required = rows.reduce((a, [, need]) => a + need * 0.5, 0);
    const paid = numberOf(await text(page, 'schedule-paid-hours'));
    assert.ok(paid < required, `${paid} < ${required}`);
    const tile = page.locator('.figure', { has: page.getByTestId('schedule-over-pct') });
    assert.equal(await tile.locator('dt').textContent(), 'Paid hours below the requirement');
    assert.equal(await text(page, 'schedule-over-pct'), `${((1 - paid / required) * 100).toFixed(1)} %`);
    // The bound and the found value name the same quantity.
    const status = await text(page, 'schedule-status');
    if (status.startsWith('Best found')) assert.match(status, /agent-intervals over or short \(together\); no schedule within the cap has fewer than/);
    await page.getByTestId('shortfall').screenshot({ path: `${SHOTS}schedule-shortfall-desktop-en.png` });
    await page.locator('.figures').screenshot({ path: `${SHOTS}schedule-figures-capped-desktop-en.png` });

    // In Chinese: the same runs, the cap and the shift's name in Chinese.
    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await tile.locator('dt').textContent(), '有薪工时低于需求'));
    const zhRuns = await page.getByTestId('shortfall-why').allTextContents();
    assert.equal(zhRuns.length, runs.length);
    for (const run of zhRuns) assert.match(run, new RegExp(`^\\d\\d:\\d\\d–\\d\\d:\\d\\d：人力缺口 [\\d,]+ 个坐席·时段（单个时段最多缺 \\d+ 人）——总人数上限 ${cap} 人已用满。$`));
    for (const cover of await page.getByTestId('shortfall-cover').allTextContents()) {
      assert.match(cover, /^在“(8\.5|4) 小时班”上再排 \d+ 名坐席，(\d\d:\d\d |\d\d:\d\d–\d\d:\d\d 之间)开始。$/);
    }
    await page.getByTestId('shortfall').screenshot({ path: `${SHOTS}schedule-shortfall-desktop-zh.png` });
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('on a phone, in both languages, the explanation fits the screen; no cap, no explanation', async (t) => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page, errors } = await capped(t, { locale, viewport: PHONE }, 20);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth), false);
      await page.getByTestId('shortfall').screenshot({ path: `${SHOTS}schedule-shortfall-phone-${locale.slice(0, 2)}.png` });
      // The cap off: every interval covered, nothing to explain, paid hours above again.
      await page.getByTestId('cap-on').uncheck();
      await eventually(async () => assert.equal(await text(page, 'schedule-under'), '0'), { timeout: 30_000 });
      assert.equal(await page.getByTestId('shortfall').count(), 0);
      const tile = page.locator('.figure', { has: page.getByTestId('schedule-over-pct') });
      assert.match(await tile.locator('dt').textContent(), /^(Paid hours above the requirement|有薪工时超出需求)$/);
      assert.deepEqual(errors, []);
    }
  });
});
