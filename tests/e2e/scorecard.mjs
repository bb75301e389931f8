// The scorecard page's helpers and the "flat" set-up of scorecard_expected.py,
// shared by scorecard.test.mjs and typing.test.mjs.
import assert from 'node:assert/strict';
import { open, type, eventually, setInputs } from './harness.mjs';

/** scorecard_expected.py, "FLAT set-up". */
export const FLAT = {
  agents: 14, // 10 E, 80/20, AHT 360: required FTE 14.0
  sl: '86.1 %', // SL at 14 agents: 86.05660477 %
  asa: '15.7 s', // 15.67187402 s
  occupancy: '71.4 %', // 71.42857143 %
  cost14: '64,400', // 14 × 200 × 20 × 1.15
  cpc14: '3.22', // 64 400 / 20 000
  cost30: '138,000', // 30 × 200 × 20 × 1.15
  cost30overhead40: '168,000', // 30 × 200 × 20 × 1.40
  fcr70agents: 16, // offered 20 000 / 0.85 = 23 529.4: 11.765 E → 16
  fcr70cpc14: '2.74', // 64 400 / 23 529.4 = 2.737
  fcr70cpr14: '3.91', // per resolved contact: 64 400 / (23 529.4 × 0.70) = 3.910
  doubledAgents: 25, // 20 E → 25 (< 2 × 14)
  growth3: [14, 14, 15, 15, 15, 16, 16, 16, 17, 17, 18, 18],
};

/** Waits until the scorecard table shows numbers. */
export async function scorecardReady(page) {
  await page.waitForFunction(() => {
    const td = document.querySelector('[data-testid="scorecard-table"] tr[data-kpi="required_fte"] td[data-month]');
    return td && /^\d/.test(td.textContent.trim());
  });
}

/** Opens the app at `url` on the scorecard page and waits for its table. */
export async function openScorecard(page, url) {
  await page.goto(`${url}#/scorecard`);
  await scorecardReady(page);
}

/**
 * One row's month cells: month, text, leading number and status class — once
 * the plan answers the latest inputs (it is computed in a Web Worker).
 */
export async function row(page, kpi) {
  await page.locator('[data-testid="scorecard-table"][data-settled="true"]').waitFor();
  return page.evaluate(
    (k) =>
      [...document.querySelectorAll(`[data-testid="scorecard-table"] tr[data-kpi="${k}"] td[data-month]`)].map((td) => ({
        month: td.dataset.month,
        text: td.textContent.trim(),
        value: parseFloat(td.textContent.replaceAll(',', '')),
        status: ['green', 'amber', 'red'].filter((c) => td.classList.contains(c)).join(' ') || null,
        symbol: td.querySelector('.rag')?.textContent ?? null,
      })),
    kpi,
  );
}

/** Retries until `check(rowCells)` passes. */
export function rowEventually(page, kpi, check, options) {
  return eventually(async () => check(await row(page, kpi)), options);
}

/** Types `value` into the box `testId`, then retries `check(rowCells)` on the row `kpi` until it passes. */
export async function typeThenRow(page, testId, value, kpi, check, options) {
  await type(page, testId, value);
  await rowEventually(page, kpi, check, options);
}

export const texts = (cells) => cells.map((c) => c.text);
export const statuses = (cells) => cells.map((c) => c.status);
export const repeat = (value, n = 12) => Array(n).fill(value);

/**
 * The hand-checkable set-up of scorecard_expected.py: staffing inputs first,
 * a flat intraday profile, then the scorecard's, on the app opened at `url`;
 * leaves the scorecard page shown.
 */
export async function flatSetup(page, url, { headcount = FLAT.agents } = {}) {
  await open(page, url);
  await page.getByTestId('model').selectOption('erlang_c');
  await setInputs(page, {
    aht: 360, interval: 60, 'sl-target': 80, 'sl-seconds': 20, 'max-occupancy': 100, shrinkage: 0,
    'cost-per-hour': 20,
  });
  await page.getByTestId('paste-volumes').fill('1');
  await page.getByTestId('nav-scorecard').click();
  await scorecardReady(page);
  await setInputs(page, {
    'monthly-volume': 20000, growth: 0, fcr: 100, repeat: 50, deflection: 0, 'aht-trend': 0, 'open-days': 20,
    'open-hours': 10, 'paid-hours': 200, 'start-headcount': headcount, attrition: 0, overhead: 15, budget: 0,
  });
  for (let i = 1; i <= 12; i++) await type(page, `season-${i}`, 1);
  await page.getByTestId('hire-to-requirement').uncheck();
  await typeThenRow(page, 'hires', 0, 'required_fte', (cells) => assert.deepEqual(texts(cells), repeat(`${FLAT.agents}.0`)));
  await page.keyboard.press('Tab'); // done typing: the last value is committed now, not after the pause
}
