// Teaching (issue 11): "show the math" under the staffing answer — each
// formula, then the same formula with this interval's numbers, ending in
// exactly the figure its card shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, eventually, text, type, saveScreenshot, VIEWPORTS, CONCURRENCY } from './harness.mjs';

const ctx = useSite('/');

/** Each worked formula that ends in a card's figure: card test id → [what the formula ends in, what the card shows]. */
async function endings(page) {
  return page.locator('[data-testid="show-math"] [data-formula]').evaluateAll((blocks) =>
    blocks.filter((b) => b.dataset.formula).map((b) => {
      const card = document.querySelector(`[data-testid="${b.dataset.formula}"]`);
      return [b.dataset.formula, b.querySelector('.result')?.textContent.trim(), card?.textContent.trim()];
    }));
}

/** Asserts every worked formula ends in its card's figure; resolves to the cards it covered. */
async function expectEndsInCards(page) {
  let cards;
  await eventually(async () => {
    const found = await endings(page);
    for (const [card, ending, shown] of found) assert.equal(ending, shown, `${card}: the formula ends in the card's figure`);
    cards = found.map(([card]) => card);
  });
  return cards;
}

describe('show the math', { concurrency: CONCURRENCY }, () => {
  test('Erlang C: every formula, with the numbers in, ends in the figure on its card, as the inputs change and in Chinese', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('show-math').locator('summary').click();
    assert.deepEqual(await expectEndsInCards(page),
      ['load', 'p-wait', 'service-level', 'asa', 'occupancy', 'fte', 'agent-hours', 'cost']);
    // 200 contacts × 300 s over 1 800 s; 40 agents (the occupancy cap decides).
    assert.equal(await text(page, 'load'), '33.33 Erlangs');
    assert.match(await page.locator('[data-formula="load"]').textContent(), /200×3001,800=33\.33 Erlangs/);
    const erlangB = await page.locator('.formula').filter({ hasText: 'Erlang B' }).textContent();
    assert.match(erlangB, /B\(40,33\.33\)=0\.\d{4}/);

    await type(page, 'volume', '250');
    await eventually(async () => assert.equal(await text(page, 'load'), '41.67 Erlangs'));
    assert.equal((await expectEndsInCards(page)).length, 8);

    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await page.locator('[data-testid="show-math"] summary').textContent(), '显示计算过程'));
    assert.equal((await expectEndsInCards(page)).length, 8);
    assert.ok((await page.locator('.formula-name').allTextContents()).includes('平均应答速度'));
    assert.deepEqual(errors, []);
  });

  test('Erlang A says its figures are exact sums and why they beat Erlang C; an unstable Erlang C says there is no service level', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('show-math').locator('summary').click();
    await page.getByTestId('model').selectOption('erlang_a');
    await eventually(async () => assert.match(await text(page, 'math-model'), /patience is exponential with mean 120\.0 s\. .*sums the queue's states exactly/));
    assert.match(await text(page, 'math-model'), /Erlang C, which ignores abandonment, understates the service level/);
    assert.deepEqual(await expectEndsInCards(page), ['load', 'occupancy', 'fte', 'agent-hours', 'cost']);

    await page.getByTestId('model').selectOption('erlang_c');
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '30'); // 33.3 Erlangs: 30 agents cannot keep up
    await eventually(async () => assert.match(await text(page, 'math-model'), /^N ≤ A: the agents cannot keep up/));
    assert.deepEqual(await expectEndsInCards(page), ['load', 'fte', 'agent-hours', 'cost']);
    assert.deepEqual(errors, []);
  });

  test('on a phone the formulas fit the screen (a long one scrolls inside its own box)', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN', viewport: VIEWPORTS.phone });
    await page.getByTestId('show-math').locator('summary').click();
    await expectEndsInCards(page);
    const widest = await page.locator('[data-testid="show-math"]').evaluate((box) =>
      Math.max(...[...box.querySelectorAll('.formula')].map((f) => f.getBoundingClientRect().right)));
    assert.ok(widest <= 360, `formulas end at ${widest} px`);
    await page.getByTestId('show-math').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'show-math-phone-zh');
    assert.deepEqual(errors, []);
  });
});
