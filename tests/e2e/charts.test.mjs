// The two charts and the intraday editor with its day totals.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, freshPage, open, text, eventually, expectTexts, canvasIsDrawn, canvasSnapshot, assertNoBadNumbers,
  CONCURRENCY,
} from './harness.mjs';
import { TEN_INTERVALS, TEN_INTERVALS_RESULTS } from './cases.mjs';

let site;
let browser;
before(async () => {
  site = await serve('/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('charts and the intraday day', { concurrency: CONCURRENCY }, () => {
  const CHARTS = ['staffing-curve', 'intraday-chart'];

  async function expectDrawn(page, testId) {
    await eventually(async () => assert.equal(await canvasIsDrawn(page, testId), true, `${testId} is drawn`));
  }

  /** Waits until the chart's pixels differ from `before`. */
  async function expectRedrawn(page, testId, before) {
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, testId), before, `${testId} redrawn`));
    await expectDrawn(page, testId);
  }

  const snapshots = async (page) => Object.fromEntries(await Promise.all(CHARTS.map(async (id) => [id, await canvasSnapshot(page, id)])));

  test('both charts are drawn on load and redrawn when an input changes', async (t) => {
    const { page, errors } = await freshPage(t, browser);
    await open(page, site.url);
    for (const id of CHARTS) {
      await expectDrawn(page, id);
      assert.equal(await page.getByTestId(id).getAttribute('role'), 'img');
      assert.ok(await page.getByTestId(id).getAttribute('aria-label'));
    }
    const before = await snapshots(page);
    await page.getByTestId('aht').fill('240'); // changes the curve and every interval's requirement
    for (const id of CHARTS) await expectRedrawn(page, id, before[id]);

    // The single-interval volume moves the staffing curve only.
    const afterAht = await snapshots(page);
    await page.getByTestId('volume').fill('400');
    await expectRedrawn(page, 'staffing-curve', afterAht['staffing-curve']);
    assert.equal(await canvasSnapshot(page, 'intraday-chart'), afterAht['intraday-chart']);
    assert.deepEqual(errors, []);
  });

  test('both charts redraw at the new size when the window is resized', async (t) => {
    const { page, errors } = await freshPage(t, browser);
    await open(page, site.url);
    for (const id of CHARTS) await expectDrawn(page, id);
    const widths = async () => Promise.all(CHARTS.map((id) => page.getByTestId(id).evaluate((c) => c.width)));
    const [before, widthsBefore] = [await snapshots(page), await widths()];

    await page.setViewportSize({ width: 800, height: 900 });
    await eventually(async () => {
      const now = await widths();
      CHARTS.forEach((id, i) => assert.notEqual(now[i], widthsBefore[i], `${id} width follows the window`));
    });
    for (const id of CHARTS) await expectRedrawn(page, id, before[id]);

    // The backing store matches the displayed size (no stretched pixels).
    for (const id of CHARTS) {
      const { width, cssWidth } = await page.getByTestId(id).evaluate((c) => ({ width: c.width, cssWidth: c.getBoundingClientRect().width }));
      assert.ok(Math.abs(width - cssWidth) <= 1, `${id}: ${width} px for ${cssWidth} CSS px`);
    }
    assert.deepEqual(errors, []);
  });

  /** The intraday editor's inline message (hidden while empty). */
  const pasteMessage = (page) => page.locator('.intraday-editor').getByRole('alert', { includeHidden: true });

  test('pasting a column of volumes replaces the day and its totals', async (t) => {
    const { page, errors } = await freshPage(t, browser);
    await open(page, site.url);
    await expectDrawn(page, 'intraday-chart');
    const before = await canvasSnapshot(page, 'intraday-chart');

    await page.getByTestId('paste-volumes').fill(TEN_INTERVALS.join('\n'));
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    assert.equal(Number(await text(page, 'day-volume')), TEN_INTERVALS.reduce((a, b) => a + b));
    await expectRedrawn(page, 'intraday-chart', before);
    assert.match(await page.locator('.intraday-editor').innerText(), /10 intervals/);
    assert.equal((await pasteMessage(page).textContent()).trim(), '');
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('a two-column paste (time, volume) takes the volumes; "Typical weekday" restores the built-in day', async (t) => {
    const { page, errors } = await freshPage(t, browser);
    await open(page, site.url);
    const typical = await text(page, 'day-volume');
    await page.getByTestId('paste-volumes').fill('08:00\t120\n08:30\t150\n');
    await expectTexts(page, { 'day-volume': '270', 'day-peak-agents': '30', 'day-service-level': '83.4 %' });
    assert.match(await page.locator('.intraday-editor').innerText(), /2 intervals/);

    await page.locator('.intraday-editor button').click();
    await expectTexts(page, { 'day-volume': typical });
    assert.match(await page.locator('.intraday-editor').innerText(), /24 intervals/);
    assert.deepEqual(errors, []);
  });

  test('a bad line names its line number and keeps the previous day', async (t) => {
    const { page, errors } = await freshPage(t, browser);
    await open(page, site.url);
    const box = page.getByTestId('paste-volumes');
    await box.fill(TEN_INTERVALS.join('\n'));
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    await expectDrawn(page, 'intraday-chart');
    const chart = await canvasSnapshot(page, 'intraday-chart');

    await box.fill('10\n20\nabc\n40');
    await eventually(async () => assert.match(await pasteMessage(page).textContent(), /Could not read these lines.*\b3$/));
    assert.equal(await pasteMessage(page).isVisible(), true);
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    assert.equal(await canvasSnapshot(page, 'intraday-chart'), chart);

    await box.fill('10\n-5\n30\nlots');
    await eventually(async () => assert.match(await pasteMessage(page).textContent(), /\b2, 4$/));
    await expectTexts(page, TEN_INTERVALS_RESULTS);

    await box.fill('10\n20');
    await eventually(async () => assert.equal((await pasteMessage(page).textContent()).trim(), ''));
    await expectTexts(page, { 'day-volume': '30' });
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });
});
