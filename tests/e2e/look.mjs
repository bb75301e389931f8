// Screenshots for looking at the app: node e2e/look.mjs (after a build).
import { mkdir } from 'node:fs/promises';
import { serve, launch, newPage, open, SCREENSHOTS } from './harness.mjs';

const site = await serve('/');
const browser = await launch();
await mkdir(SCREENSHOTS, { recursive: true });
for (const [name, viewport, locale] of [
  ['desktop-en', { width: 1440, height: 1000 }, 'en-US'],
  ['desktop-zh', { width: 1440, height: 1000 }, 'zh-CN'],
  ['phone-en', { width: 360, height: 780 }, 'en-US'],
  ['phone-zh', { width: 360, height: 780 }, 'zh-CN'],
]) {
  const { page, errors } = await newPage(browser, { locale, viewport });
  await open(page, site.url);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  if (errors.length) console.log(name, errors);
}
await browser.close();
await site.close();
