// Teaching (issue 11): "show the math" under the staffing answer — each
// formula, then the same formula with this interval's numbers, ending in
// exactly the figure its card shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, eventually, text, type, saveScreenshot, assertNoBadNumbers, framesPainted, VIEWPORTS, CONCURRENCY,
  freshPage, open,
} from './harness.mjs';

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
    // Until the details have opened and rendered there are none: not a pass.
    assert.ok(found.length > 0, 'the worked formulas are shown');
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
      ['load', 'p-wait', 'service-level', 'asa', 'occupancy', 'lines', 'fte', 'agent-hours', 'cost']);
    // Trunks (step 5): 33.33 + Lq = 34.29 Erlangs on the lines need 46 for at most 1 % busy (expected.py).
    assert.equal(await text(page, 'lines'), '46');
    assert.match(await page.locator('[data-formula="lines"]').textContent(), /34\.29⇒L=46$/);
    // 200 contacts × 300 s over 1 800 s; 40 agents (the occupancy cap decides).
    assert.equal(await text(page, 'load'), '33.33 Erlangs');
    assert.match(await page.locator('[data-formula="load"]').textContent(), /200×3001,800=33\.33 Erlangs/);
    const erlangB = await page.locator('.formula').filter({ hasText: 'by its recursion' }).textContent();
    assert.match(erlangB, /B\(40,33\.33\)=0\.\d{4}/);

    await type(page, 'volume', '250');
    await eventually(async () => assert.equal(await text(page, 'load'), '41.67 Erlangs'));
    assert.equal((await expectEndsInCards(page)).length, 9);

    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(await page.locator('[data-testid="show-math"] summary').textContent(), '显示计算过程'));
    assert.equal((await expectEndsInCards(page)).length, 9);
    assert.ok((await page.locator('.formula-name').allTextContents()).includes('平均应答速度'));
    assert.deepEqual(errors, []);
  });

  test('Erlang A says its figures are exact sums and why they beat Erlang C; an unstable Erlang C says there is no service level', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('show-math').locator('summary').click();
    await page.getByTestId('model').selectOption('erlang_a');
    await eventually(async () => assert.match(await text(page, 'math-model'), /patience is exponential with mean 120\.0 s\. .*sums the queue's states exactly/));
    assert.match(await text(page, 'math-model'), /Erlang C, which ignores abandonment, understates the service level/);
    assert.deepEqual(await expectEndsInCards(page), ['load', 'occupancy', 'lines', 'fte', 'agent-hours', 'cost']);

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

/** The economies-of-scale table's rows: [A, N, occupancy, β, P(wait), limit]. */
const scaleRows = (page) =>
  page.getByTestId('scale-table').locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));

describe('the Learn page', { concurrency: CONCURRENCY }, () => {
  test('each of the nine steps links to the page that does it, in both languages', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    // What shows that the page doing the step is open.
    const shown = {
      1: 'required-agents', 2: 'volume', 3: 'history-text', 4: 'required-agents', 5: 'lines',
      6: 'shrinkage', 7: 'schedule-figures', 8: 'growth', 9: 'compare-choices',
    };
    for (const lang of ['en', 'zh']) {
      await page.getByTestId('lang').selectOption(lang);
      for (let step = 1; step <= 9; step++) {
        await page.getByTestId('nav-learn').click();
        const link = page.locator(`li.step[data-step="${step}"] a.step-link`);
        assert.match(await link.textContent(), lang === 'en' ? /^Where: |^Forecast it/ : /^位置：|^在预测页面/);
        await link.click();
        await page.getByTestId(shown[step]).first().waitFor({ timeout: 30_000 });
      }
    }
    assert.deepEqual(errors, []);
  });

  test('nine steps with this scenario\'s numbers; economies of scale, pooling and C beside A at 80/20 and AHT 180 s', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'aht', '180');
    await eventually(async () => assert.equal(await text(page, 'load'), '20.00 Erlangs'));
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('steps').waitFor();
    assert.equal(await page.locator('.steps > li').count(), 9);
    // The live numbers are the staffing page's: 200 contacts × 180 s / 1 800 s = 20 Erlangs.
    const agents = await (async () => { await page.getByTestId('nav-staffing').click(); return text(page, 'required-agents'); })();
    await page.getByTestId('nav-learn').click();
    assert.equal(await text(page, 'step-4-live'), `A = 20.00 Erlangs → N = ${agents} agents`);
    assert.match(await text(page, 'step-1-live'), /^This scenario: service level 80 % within 20 s · occupancy ≤ 85 %$/);
    assert.match(await text(page, 'step-5-live'), /^Load on the lines \(talking and waiting\): \d+\.\d\d Erlangs · Lines: \d+ \(busy signals ≤ 1\.0 %\)$/);
    // Every step links to the page that does it; nothing is called missing.
    assert.equal(await page.locator('.steps .not-yet').count(), 0);
    assert.doesNotMatch(await page.getByTestId('steps').textContent(), /not in ccplan|not yet/i);

    // Issue 11's figures: A = 10 → 14 at 71 %, 100 → 107 at 93.5 %, 1 000 → 1 011 at 98.9 %.
    const rows = await scaleRows(page);
    const row = (a) => rows.find((r) => r[0] === a);
    assert.deepEqual(row('10').slice(0, 3), ['10', '14', '71.4 %']);
    assert.deepEqual(row('100').slice(0, 4), ['100', '107', '93.5 %', '0.70']);
    assert.deepEqual(row('1,000').slice(0, 3), ['1,000', '1,011', '98.9 %']);
    assert.equal(await text(page, 'scale-basis'), 'Erlang C · service level 80 % within 20 s · AHT 180.0 s');
    assert.match(await page.locator('.learn-page').textContent(), /β = 1: 0\.2234/);
    assert.equal(await text(page, 'pooling'),
      'Pooling: ten queues of 10 Erlangs staffed apart need 140 agents · pooled into one 107 agents (-23.6 %)');
    // Erlang C beside Erlang A (patience 120 s): abandonment means a higher service level at the same agents.
    const cells = (row) => page.getByTestId('c-vs-a').locator(`tr[data-row="${row}"] td`).allTextContents();
    const [slC, slA] = (await cells('service-level')).map((v) => parseFloat(v));
    assert.ok(slA > slC, `Erlang A ${slA} % above Erlang C ${slC} %`);
    const [needC, needA] = (await cells('required')).map(Number);
    assert.ok(needA <= needC);
    assert.deepEqual(errors, []);
  });

  test('in Chinese on a phone: the steps, the tables and the glossary fit and read in Chinese', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN', viewport: VIEWPORTS.phone });
    await page.goto(`${ctx.site.url}#/learn`);
    await page.getByTestId('steps').waitFor();
    assert.equal(await page.locator('.steps > li h3').first().textContent(), '1. 确定服务水平目标');
    assert.match(await text(page, 'step-4-live'), /^A = 33\.33 爱尔兰 → N = 40 名坐席$/);
    assert.match(await text(page, 'pooling'), /^合并队列：/);
    const glossary = await page.getByTestId('glossary').locator('div').evaluateAll((items) =>
      items.map((item) => [item.querySelector('dt').textContent, item.querySelector('dd').textContent]));
    assert.ok(glossary.some(([en, zh]) => en === 'offered load' && zh === '话务量'));
    // The brief's glossary (domain.md §5) in its order, with patience after Erlang: the 29
    // terms the page explains (the brief's channel terms are not used on it), then the
    // forecast page's six (issue 25).
    assert.deepEqual(glossary.map(([en]) => en), [
      'service level',
      'average handle time (AHT)',
      'after-call work',
      'talk time',
      'average speed of answer (ASA)',
      'abandon rate',
      'answer rate',
      'occupancy',
      'shrinkage',
      'full-time equivalent (FTE)',
      'headcount',
      'interval',
      'forecast',
      'staffing requirement',
      'schedule',
      'shift',
      'agent / seat',
      'trunk / line',
      'offered load',
      'Erlang',
      'patience',
      'first contact resolution (FCR)',
      'customer satisfaction (CSAT)',
      'net promoter score (NPS)',
      'cost per contact',
      'attrition',
      'balanced scorecard',
      'what-if',
      'scenario',
      'exponential smoothing (ETS)',
      'AICc',
      'mean absolute percentage error (MAPE)',
      'weighted absolute percentage error (WAPE)',
      'bias',
      'prediction interval',
    ]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false, 'nothing wider than the phone');
    await saveScreenshot(page, 'learn-phone-zh');
    assert.deepEqual(errors, []);
  });
});

describe('simulated days beside the formula', { concurrency: CONCURRENCY }, () => {
  /** Runs the simulation with the chosen days and resolves to [formula, mean, sd] as numbers (%, %, pp). */
  async function simulate(page, days) {
    await page.getByTestId('sim-days-count').selectOption(String(days));
    await page.getByTestId('sim-run').click();
    await eventually(async () => assert.match(await text(page, 'sim-setup'), new RegExp(`· ${days} × 8 h ·`)), { timeout: 30_000 });
    return Promise.all(['sim-formula', 'sim-mean', 'sim-sd'].map(async (id) => parseFloat(await text(page, id))));
  }

  test('A = 10, AHT 180 s: 14 agents scatter about 4 pp around 88.8 %, 12 agents about 8 pp around 64.0 %, seeded', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await type(page, 'aht', '180');
    await type(page, 'volume', '100');
    await eventually(async () => assert.equal(await text(page, 'load'), '10.00 Erlangs'));
    await page.getByTestId('nav-learn').click();

    const [formula, mean, sd] = await simulate(page, 50);
    assert.equal(await text(page, 'sim-setup'), 'N = 14 · A = 10.00 · 50 × 8 h · seed 1');
    assert.equal(formula, 88.8);
    assert.ok(Math.abs(mean - formula) <= 1.5, `mean ${mean} % within 1.5 pp of ${formula} %`);
    assert.ok(sd >= 2 && sd <= 7, `sd ${sd} pp`);
    assert.equal(await page.getByTestId('sim-days').locator('circle').count(), 50);
    // The same seed gives the same days; a new seed other days.
    const again = await simulate(page, 50);
    assert.deepEqual(again, [formula, mean, sd]);
    await page.getByTestId('sim-new-seed').click();
    await eventually(async () => assert.match(await text(page, 'sim-setup'), /seed 2$/));

    // Reverse mode with 12 agents: 200 days (a day's sd of about 8 pp needs them for a mean within 1.5 pp).
    await page.getByTestId('nav-staffing').click();
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '12');
    await eventually(async () => assert.equal(await text(page, 'service-level'), '64.0 %'));
    await page.getByTestId('nav-learn').click();
    const [formula12, mean12, sd12] = await simulate(page, 200);
    assert.equal(formula12, 64.0);
    assert.ok(Math.abs(mean12 - formula12) <= 1.5, `mean ${mean12} %`);
    assert.ok(sd12 >= 5 && sd12 <= 12, `sd ${sd12} pp`);
    assert.deepEqual(errors, []);
  });

  test('an Erlang C queue that cannot keep up gets a message, not a run; the page stays usable', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '30'); // 33.3 Erlangs
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-problem').waitFor();
    assert.equal(await text(page, 'sim-problem'), 'N ≤ A：坐席处理不过来，Erlang C 的队列无限增长，无法计算服务水平。');
    assert.equal(await page.getByTestId('sim-mean').count(), 0);
    assert.equal(await page.locator('.steps > li').count(), 9);
    assert.deepEqual(errors, []);
  });

  test('too many days to simulate says why, in Chinese, with no English after it', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    // 20 000 contacts per 30 minutes at 300 s: 3 333 Erlangs, far within what ccplan staffs.
    await type(page, 'volume', '20000');
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('sim-days-count').selectOption('200');
    await page.getByTestId('sim-hours').selectOption('24');
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-problem').waitFor({ timeout: 30_000 });
    assert.equal(await text(page, 'sim-problem'),
      '这些天数需要模拟超过 500 万通来电（每小时来电量 × 每天小时数 × 天数）：请减少天数或每天的小时数。');
    assert.deepEqual(errors, []);
  });
});

describe('classroom exercises', { concurrency: CONCURRENCY }, () => {
  test('a trainer writes one from the current inputs; a student opens the link, answers and sees the worked solution', async (t) => {
    const trainer = await ctx.openApp(t);
    await type(trainer.page, 'volume', '100');
    await type(trainer.page, 'aht', '180');
    await eventually(async () => assert.equal(await text(trainer.page, 'required-agents'), '14'));
    await trainer.page.getByTestId('nav-learn').click();
    // Nothing to make before there is a question.
    await trainer.page.getByTestId('exercise-make').click();
    await trainer.page.getByTestId('exercise-cannot').waitFor();
    await trainer.page.getByTestId('exercise-question-input').click();
    await trainer.page.keyboard.type('How many agents for <b>80/20</b>?');
    await trainer.page.getByTestId('exercise-asked').selectOption('required_agents');
    await trainer.page.getByTestId('exercise-make').click();
    const link = await trainer.page.getByTestId('exercise-link').inputValue();
    assert.match(link, /#x=1\.[A-Za-z0-9_-]+$/);
    // The fragment only: the server's port may well hold a 14.
    assert.doesNotMatch(link.split('#x=')[1], /14/, 'the answer is not in the link');

    const student = await ctx.openApp(t, { locale: 'zh-CN', viewport: VIEWPORTS.phone });
    await student.page.goto(link);
    const card = student.page.getByTestId('linked-exercise');
    await card.waitFor();
    // The question is text: the markup shows, nothing is made of it.
    assert.equal(await card.getByTestId('exercise-question').textContent(), 'How many agents for <b>80/20</b>?');
    assert.equal(await card.locator('b').count(), 0);
    const answer = card.getByTestId('exercise-answer');
    await answer.click();
    await student.page.keyboard.type('13');
    await card.getByTestId('exercise-check').click();
    assert.equal(await text(student.page, 'exercise-verdict'), '✗ 还不对——再试一次，或查看解题过程。');
    await answer.click({ clickCount: 3 });
    await student.page.keyboard.type('14');
    await student.page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await card.getByTestId('exercise-verdict').textContent(), '✓ 正确： 14'));
    // The worked solution: the same formulas, ending in the exercise's own figures.
    await card.getByTestId('exercise-solution').locator('summary').click();
    assert.equal(await card.getByTestId('exercise-answer-shown').textContent(), '所需坐席：14');
    assert.match(await card.locator('[data-formula="load"] .result').textContent(), /^10\.00 爱尔兰$/);
    assert.match(await card.locator('[data-formula="service-level"] .result').textContent(), /^88\.8 %$/);
    // The student's own inputs were not touched.
    await student.page.getByTestId('nav-staffing').click();
    assert.equal(await text(student.page, 'required-agents'), '40');
    assert.deepEqual([...trainer.errors, ...student.errors], []);
  });

  test('built-in exercises answer from the engine; damaged and hostile links give a message, never a panic', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('nav-learn').click();
    const first = page.getByTestId('exercise-1');
    assert.match(await first.getByTestId('exercise-question').textContent(), /offered load, in Erlangs\?$/);
    await first.getByTestId('exercise-answer').click();
    await page.keyboard.type('10');
    await first.getByTestId('exercise-check').click();
    assert.equal(await first.getByTestId('exercise-verdict').textContent(), '✓ Right: 10.00');
    const agents = page.getByTestId('exercise-2');
    await agents.getByTestId('exercise-answer').click();
    await page.keyboard.type('fourteen');
    await agents.getByTestId('exercise-check').click();
    assert.match(await agents.getByTestId('exercise-verdict').textContent(), /^Type a number/);
    // Step 8, costs: 14 agents / (1 − 35 %) = 21.54 FTE for half an hour at 22.
    const cost = page.getByTestId('exercise-6');
    assert.match(await cost.getByTestId('exercise-question').textContent(), /What does staffing this half hour cost\?$/);
    assert.match(await cost.locator('.situation').textContent(), /Cost per paid agent-hour: 22\.00/);
    await cost.getByTestId('exercise-answer').click();
    await page.keyboard.type('$236.92');
    await page.keyboard.press('Enter');
    assert.equal(await cost.getByTestId('exercise-verdict').textContent(), '✓ Right: 236.92');

    for (const bad of ['#x=garbage', '#x=1.!!!', '#x=2.AAAA', `#x=1.${'A'.repeat(9000)}`, '#x=1.eJyrVkrOz0nNTU3PzEvVK0gsSlWyUipLzClNVaoFAF5vCFI']) {
      await page.goto(`${ctx.site.url}${bad}`);
      await page.getByTestId('exercise-link-bad').waitFor();
      assert.equal(await page.getByTestId('linked-exercise').count(), 0, bad);
    }
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });
});

describe('the glossary from the answer', { concurrency: CONCURRENCY }, () => {
  test('a result card\'s "?" opens its term in the glossary, marked and in view, in both languages; Back returns', async (t) => {
    const { page, errors } = await ctx.openApp(t, { viewport: VIEWPORTS.phone });
    const terms = await page.locator('.results .term-link').evaluateAll((links) => links.map((a) => a.dataset.term));
    assert.ok(['offered-load', 'occupancy', 'service-level', 'trunk-line'].every((term) => terms.includes(term)), terms.join());
    await page.locator('.figure').filter({ has: page.getByTestId('occupancy') }).locator('.term-link').click();
    await page.getByTestId('glossary').waitFor();
    assert.match(page.url(), /#\/learn\?term=occupancy$/);
    const entry = page.locator('#term-occupancy');
    await eventually(async () => assert.equal(await entry.getAttribute('class'), 'asked'));
    assert.deepEqual([await entry.locator('dt').textContent(), await entry.locator('dd[lang="zh-CN"]').textContent()], ['occupancy', '坐席占用率']);
    await eventually(async () => assert.ok(await entry.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    }), 'the entry is in view'));
    assert.equal(await page.locator('.glossary .asked').count(), 1);
    await page.goBack();
    await page.getByTestId('required-agents').waitFor();
    await page.getByTestId('lang').selectOption('zh');
    await eventually(async () => assert.equal(
      await page.locator('.figure').filter({ has: page.getByTestId('occupancy') }).locator('.term-link').getAttribute('aria-label'),
      '术语表: 坐席占用率'));
    assert.deepEqual(errors, []);
  });

  test('an input\'s label links its term too, outside the tab order; the entry says what the term means in the page\'s language', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    const labelled = await page.locator('.field label .term-link').evaluateAll((links) =>
      links.map((a) => [a.dataset.term, a.getAttribute('tabindex')]));
    for (const term of ['average-handle-time', 'service-level', 'shrinkage', 'occupancy', 'average-speed-of-answer']) {
      assert.ok(labelled.some(([t, tab]) => t === term && tab === '-1'), `${term} in ${labelled.join(' ')}`);
    }
    await page.locator('label[for="field-aht"] .term-link').click();
    const entry = page.locator('#term-average-handle-time');
    await eventually(async () => assert.equal(await entry.getAttribute('class'), 'asked'));
    assert.equal(await entry.locator('dd.meaning').textContent(), '坐席处理一通来电的平均时间：通话、保持加话后处理。');
    // The page's language changes the meaning's, not the term pair.
    await page.getByTestId('lang').selectOption('en');
    await eventually(async () => assert.match(await entry.locator('dd.meaning').textContent(), /^The mean time an agent spends on one contact/));
    assert.equal(await entry.locator('dt').textContent(), 'average handle time (AHT)');
    assert.deepEqual(errors, []);
  });
});

describe('the classic agents table', { concurrency: CONCURRENCY }, () => {
  test('copies as tab-separated rows that a spreadsheet pastes into cells', async (t) => {
    const { page, context, errors } = await ctx.openApp(t);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.site.url).origin });
    await page.getByTestId('curve-table').locator('summary').click();
    await page.getByTestId('curve-table-copy').click();
    await eventually(async () => assert.equal(await page.getByTestId('curve-table').locator('[role="status"]').textContent(), 'Copied: paste it into a spreadsheet.'));
    const rows = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n').map((line) => line.split('\t'));
    // expected.py: 40 agents 19.1 % / 87.8 % / 8.6 s / 83.3 %, chosen and first to meet the occupancy cap.
    assert.deepEqual(rows.find((r) => r[0] === '40'), ['40', '19.1 %', '87.8 %', '8.6 s', '83.3 %', 'Chosen · first to meet occupancy ≤ 85 %']);
    assert.equal(rows[0].length, 6);
    assert.ok(rows.length > 10);
    assert.deepEqual(errors, []);
  });
});

describe('the queue a class can watch', { concurrency: CONCURRENCY }, () => {
  test('plays at the chosen speed, pauses where it is, starts again; with too few agents under Erlang A callers hang up', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '30'); // 33.3 Erlangs: too few
    await page.getByTestId('model').selectOption('erlang_a');
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('live-speed').selectOption('300');
    await page.getByTestId('live-play').click();
    const seconds = async () => (await text(page, 'live-clock')).split(':').reduce((total, part) => total * 60 + Number(part), 0);
    await eventually(async () => assert.ok(await seconds() >= 600, `${await text(page, 'live-clock')}`), { timeout: 20_000 });
    await eventually(async () => assert.ok(Number(await text(page, 'live-abandoned')) > 0, 'callers hung up'));
    // A random queue: at some instant within the window (not at one chosen
    // instant) every agent is busy, in the figure and in the picture at once.
    const busyNow = () => page.evaluate(() => ({
      figure: document.querySelector('[data-testid="live-busy"]').textContent.trim(),
      picture: document.querySelectorAll('[data-testid="live-queue-picture"] rect.busy').length,
    }));
    await eventually(async () => assert.deepEqual(await busyNow(), { figure: '30 / 30', picture: 30 }, 'every agent busy with too few agents'), { timeout: 20_000 });
    await page.getByTestId('live-play').click(); // pause
    const paused = await page.getByTestId('live-queue-figures').textContent();
    await framesPainted(page, 10); // at 300×, ten frames are most of a minute of the queue's time
    assert.equal(await page.getByTestId('live-queue-figures').textContent(), paused, 'nothing moves while paused');
    // Whenever it stops, the picture shows as many busy agents as the figure.
    const { figure, picture } = await busyNow();
    assert.equal(`${picture} / 30`, figure);
    await page.getByTestId('live-reset').click();
    assert.equal(await text(page, 'live-clock'), '0:00:00');
    assert.equal(await text(page, 'live-offered'), '0');
    assert.deepEqual(errors, []);
  });

  test('an Erlang C queue that cannot keep up says so instead of running', async (t) => {
    const { page, errors } = await ctx.openApp(t, { locale: 'zh-CN' });
    await page.getByTestId('reverse').check();
    await type(page, 'agents', '30');
    await page.getByTestId('nav-learn').click();
    await page.getByTestId('live-play').click();
    await page.getByTestId('live-problem').waitFor();
    assert.equal(await page.getByTestId('live-queue-picture').count(), 0);
    assert.equal(await page.getByTestId('live-play').textContent(), '开始');
    assert.deepEqual(errors, []);
  });
});

// Issue 25, item 12: an empty answer asks for a number, the link is copied,
// and a trainer may hide the worked solution from students.
const SHOTS = '/work/shots/h25-teach/';
const PHONE = { width: 390, height: 844 };

/** The trainer's steps: a question typed key by key, the figure, the hide choice, "Make the link". */
async function makeExercise(page, question, { hide }) {
  await page.getByTestId('nav-learn').click();
  await page.getByTestId('exercise-question-input').click();
  await page.keyboard.type(question);
  await page.getByTestId('exercise-asked').selectOption('required_agents');
  if (hide) {
    await page.getByTestId('exercise-hide-solution').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByTestId('exercise-hide-solution').isChecked(), true);
  }
  await page.getByTestId('exercise-make').click();
  return page.getByTestId('exercise-link').inputValue();
}

describe('exercise answers and links', { concurrency: CONCURRENCY }, () => {
  test('an empty answer asks for a number and is no attempt, in both languages', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('nav-learn').click();
    const card = page.getByTestId('exercise-2');
    const answer = card.getByTestId('exercise-answer');
    await answer.click();
    await page.keyboard.press('Enter');
    const verdict = card.getByTestId('exercise-verdict');
    assert.equal(await verdict.textContent(), 'Type your answer first: a number, for example 14.');
    assert.doesNotMatch(await verdict.getAttribute('class'), /not-met/, 'no mark: not an attempt');
    // Typed, then rubbed out: still nothing to check.
    await page.keyboard.type('13');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    assert.equal(await verdict.textContent(), 'Type your answer first: a number, for example 14.');
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    assert.equal(await verdict.textContent(), '✗ Not yet — try again, or open the worked solution.');
    await page.getByTestId('lang').selectOption('zh');
    await answer.click({ clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await verdict.textContent(), '请先输入答案：一个数字，例如 14。'));
    assert.equal(await answer.inputValue(), '');
    assert.deepEqual(errors, []);
  });

  test('"Make the link" copies it; a student opening a link with the solution hidden gets feedback but no solution', async (t) => {
    const trainer = await ctx.openApp(t, { viewport: { width: 1280, height: 900 } });
    await trainer.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await type(trainer.page, 'volume', '100');
    await type(trainer.page, 'aht', '180');
    await eventually(async () => assert.equal(await text(trainer.page, 'required-agents'), '14'));
    const link = await makeExercise(trainer.page, 'How many agents?', { hide: true });
    assert.match(link, /#x=1\.[A-Za-z0-9_-]+$/);
    await eventually(async () => assert.equal(await text(trainer.page, 'exercise-copied'), 'Link copied.'));
    assert.equal(await trainer.page.evaluate(() => navigator.clipboard.readText()), link);
    await trainer.page.getByTestId('exercise-form').screenshot({ path: `${SHOTS}exercise-link-copied-desktop-en.png` });
    // Changing the choice takes the old link away: it no longer says what the form says.
    await trainer.page.getByTestId('exercise-hide-solution').click();
    assert.equal(await trainer.page.getByTestId('exercise-link').count(), 0);
    await trainer.page.getByTestId('exercise-make').click();
    const shown = await trainer.page.getByTestId('exercise-link').inputValue();
    assert.notEqual(shown, link, 'the choice is in the link');
    await eventually(async () => assert.equal(await trainer.page.evaluate(() => navigator.clipboard.readText()), shown));

    for (const [locale, viewport, wrong, right, hidden] of [
      ['zh-CN', PHONE, '✗ 还不对——再试一次。', '✓ 正确： 14', '培训师已隐藏此练习的解题过程。'],
      ['en-US', { width: 1280, height: 900 }, '✗ Not yet — try again.', '✓ Right: 14', 'Your trainer has hidden the worked solution for this exercise.'],
    ]) {
      const student = await ctx.openApp(t, { locale, viewport });
      const page = await student.context.newPage();
      await page.goto(link);
      const card = page.getByTestId('linked-exercise');
      await card.waitFor();
      for (const attempt of [0, 1]) {
        // No worked solution, nothing that opens one, even after a reload.
        assert.equal(await card.getByTestId('exercise-solution').count(), 0);
        assert.equal(await card.locator('details, summary, [data-formula]').count(), 0);
        assert.equal(await card.getByTestId('exercise-answer-shown').count(), 0);
        assert.equal(await text(page, 'exercise-solution-hidden'), hidden);
        if (attempt === 0) {
          await page.reload();
          await card.waitFor();
        }
      }
      await card.getByTestId('exercise-answer').click();
      await page.keyboard.press('Enter');
      assert.doesNotMatch(await card.getByTestId('exercise-verdict').getAttribute('class'), /not-met/);
      await page.keyboard.type('13');
      await page.keyboard.press('Enter');
      assert.equal(await card.getByTestId('exercise-verdict').textContent(), wrong);
      await page.keyboard.press('Backspace');
      await page.keyboard.type('4');
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await card.getByTestId('exercise-verdict').textContent(), right));
      assert.equal(await card.locator('[data-formula], details').count(), 0, 'a right answer reveals no solution either');
      const tag = `${viewport.width === 1280 ? 'desktop' : 'phone'}-${locale.slice(0, 2)}`;
      await card.screenshot({ path: `${SHOTS}exercise-solution-hidden-${tag}.png` });
      assert.deepEqual(student.errors, []);
    }
    // The link made without the choice still shows the solution.
    const student = await ctx.openApp(t);
    await student.page.goto(shown);
    await student.page.getByTestId('linked-exercise').getByTestId('exercise-solution').waitFor();
    assert.equal(await student.page.getByTestId('exercise-solution-hidden').count(), 0);
    assert.deepEqual(trainer.errors, []);
  });

  test('a refused clipboard keeps the link selectable and says so', async (t) => {
    for (const [locale, viewport, refused] of [
      ['en-US', { width: 1280, height: 900 }, 'The browser did not allow copying: select the link above and copy it yourself.'],
      ['zh-CN', PHONE, '浏览器不允许复制：请选中上方的链接自行复制。'],
    ]) {
      const session = await freshPage(t, ctx.browser, { locale, viewport });
      await session.context.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      });
      await open(session.page, ctx.site.url);
      const { page } = session;
      const link = await makeExercise(page, 'How many agents?', { hide: false });
      await eventually(async () => assert.equal(await text(page, 'exercise-copied'), refused));
      // Tab from the button to the link: all of it is selected, ready to copy.
      await page.getByTestId('exercise-make').focus();
      await page.keyboard.press('Tab');
      await eventually(async () => assert.equal(await page.evaluate(() => {
        const box = document.activeElement;
        return box.dataset.testid === 'exercise-link' ? box.value.slice(box.selectionStart, box.selectionEnd) : '';
      }), link));
      const tag = `${viewport.width === 1280 ? 'desktop' : 'phone'}-${locale.slice(0, 2)}`;
      await page.getByTestId('exercise-form').screenshot({ path: `${SHOTS}exercise-link-refused-${tag}.png` });
      assert.deepEqual(session.errors, []);
    }
  });
});
