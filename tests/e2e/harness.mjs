// Shared set-up for the browser tests: a static server for the built site
// (optionally under a sub-path, like a GitHub Pages project page) and
// Debian's headless Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ under `prefix` (e.g. "/" or "/ccplan/"); resolves to its base URL. */
export async function serve(prefix = '/') {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(DIST, path.slice(prefix.length)));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (empty storage) with a page that records console
 * errors and uncaught exceptions, so tests can assert there were none.
 */
export async function newPage(browser, { locale = 'en-US', viewport = { width: 1440, height: 1000 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** Opens the app and waits until the engine's first result is on screen. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="required-agents"]');
    return el && /^\d/.test(el.textContent);
  });
}

/** The leading number of an output's text ("81.0 %" → 81). */
export async function number(page, testId) {
  const text = await page.getByTestId(testId).textContent();
  return parseFloat(text);
}

/** Types into a number box the way a user does (select all, type). */
export async function type(page, testId, value) {
  const box = page.getByTestId(testId);
  await box.fill(String(value));
}

/** Whether a canvas has pixels other than its background. */
export async function canvasIsDrawn(page, testId) {
  return page.getByTestId(testId).evaluate((canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return colours.size > 5;
  });
}
