// Screenshots of issue 25's merged states: node e2e/look25.mjs <outdir>
import { serve, launch, newPage, open, type, eventually, number } from './harness.mjs';
const out = process.argv[2];
const site = await serve('/');
const browser = await launch();
const views = [
  ['desktop-en', { width: 1280, height: 900 }, 'en-US'],
  ['phone-zh', { width: 390, height: 844 }, 'zh-CN'],
  ['desktop-zh', { width: 1280, height: 900 }, 'zh-CN'],
  ['phone-en', { width: 390, height: 844 }, 'en-US'],
];
for (const [name, viewport, locale] of views) {
  const { page, errors } = await newPage(browser, { locale, viewport });
  await open(page, site.url);
  await eventually(async () => { if (!((await number(page, 'day-volume')) > 0)) throw new Error('no day'); });
  await page.getByTestId('scenario-name').fill('Base');
  await page.getByTestId('scenario-save').click();
  await type(page, 'volume-scale', '115');
  await page.getByTestId('volume-scale').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/staffing-volume-scale-${name}.png` });
  await page.getByTestId('scenario-name').fill('Vol+15');
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('compare').click();
  await page.getByTestId('compare-choices').waitFor();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/compare-${name}.png`, fullPage: true });
  // The forecast's example history, its plan on the scorecard.
  await page.goto(site.url + '#/forecast');
  await page.waitForTimeout(500);
  const example = page.getByTestId('history-example');
  if (await example.count()) await example.click();
  await page.locator('[data-testid="forecast-intervals"][data-settled="true"]').waitFor({ timeout: 60_000 }).catch(() => {});
  await page.screenshot({ path: `${out}/forecast-${name}.png`, fullPage: true });
  await page.getByTestId('forecast-use-plan').click();
  await page.getByTestId('first-month').waitFor({ timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/scorecard-from-forecast-${name}.png`, fullPage: true });
  if (errors.length) console.log(name, errors);
  await page.close();
}
await browser.close();
await site.close();
