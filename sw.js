// ccplan's service worker: after the first visit the app loads and works
// with no network. Its scope is the folder it is served from, so it works
// at / and under a sub-path (a GitHub Pages project page) alike.
//
// On install it caches the page and every asset the page names (Trunk
// gives them content-hashed names); afterwards it answers from the cache
// first and refreshes the cache from the network in the background.
const CACHE = 'ccplan-v2';
// The Web Worker's files are not named in the page (Trunk writes them
// without a hash), so they are listed here.
const WORKER_FILES = ['./worker.js', './worker_bg.wasm', './worker_loader.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('./', { cache: 'no-cache' });
      const html = await page.clone().text();
      await cache.put('./', page);
      const assets = [...html.matchAll(/["'](\.\/[^"'?#]+\.(?:js|wasm|css))["']/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...assets, ...WORKER_FILES])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app is the same document (routes live in the fragment).
  const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      const fresh = fetch(request)
        .then(async (response) => {
          if (response.ok) await cache.put(key, response.clone());
          return response;
        })
        .catch(() => undefined);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) ?? new Response('ccplan is offline and this file was never cached.', { status: 503 });
    })(),
  );
});
