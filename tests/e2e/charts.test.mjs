// The two charts and the intraday editor: pasted or opened intervals (volume,
// start, AHT), its preview and per-line errors, the CSV download, and the
// day totals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, text, numberOf, grouped, eventually, expectTexts, chartHasSeries, canvasSnapshot, assertNoBadNumbers,
  setSlider, intervalCsv, expectIntervalCount, CONCURRENCY, type,
} from './harness.mjs';
import {
  TEN_INTERVALS, TEN_INTERVALS_RESULTS, TWO_INTERVALS_RESULTS, TWO_INTERVALS_WITH_AHT_RESULTS,
} from './cases.mjs';

const ctx = useSite('/');

describe('charts and the intraday day', { concurrency: CONCURRENCY }, () => {
  const CHARTS = ['staffing-curve', 'intraday-chart'];

  async function expectDrawn(page, testId) {
    await eventually(async () => assert.equal(await chartHasSeries(page, testId), true, `${testId} shows its series`));
  }

  /** Waits until the chart's pixels differ from `before`. */
  async function expectRedrawn(page, testId, before) {
    await eventually(async () => assert.notEqual(await canvasSnapshot(page, testId), before, `${testId} redrawn`));
    await expectDrawn(page, testId);
  }

  const snapshots = async (page) => Object.fromEntries(await Promise.all(CHARTS.map(async (id) => [id, await canvasSnapshot(page, id)])));

  test('the series check fails on a chart with axes, grid, labels and a legend but no data, and passes with a line', async (t) => {
    const { page } = await ctx.openApp(t);
    // A frame like the app's (grey axes and grid, dark labels, a legend of four
    // of its colours above the plot), drawn by hand at the staffing curve's size.
    const size = await page.getByTestId('staffing-curve').evaluate((c) => ({ width: c.width, height: c.height }));
    await page.evaluate(({ width, height }) => {
      const canvas = document.createElement('canvas');
      Object.assign(canvas, { width, height });
      canvas.dataset.testid = 'hand-drawn-chart';
      document.body.append(canvas);
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, width, height);
      g.strokeStyle = '#eee';
      for (let x = 60; x < width - 10; x += 40) g.strokeRect(x, 40, 0.5, height - 80);
      g.strokeStyle = '#333';
      g.strokeRect(60, 40, width - 70, height - 80);
      g.fillStyle = '#222';
      g.font = '12px sans-serif';
      for (let x = 60; x < width - 10; x += 80) g.fillText(String(x), x, height - 20);
      ['#1f6fd1', '#d9481c', '#2e8b57', '#c23b6e'].forEach((colour, i) => {
        g.fillStyle = colour;
        g.fillRect(60 + i * 110, 12, 24, 10);
        g.fillStyle = '#222';
        g.fillText('a series name', 90 + i * 110, 21);
      });
    }, size);
    assert.equal(await chartHasSeries(page, 'hand-drawn-chart'), false, 'axes and legend alone');
    await page.getByTestId('hand-drawn-chart').evaluate((canvas) => {
      const g = canvas.getContext('2d');
      g.strokeStyle = '#1f6fd1';
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(60, canvas.height - 40);
      g.lineTo(canvas.width - 10, 60);
      g.stroke();
    });
    assert.equal(await chartHasSeries(page, 'hand-drawn-chart'), true, 'with a series');
  });

  test('both charts are drawn on load and redrawn when an input changes', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    for (const id of CHARTS) {
      await expectDrawn(page, id);
      assert.equal(await page.getByTestId(id).getAttribute('role'), 'img');
      assert.ok(await page.getByTestId(id).getAttribute('aria-label'));
    }
    const before = await snapshots(page);
    await type(page, 'aht', '240'); // changes the curve and every interval's requirement
    for (const id of CHARTS) await expectRedrawn(page, id, before[id]);

    // The calculator's volume is its interval's of the day: the curve and the day's chart both move.
    const afterAht = await snapshots(page);
    await type(page, 'volume', '400');
    for (const id of CHARTS) await expectRedrawn(page, id, afterAht[id]);
    // The volume what-if scales the day only: the curve (the interval as entered) stays.
    const afterVolume = await snapshots(page);
    await type(page, 'volume-scale', '115');
    await expectRedrawn(page, 'intraday-chart', afterVolume['intraday-chart']);
    assert.equal(await canvasSnapshot(page, 'staffing-curve'), afterVolume['staffing-curve']);
    assert.deepEqual(errors, []);
  });

  test('both charts redraw at the new size when the window is resized', async (t) => {
    const { page, errors } = await ctx.openApp(t);
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

  /** The import preview: caption, column headings and the rows shown. */
  async function preview(page) {
    const table = page.getByTestId('import-preview');
    return {
      caption: (await table.locator('caption').textContent()).trim(),
      columns: (await table.locator('thead th').allTextContents()).map((th) => th.trim()),
      rows: await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim()))),
    };
  }

  /** The import errors box: its role, the listed lines and the closing note; null when there is none. */
  async function importErrors(page) {
    const box = page.getByTestId('import-errors');
    if ((await box.count()) === 0) return null;
    return {
      role: await box.getAttribute('role'),
      visible: await box.isVisible(),
      lines: (await box.locator('li').allTextContents()).map((li) => li.trim()),
      note: (await box.locator('p').textContent()).trim(),
    };
  }

  const NOT_APPLIED = 'Nothing was applied yet: fix the lines above, or apply the good lines (the chart keeps the previous day until then).';

  async function expectImportErrors(page, lines) {
    await eventually(async () => assert.deepEqual(await importErrors(page), { role: 'alert', visible: true, lines, note: NOT_APPLIED }));
  }

  /** The downloaded interval table's rows (start, volume, AHT, …). */
  const downloadedCsv = intervalCsv;

  /** The interval starts of the downloaded table. */
  const csvStarts = async (page) => (await downloadedCsv(page)).map((row) => row[0]);

  const typicalWeekday = (page) => page.getByRole('button', { name: 'Typical weekday' });

  test('pasting a column of volumes replaces the day and its totals, with a preview of what was read', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await expectDrawn(page, 'intraday-chart');
    const before = await canvasSnapshot(page, 'intraday-chart');
    assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview before anything is typed');

    await page.getByTestId('paste-volumes').fill(TEN_INTERVALS.join('\n'));
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    assert.equal(numberOf(await text(page, 'day-volume')), TEN_INTERVALS.reduce((a, b) => a + b));
    await expectRedrawn(page, 'intraday-chart', before);
    await expectIntervalCount(page, 10);
    assert.deepEqual(await preview(page), {
      caption: 'Preview — 10 intervals',
      columns: ['#', 'Start', 'Volume', 'AHT (s)'],
      rows: TEN_INTERVALS.map((v, i) => [String(i + 1), '', String(v), '—']),
    });
    assert.equal(await importErrors(page), null);
    // The day starts at 08:00 in 30-minute steps, at the page's AHT.
    const csv = await downloadedCsv(page);
    assert.deepEqual(csv.map((row) => row.slice(0, 3)), TEN_INTERVALS.map((v, i) => [
      `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, String(v), '300',
    ]));

    // The preview lists the first 12 rows; the caption counts them all.
    const twenty = Array.from({ length: 20 }, (_, i) => 10 + i);
    await page.getByTestId('paste-volumes').fill(twenty.join('\n'));
    await expectTexts(page, { 'day-volume': grouped(twenty.reduce((a, b) => a + b)) });
    const shown = await preview(page);
    assert.equal(shown.caption, 'Preview — 20 intervals');
    assert.deepEqual(shown.rows, twenty.slice(0, 12).map((v, i) => [String(i + 1), '', String(v), '—']));
    await expectIntervalCount(page, 20);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('a two-column paste (start, volume) takes the volumes and the first start; "Typical weekday" restores the built-in day', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const typical = await text(page, 'day-volume');
    await expectIntervalCount(page, 24);
    const typicalStarts = await csvStarts(page);
    assert.equal(typicalStarts.length, 24);
    assert.deepEqual([typicalStarts[0], typicalStarts.at(-1)], ['08:00', '19:30']);

    await page.getByTestId('paste-volumes').fill('08:00\t120\n08:30\t150\n');
    await expectTexts(page, TWO_INTERVALS_RESULTS);
    await expectIntervalCount(page, 2);
    assert.deepEqual((await preview(page)).rows, [['1', '08:00', '120', '—'], ['2', '08:30', '150', '—']]);

    // A start in the first row moves the day (and the chart's time labels) there.
    await expectDrawn(page, 'intraday-chart');
    const at8 = await canvasSnapshot(page, 'intraday-chart');
    await page.getByTestId('paste-volumes').fill('07:00\t120\n07:30\t150\n');
    await expectRedrawn(page, 'intraday-chart', at8);
    await expectTexts(page, TWO_INTERVALS_RESULTS);
    assert.deepEqual(await csvStarts(page), ['07:00', '07:30']);
    assert.deepEqual((await preview(page)).rows, [['1', '07:00', '120', '—'], ['2', '07:30', '150', '—']]);

    await typicalWeekday(page).click();
    await expectTexts(page, { 'day-volume': typical });
    await expectIntervalCount(page, 24);
    assert.deepEqual(await csvStarts(page), typicalStarts, 'the built-in day, from 08:00 again');
    assert.deepEqual(errors, []);
  });

  test('a third column, or a second number, sets each interval\'s AHT; a header line is skipped', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const box = page.getByTestId('paste-volumes');

    // start; volume; AHT, separated by semicolons.
    await box.fill('08:00;120;300\n08:30;150;240');
    await expectTexts(page, TWO_INTERVALS_WITH_AHT_RESULTS);
    assert.deepEqual((await preview(page)).rows, [['1', '08:00', '120', '300'], ['2', '08:30', '150', '240']]);
    assert.deepEqual((await downloadedCsv(page)).map((row) => row.slice(0, 3)), [['08:00', '120', '300'], ['08:30', '150', '240']]);

    // Back to one AHT for the day.
    await box.fill('120\n150');
    await expectTexts(page, TWO_INTERVALS_RESULTS);

    // volume, AHT: two numbers, separated by commas.
    await box.fill('120,300\n150,240');
    await expectTexts(page, TWO_INTERVALS_WITH_AHT_RESULTS);
    assert.deepEqual((await preview(page)).rows, [['1', '', '120', '300'], ['2', '', '150', '240']]);

    // A header line (its volume is not a number) is not an interval, and not an error.
    await box.fill('120\n150');
    await expectTexts(page, TWO_INTERVALS_RESULTS);
    await box.fill('interval_start\tvolume\taht_s\n08:00\t120\t300\n08:30\t150\t240');
    await expectTexts(page, TWO_INTERVALS_WITH_AHT_RESULTS);
    const withHeader = await preview(page);
    assert.equal(withHeader.caption, 'Preview — 2 intervals');
    assert.deepEqual(withHeader.rows.map((row) => row.slice(1)), [['08:00', '120', '300'], ['08:30', '150', '240']]);
    assert.equal(await importErrors(page), null);
    await expectIntervalCount(page, 2);

    // The same from a CSV file.
    await typicalWeekday(page).click();
    await expectIntervalCount(page, 24);
    await page.getByTestId('import-intervals-file').setInputFiles({
      name: 'day.csv', mimeType: 'text/csv', buffer: Buffer.from('interval_start,volume,aht_s\n08:00,120,300\n08:30,150,240\n'),
    });
    await expectTexts(page, TWO_INTERVALS_WITH_AHT_RESULTS);
    await expectIntervalCount(page, 2);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  test('bad lines are each named with their line number and nothing is applied', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    const box = page.getByTestId('paste-volumes');
    await box.fill(TEN_INTERVALS.join('\n'));
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    await expectDrawn(page, 'intraday-chart');
    const chart = await canvasSnapshot(page, 'intraday-chart');

    await box.fill('10\n20\nabc\n40');
    await expectImportErrors(page, ['Line 3: the volume is not a number: “abc”']);
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    await expectIntervalCount(page, 10);
    assert.equal(await canvasSnapshot(page, 'intraday-chart'), chart);

    await box.fill('10\n-5\n30\nlots');
    await expectImportErrors(page, [
      'Line 2: the volume must be from 0 to 100 000: -5',
      'Line 4: the volume is not a number: “lots”',
    ]);
    await expectTexts(page, TEN_INTERVALS_RESULTS);

    await box.fill('08:00,10,abc\n08:30,10,0\n09:00,10,300,1');
    await expectImportErrors(page, [
      'Line 1: the AHT must be a number of seconds from 1 to 7 200: “abc”',
      'Line 2: the AHT must be a number of seconds from 1 to 7 200: “0”',
      'Line 3: too many columns (at most start, volume, AHT): 4',
    ]);
    await expectTexts(page, TEN_INTERVALS_RESULTS);
    assert.equal(await canvasSnapshot(page, 'intraday-chart'), chart);

    await box.fill('10\n20');
    await eventually(async () => assert.equal(await importErrors(page), null));
    await expectTexts(page, { 'day-volume': '30' });
    await expectIntervalCount(page, 2);
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  // App bug (fails until fixed): blank lines are skipped, but a line after
  // one is numbered as the first blank line before it ("10", "", "abc" names
  // line 2 instead of 3), so the message points at the wrong line.
  test('a bad line after a blank line is named by its own line number', async (t) => {
    const { page } = await ctx.openApp(t);
    await page.getByTestId('paste-volumes').fill('10\n\nabc');
    await expectImportErrors(page, ['Line 3: the volume is not a number: “abc”']);
  });

  test('a new interval length rebuilds the built-in day (15 min: 48 intervals, 60 min: 12) but keeps a pasted one', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await expectIntervalCount(page, 24);
    const typical = await text(page, 'day-volume');
    const startsEvery = (minutes, count) => Array.from({ length: count }, (_, i) => {
      const at = 8 * 60 + i * minutes;
      return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    });

    await type(page, 'interval', '15');
    await expectIntervalCount(page, 48);
    assert.deepEqual(await csvStarts(page), startsEvery(15, 48), '08:00 to 19:45');

    await setSlider(page, 'interval-slider', 2); // 60 minutes
    await expectIntervalCount(page, 12);
    assert.equal(await page.getByTestId('interval').inputValue(), '60');
    assert.deepEqual(await csvStarts(page), startsEvery(60, 12), '08:00 to 19:00');

    await type(page, 'interval', '30');
    await expectIntervalCount(page, 24);
    await expectTexts(page, { 'day-volume': typical });
    assert.deepEqual(await csvStarts(page), startsEvery(30, 24));

    // A pasted day is the user's: a new interval length keeps it as it is.
    await page.getByTestId('paste-volumes').fill('120\n150');
    await expectTexts(page, TWO_INTERVALS_RESULTS);
    await type(page, 'interval', '60');
    // The calculator shows the pasted day's busiest interval: 150 contacts in 60 min at AHT 300 s.
    await expectTexts(page, { load: '12.50 Erlangs' });
    await expectIntervalCount(page, 2);
    await expectTexts(page, { 'day-volume': '270' });
    assert.deepEqual((await downloadedCsv(page)).map((row) => row.slice(0, 2)), [['08:00', '120'], ['09:00', '150']]);
    await type(page, 'interval', '15');
    await expectTexts(page, { load: '50.00 Erlangs' }); // 150 in 15 min
    await expectIntervalCount(page, 2);
    await expectTexts(page, { 'day-volume': '270' });
    assert.deepEqual(errors, []);
  });
});

// Issue 25, item 12: the reverse-mode chart keeps the chosen staffing on its
// axis, and the agents table says why a row has no figures and shows its
// notes whole at 1,280 px.
describe('the staffing curve and its table at the edges', { concurrency: CONCURRENCY }, () => {
  /** The agents the curve's axis runs over and the chosen staffing, as the panel gives them. */
  const axis = (page) =>
    page.getByTestId('staffing-curve-panel').evaluate((p) => ({
      from: Number(p.dataset.axisFrom), to: Number(p.dataset.axisTo), chosen: Number(p.dataset.chosen),
    }));

  test('reverse mode, 825 contacts and 35 agents: the chosen point is inside the axis, which runs on to the requirement', async (t) => {
    const { page, errors } = await ctx.openApp(t);
    await page.getByTestId('reverse').check();
    await type(page, 'volume', '825');
    await type(page, 'agents', '35');
    await page.keyboard.press('Tab');
    await eventually(async () => assert.equal((await axis(page)).chosen, 35));
    const { from, to } = await axis(page);
    const required = numberOf(await text(page, 'required-agents'));
    assert.ok(from < 35 && 35 <= to, `${from}–${to}: inside, off the axis's edge`);
    assert.ok(to >= required, `the axis reaches the requirement ${required}: ${to}`);
    await eventually(async () => assert.equal(await chartHasSeries(page, 'staffing-curve'), true));
    // Far above the requirement too.
    await type(page, 'agents', '400');
    await page.keyboard.press('Tab');
    await eventually(async () => {
      const a = await axis(page);
      assert.equal(a.chosen, 400);
      assert.ok(a.from <= 400 && 400 <= a.to, `${a.from}–${a.to}`);
    });
    await assertNoBadNumbers(page);
    assert.deepEqual(errors, []);
  });

  for (const [locale, note] of [
    ['en-US', 'queue unstable: 33 ≤ 33.33 Erlangs of load'],
    ['zh-CN', '队列不稳定：33 名坐席 ≤ 话务量 33.33 爱尔兰'],
  ]) {
    test(`a row of "—" says why, and the notes show whole at 1,280 px wide (${locale})`, async (t) => {
      const { page, errors } = await ctx.openApp(t, { locale, viewport: { width: 1280, height: 900 } });
      const table = page.getByTestId('curve-table');
      await table.locator('summary').click();
      // 33.33 Erlangs (the defaults): 33 agents cannot keep up.
      const cells = await table.locator('tbody tr[data-agents="33"]').locator('th, td').allTextContents();
      assert.deepEqual(cells, ['33', '—', '—', '—', '—', note]);
      assert.equal(await table.locator('tbody tr.unstable').count(), await table.locator('tbody tr', { hasText: '—' }).count());
      for (const model of ['erlang_c', 'erlang_a']) {
        await page.getByTestId('model').selectOption(model);
        await eventually(async () => {
          const cut = await table.evaluate((details) => {
            const scroller = details.querySelector('.table-scroll');
            const notes = [...details.querySelectorAll('td.note-cell')];
            return {
              scroller: scroller.scrollWidth - scroller.clientWidth,
              notes: notes.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
              empty: notes.every((c) => c.textContent === ''),
            };
          });
          assert.deepEqual(cut, { scroller: 0, notes: [], empty: false }, model);
        });
      }
      assert.deepEqual(errors, []);
    });
  }
});
