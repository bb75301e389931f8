// First visits side by side: ccplan's built site against another staffing
// calculator (the "peer", optional), cold and repeat visits, on a desktop and
// on a phone over a slow and a fast mobile link (issue 26, items 2 and 5).
//
//   cd tests && node bench/first-visit.mjs [--ccplan ../dist] [--peer DIR|URL]
//       [--page '#/'] [--runs 7] [--profiles desktop,phone-slow,phone-4g]
//       [--answer CSS --input CSS]   (another page of ccplan: its answer, the
//                                     first element of CSS holding a digit,
//                                     and the box to type into)
//
// The peer of BENCHMARKS.md is OdeToErlangAndBromley (github.com/elecumbelly/
// OdeToErlangAndBromley, commit 5c41dae5a1dd0086ad3378cd5c9fa86b580c7ac4,
// MIT), a client-only React/Vite staffing calculator that loads its tabs in
// chunks, built outside the repository (never committed):
//   git archive 5c41dae odetoerlang | tar -x -C /work/peer/src && cd /work/peer/src/odetoerlang
//   npx pnpm@10.33.4 install --frozen-lockfile --ignore-scripts
//   npx pnpm@10.33.4 exec vite build --outDir /work/peer/OdeToErlangAndBromley
// (its `build` script runs `tsc -b` first, a type check that writes nothing
// the site needs) and measured with `--peer /work/peer/OdeToErlangAndBromley`.
//
// Method.
// - Each site is served from its static files by a server of this script that
//   compresses as a real host does: gzip (Node's zlib, level 9, the count
//   BENCHMARKS.md uses for the site's size) for every text and wasm file,
//   with `Cache-Control: max-age=600` and an ETag answered by 304, as GitHub
//   Pages does. A peer given as a directory is served under the path prefix
//   its index.html asks for (a Vite build with `base: '/Name/'`); a peer
//   given as a URL is loaded from there (then its bytes are what the browser
//   reports and its total leaves out what its service worker fetched).
// - Profiles: `desktop` 1440 × 1000, no throttling; `phone-slow` 390 × 844,
//   pixel ratio 3, touch, CPU slowed 4× (`Emulation.setCPUThrottlingRate`)
//   and `Network.emulateNetworkConditions` 150 ms latency, 1.6 Mbit/s down,
//   750 kbit/s up (DevTools' "Slow 4G" without its latency multiplier);
//   `phone-4g`: the same phone on 60 ms, 9 Mbit/s down, 1.5 Mbit/s up
//   (DevTools' "Fast 4G" figures, again without the multiplier).
// - Runs are interleaved: each run does every profile, and in each profile
//   every site (the order of the sites alternates from run to run) does a
//   cold visit in a fresh browser context (empty cache, no service worker,
//   empty storage) and then a repeat visit: a new tab in the same context,
//   after the first visit has gone quiet (its service worker, if any, has
//   installed and activated). Medians over the runs.
// - First answer: an observer installed before the page's own scripts
//   watches the DOM; the first time the page's answer (ccplan: the staffing
//   page's `[data-testid=required-agents]`, on `#/scorecard` the settled
//   table; the peer: the "Agents" figure of its front page) holds a number,
//   it waits for that frame to be painted (a requestAnimationFrame, then a
//   setTimeout(0)) and records the time since navigation start. Then a
//   digit is typed (as a person does: focus, End, the key) into the page's
//   volume box (scorecard: the growth box) and the answer must change: the
//   answer responds to input, else the visit fails. `typed→answer` is the
//   time from that key to the changed answer being painted (it would show
//   an answer painted before the app can respond, and the peer's 300 ms
//   debounce).
// - Bytes are gzip'd response bodies (headers not counted), network only
//   (a response from the HTTP cache or a service worker costs nothing).
//   `before answer`: the responses the page and its workers had fully
//   received when the answer was painted (reported by the browser through
//   playwright). `visit`: every byte our server sent from the navigation
//   until the visit went quiet, the service worker's precache included.
// - A service worker's own fetches (its script, its precache) are not slowed
//   by the DevTools emulation of the page (Chromium applies it per target,
//   and setting it on the worker's target through the protocol had no
//   effect here), so our server shapes them itself to the profile's latency
//   and download rate, one pipe shared by them: a site that precaches while
//   its page still loads pays for it, though on a link of its own (in a
//   phone both would share one link).
// - Long tasks: PerformanceObserver("longtask") entries of the page's main
//   thread (count and total ms) that began before the first answer, and all
//   of them until the visit went quiet (the typed digit and its undo
//   included). DOM nodes: `document.getElementsByTagName('*').length` then.
//
// Nothing is a sleep: every wait is for a state (the answer, load, network
// idle, the service worker's state, the server idle for a second).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/harness.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
/** Files a host compresses (images and fonts are sent as they are). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.csv']);

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const mbit = (m) => (m * 1_000_000) / 8;
/** The screen and the throttling of each profile (see the method above). */
const PROFILES = {
  desktop: { label: 'desktop 1440×1000', context: { viewport: { width: 1440, height: 1000 } }, cpu: 1, network: null },
  'phone-slow': {
    label: 'phone, CPU 4×, 1.6 Mbit/s 150 ms',
    context: PHONE,
    cpu: 4,
    network: { latency: 150, downloadThroughput: mbit(1.6), uploadThroughput: mbit(0.75) },
  },
  'phone-4g': {
    label: 'phone, CPU 4×, 9 Mbit/s 60 ms',
    context: PHONE,
    cpu: 4,
    network: { latency: 60, downloadThroughput: mbit(9), uploadThroughput: mbit(1.5) },
  },
};

/**
 * What each page answers and where a person types into it. `answer` runs in
 * the page (as source text): it returns the answer's text, or null while
 * there is none; `input` is a CSS selector of the box to type a digit into.
 */
const CCPLAN_PAGES = {
  '#/': {
    answer: `() => {
      const el = document.querySelector('[data-testid="required-agents"]');
      const text = el && el.textContent.trim();
      return text && /^\\d/.test(text) ? text : null;
    }`,
    input: '[data-testid="volume"]',
  },
  '#/scorecard': {
    answer: `() => {
      const table = document.querySelector('[data-testid="scorecard-table"][data-settled="true"]');
      const body = table && table.querySelector('tbody');
      const text = body && body.textContent.trim();
      return text && /\\d/.test(text) ? text : null;
    }`,
    input: '[data-testid="growth"]',
  },
};
/**
 * The peer's front page (OdeToErlangAndBromley's "Simple" calculator): its
 * "Agents" figure shows 0 until the engine has answered, so a positive
 * number is the answer; its volume box is the number input labelled
 * "Contacts arriving in N minutes".
 */
const PEER_PAGE = {
  answer: `() => {
    for (const p of document.querySelectorAll('p')) {
      if (p.textContent.trim() !== 'Agents') continue;
      const value = p.nextElementSibling && p.nextElementSibling.textContent.trim();
      if (value && /^[1-9]/.test(value)) return value;
    }
    return null;
  }`,
  input: 'label:has-text("Contacts arriving in") input[type="number"]',
};

function parseArgs(argv) {
  const options = {
    ccplan: fileURLToPath(new URL('../../dist/', import.meta.url)),
    peer: null,
    page: '#/',
    runs: 7,
    profiles: Object.keys(PROFILES),
    peerPrefix: null,
    answer: null,
    input: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--ccplan': options.ccplan = resolve(value()); break;
      case '--peer': options.peer = value(); break;
      case '--peer-prefix': options.peerPrefix = value(); break;
      case '--page': options.page = value(); break;
      case '--runs': options.runs = Number(value()); break;
      case '--profiles': options.profiles = value().split(','); break;
      case '--answer': options.answer = value(); break;
      case '--input': options.input = value(); break;
      default:
        throw new Error(`unknown option ${argv[i]} (see the head of first-visit.mjs)`);
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  for (const p of options.profiles) if (!PROFILES[p]) throw new Error(`unknown profile ${p}`);
  if (options.answer) {
    options.spec = {
      answer: `() => {
        const el = document.querySelector(${JSON.stringify(options.answer)});
        const text = el && el.textContent.trim();
        return text && /\\d/.test(text) ? text : null;
      }`,
      input: options.input ?? '[data-testid="volume"]',
    };
  } else if (CCPLAN_PAGES[options.page]) {
    options.spec = CCPLAN_PAGES[options.page];
  } else {
    throw new Error(`--page ${options.page}: give --answer and --input (known: ${Object.keys(CCPLAN_PAGES).join(', ')})`);
  }
  return options;
}

/**
 * A static server of `dir` under `prefix` that gzips as a host does and
 * tallies what it sends (`sent`: gzip'd body bytes; `inFlight`; `lastActivity`).
 */
async function serveGzip(dir, prefix = '/') {
  const root = join(resolve(dir), '/');
  const cache = new Map();
  const tally = { sent: 0, requests: 0, inFlight: 0, lastActivity: Date.now() };
  // The service worker's link (see the method): set per profile; one pipe shared by its requests.
  const swLink = { conditions: null, freeAt: 0 };
  async function body(file) {
    if (!cache.has(file)) {
      const raw = await readFile(file);
      const zip = COMPRESSED.has(extname(file));
      const data = zip ? gzipSync(raw, { level: 9 }) : raw;
      const etag = `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"`;
      cache.set(file, { data, zip, etag });
    }
    return cache.get(file);
  }
  const server = createServer(async (request, response) => {
    tally.inFlight++;
    tally.requests++;
    tally.lastActivity = Date.now();
    response.on('close', () => {
      tally.inFlight--;
      tally.lastActivity = Date.now();
    });
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!path.startsWith(prefix) || !file.startsWith(root)) {
      response.writeHead(404).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { data, zip, etag } = await body(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=600',
        etag,
        vary: 'Accept-Encoding',
      };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      if (zip) headers['content-encoding'] = 'gzip';
      headers['content-length'] = data.length;
      const payload = request.method === 'HEAD' ? Buffer.alloc(0) : data;
      tally.sent += payload.length;
      if (swLink.conditions && fromServiceWorker(request)) {
        await shaped(response, headers, payload, swLink);
      } else {
        response.writeHead(200, headers);
        response.end(payload);
      }
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return {
    url,
    tally,
    /** Shapes the service worker's requests to `network` (CDP's figures), or not (null). */
    shapeServiceWorker(network) {
      swLink.conditions = network;
      swLink.freeAt = 0;
    },
    close: () => new Promise((done) => server.close(done)),
  };
}

/** A request of a service worker: its script (and what it imports) or a fetch it makes (its script is the referrer). */
function fromServiceWorker(request) {
  return request.headers['service-worker'] === 'script' || /\/sw\.js(\?|$)/.test(request.headers.referer ?? '');
}

const wait = (ms) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

/**
 * Sends `payload` as a link of `link.conditions` would: after the latency,
 * in 16 KiB pieces paced at the download rate, the pipe shared by every
 * request shaped this way.
 */
async function shaped(response, headers, payload, link) {
  const { latency, downloadThroughput } = link.conditions;
  await wait(latency);
  response.writeHead(200, headers);
  for (let offset = 0; offset < payload.length; offset += 16_384) {
    const piece = payload.subarray(offset, offset + 16_384);
    link.freeAt = Math.max(Date.now(), link.freeAt) + (piece.length / downloadThroughput) * 1000;
    await wait(link.freeAt - Date.now());
    if (response.destroyed) return;
    response.write(piece);
  }
  response.end();
}

/** The path prefix a Vite-style build's index.html loads its assets from ("/Name/"), else "/". */
async function prefixOf(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const match = html.match(/(?:src|href)="(\/[^"/]+\/)(?:assets\/)?[^"]+\.(?:js|css)"/);
  return match ? match[1] : '/';
}

/**
 * Runs in the page before its own scripts: records long tasks and the moment
 * the first answer is painted in `window.__bench`.
 */
function observeInPage(answer) {
  const bench = (window.__bench = { answerAt: null, answerText: null, longTasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null;
  }
  bench.read = () => {
    try {
      return answer();
    } catch {
      return null;
    }
  };
  let pending = false;
  const check = () => {
    if (pending) return;
    const text = bench.read();
    if (text === null) return;
    pending = true;
    observer.disconnect();
    // The frame that shows it: rAF runs before its paint, a task queued from there after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        bench.answerText = text;
        bench.answerAt = performance.now();
      }, 0),
    );
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** Waits until `predicate()` is true, polling the Node side every 20 ms; throws after `timeout` ms. */
async function until(predicate, what, timeout = 120_000) {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Applies the profile's CPU and network throttling to a page (before it navigates). */
async function throttle(page, profile) {
  if (profile.cpu === 1 && !profile.network) return;
  const cdp = await page.context().newCDPSession(page);
  if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
}

/**
 * One visit of `site` in `context`: navigates a new tab, waits for the first
 * answer, checks it responds to a typed digit, waits for the visit to go
 * quiet, and returns its measures.
 */
async function visit(context, site, profile) {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Requests of the service worker and of dedicated workers, as playwright reports
  // them (the page's own are read from its Resource Timing, whose clock is the answer's).
  const received = [];
  const finished = async (request) => {
    try {
      const response = await request.response();
      if (!response || response.fromServiceWorker()) return;
      const sizes = await request.sizes();
      const timing = request.timing();
      const bytes = response.status() === 304 ? 0 : Math.max(0, sizes.responseBodySize);
      received.push({ url: request.url(), bytes, endWall: timing.startTime + timing.responseEnd, sw: !!request.serviceWorker() });
    } catch {
      // the tab closed first: nothing to count
    }
  };
  context.on('requestfinished', finished);
  await throttle(page, profile);
  site.server?.shapeServiceWorker(profile.network);
  const sentBefore = site.server?.tally.sent ?? 0;
  await page.goto(site.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.answerAt !== null, null, { polling: 50 });
  const first = await page.evaluate(() => ({
    at: window.__bench.answerAt,
    text: window.__bench.answerText,
    wall: performance.timeOrigin + window.__bench.answerAt,
  }));

  // Does it respond? Type a digit at the end of the volume box, as a person does.
  const box = page.locator(site.spec.input).first();
  await box.focus({ timeout: 30_000 }).catch(() => {
    throw new Error(`${site.name}: no box ${site.spec.input} to type into (--input)`);
  });
  await page.keyboard.press('End');
  const before = await page.evaluate(() => window.__bench.read());
  const typedAt = await page.evaluate(() => performance.now());
  await page.keyboard.type('9');
  const respondedAt = await page
    .waitForFunction(
      (previous) => {
        const text = window.__bench.read();
        if (text === null || text === previous) return false;
        return new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)));
      },
      before,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (respondedAt === null) throw new Error(`${site.name}: the answer did not change after a digit was typed`);
  // Undo it (Backspace), so that the repeat visit opens on the same inputs and answer.
  await page.keyboard.press('Backspace');
  await page.waitForFunction((previous) => window.__bench.read() === previous, before, { polling: 'raf', timeout: 30_000 });

  // The visit goes quiet: loaded, no requests for 500 ms, the service worker settled, our server idle 1 s.
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return;
    await new Promise((done) => {
      // Installed and activated, or given up (a failed install leaves nothing installing).
      const settled = () =>
        !registration.installing && !registration.waiting && (!registration.active || registration.active.state === 'activated');
      const poll = () => (settled() ? done() : setTimeout(poll, 50));
      poll();
    });
  });
  if (site.server) {
    const tally = site.server.tally;
    await until(() => tally.inFlight === 0 && Date.now() - tally.lastActivity >= 1000, `${site.name} to go quiet`);
  }
  const after = await page.evaluate(() => ({
    longTasks: window.__bench.longTasks,
    nodes: document.getElementsByTagName('*').length,
    // transferSize 0: from the HTTP cache; workerStart > 0: through the service worker (its fetches are counted as its own).
    fetched: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      url: e.name,
      bytes: e.transferSize > 0 && e.workerStart === 0 ? e.encodedBodySize : 0,
      end: e.responseEnd,
    })),
  }));
  context.off('requestfinished', finished);
  await page.close();

  // The page's fetches by Resource Timing; the workers' (not in it) and the service worker's by playwright.
  const bare = (url) => url.split('#')[0];
  const pageUrls = new Set(after.fetched.map((f) => bare(f.url)));
  const all = [
    ...after.fetched.map((f) => ({ ...f, from: 'page' })),
    ...received
      .filter((r) => r.sw || !pageUrls.has(bare(r.url)))
      .map((r) => ({ url: r.url, bytes: r.bytes, end: r.endWall - (first.wall - first.at), from: r.sw ? 'sw' : 'worker' })),
  ];
  if (process.env.FIRST_VISIT_DEBUG) {
    for (const r of all) {
      process.stderr.write(`  ${r.end <= first.at ? 'before' : 'after '} ${r.from} ${Math.round(r.end)} ms ${r.bytes} B ${r.url}\n`);
    }
    for (const r of received) process.stderr.write(`  (playwright ${r.sw ? 'sw' : 'frame'} ${Math.round(r.endWall - first.wall + first.at)} ms ${r.bytes} B ${r.url})\n`);
  }
  const beforeAnswer = all.filter((r) => r.end <= first.at).reduce((sum, r) => sum + r.bytes, 0);
  const browserTotal = all.reduce((sum, r) => sum + r.bytes, 0);
  return {
    answerMs: first.at,
    answerText: first.text,
    typedMs: respondedAt - typedAt,
    beforeAnswer,
    total: site.server ? site.server.tally.sent - sentBefore : browserTotal,
    ...longTaskSums(after.longTasks, first.at),
    nodes: after.nodes,
    errors,
  };
}

/** Long tasks (start, duration) before the answer and in the whole visit: counts and total ms (NaN if unsupported). */
function longTaskSums(tasks, answerAt) {
  if (!tasks) return { longTasks: NaN, longTaskMs: NaN, visitLongTasks: NaN, visitLongTaskMs: NaN };
  const early = tasks.filter(([start]) => start < answerAt);
  const total = (list) => list.reduce((sum, [, duration]) => sum + duration, 0);
  return { longTasks: early.length, longTaskMs: total(early), visitLongTasks: tasks.length, visitLongTaskMs: total(tasks) };
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kib = (bytes) => (bytes / 1024).toFixed(1);
const ms = (v) => (Number.isFinite(v) ? Math.round(v).toString() : '–');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sites = [];
  const ccplanServer = await serveGzip(options.ccplan, '/');
  sites.push({ name: 'ccplan', url: ccplanServer.url + options.page, server: ccplanServer, spec: options.spec });
  if (options.peer) {
    if (/^https?:\/\//.test(options.peer)) {
      sites.push({ name: 'peer', url: options.peer, server: null, spec: PEER_PAGE });
    } else {
      const prefix = options.peerPrefix ?? (await prefixOf(options.peer));
      const server = await serveGzip(options.peer, prefix);
      sites.push({ name: 'peer', url: server.url, server, spec: PEER_PAGE });
    }
  }
  const loadAtStart = loadavg()[0];
  const browser = await launch();
  const results = {}; // site → profile → visit kind → [measures]
  try {
    for (let run = 0; run < options.runs; run++) {
      for (const profileName of options.profiles) {
        const profile = PROFILES[profileName];
        const order = run % 2 ? [...sites].reverse() : sites;
        for (const site of order) {
          const context = await browser.newContext({ locale: 'en-US', ...profile.context });
          await context.addInitScript({ content: `(${observeInPage})(${site.spec.answer});` });
          try {
            for (const kind of ['cold', 'repeat']) {
              const measures = await visit(context, site, profile);
              ((results[site.name] ??= {})[profileName] ??= { cold: [], repeat: [] })[kind].push(measures);
              process.stderr.write(
                `run ${run + 1}/${options.runs} ${profileName} ${site.name} ${kind}: answer ${ms(measures.answerMs)} ms` +
                  ` (${measures.answerText.slice(0, 20)}), typed→answer ${ms(measures.typedMs)} ms,` +
                  ` ${kib(measures.beforeAnswer)} KiB before, ${kib(measures.total)} KiB visit,` +
                  ` long tasks ${measures.longTasks} before answer, ${measures.visitLongTasks} in visit, ${measures.nodes} nodes` +
                  (measures.errors.length ? `, page errors: ${measures.errors.join(' | ')}` : '') +
                  '\n',
              );
            }
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    for (const site of sites) await site.server?.close();
  }

  const lines = [
    `First visits, page ${options.page}, medians of ${options.runs} interleaved runs` +
      ` (ccplan: ${options.ccplan}${options.peer ? `; peer: ${options.peer}` : ''});` +
      ` load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, ${cpus().length} cores`,
    '',
    '| profile | site | visit | first answer (ms) | typed→answer (ms) | KiB before answer | KiB visit | long tasks before answer (n / ms) | long tasks in visit (n / ms) | DOM nodes |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const profileName of options.profiles) {
    for (const site of sites) {
      for (const kind of ['cold', 'repeat']) {
        const all = results[site.name][profileName][kind];
        const m = (key) => median(all.map((r) => r[key]));
        lines.push(
          `| ${PROFILES[profileName].label} | ${site.name} | ${kind} | ${ms(m('answerMs'))} | ${ms(m('typedMs'))} |` +
            ` ${kib(m('beforeAnswer'))} | ${kib(m('total'))} | ${m('longTasks')} / ${ms(m('longTaskMs'))} |` +
            ` ${m('visitLongTasks')} / ${ms(m('visitLongTaskMs'))} | ${m('nodes')} |`,
        );
      }
    }
  }
  console.log(lines.join('\n'));
}

await main();
