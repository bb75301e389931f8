// ccplan's service worker: after the first visit the app loads and works
// with no network. Its scope is the folder it is served from, so it works
// at / and under a sub-path (a GitHub Pages project page) alike.
//
// On install it caches the page and every asset the page names (Trunk
// gives them content-hashed names; the whole app, which the first visit's
// app loads on demand, is named in a meta tag); afterwards it answers from
// the cache first and refreshes the cache from the network in the background.
// Stamped with the build by tools/stamp_build.sh: each deploy caches its own
// files together and the old deploy's cache is dropped when it activates.
const CACHE = 'ccplan-build-id';
// The Web Worker's loader is not named in the page, so it is listed here
// (the worker runs the whole app's glue and wasm, which the page names).
const WORKER_FILES = ['./worker_loader.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('./', { cache: 'no-cache' });
      const html = await page.clone().text();
      await cache.put('./', page);
      // Attribute values quoted or not (Trunk minifies the page in release builds), and the
      // names in the page's start script (Trunk.toml's pattern_script), in quotes.
      const assets = [...html.matchAll(/[='"`](\.\/[^"'`\s>?#]+\.(?:js|wasm|css))/g)].map((m) => m[1]);
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
  // Other files by their path: the worker's loader is asked for with the
  // page's wasm in its query string, and is one file whatever it says.
  const path = new URL(request.url);
  path.search = '';
  const key = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : path.href;
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
        // A response of no URL of its own: a worker started from it keeps the
        // URL it was asked for, query string and all (the loader reads it).
        return path.href === request.url ? cached : new Response(cached.body, cached);
      }
      return (await fresh) ?? new Response('ccplan is offline and this file was never cached.', { status: 503 });
    })(),
  );
});
