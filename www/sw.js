// The offline cache. On install, every file of this build is fetched (bypassing
// the HTTP cache) and kept under a cache name that carries the build's version,
// so one build's files are never mixed with another's: jobplay.js and
// jobplay_bg.wasm always come from the same build. scripts/build-web.sh writes
// VERSION (a hash of the files) and FILES. A new deploy has a new VERSION: the
// browser installs it beside the old one, then it takes over and deletes the
// old caches. Requests are answered from the cache first (a workshop on bad
// Wi-Fi still runs), and from the network for anything not cached; nothing
// fetched at run time is ever written to the cache, so a failed or foreign
// response cannot poison it.
const VERSION = '__BUILD_VERSION__';
const FILES = [/* __BUILD_FILES__ */];
const PREFIX = 'jobplay-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        FILES.map(async (file) => {
          const url = new URL(file, self.location).href;
          const res = await fetch(new Request(url, { cache: 'reload' }));
          if (!res.ok || res.type !== 'basic') throw new Error(`${file}: HTTP ${res.status}`);
          if (file.endsWith('.wasm') && !(res.headers.get('content-type') || '').includes('application/wasm')) {
            throw new Error(`${file} is not served as application/wasm`);
          }
          await cache.put(url, res);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      if (req.mode === 'navigate') {
        // The page under any name in the scope (index.html, the folder, a query).
        const page = await cache.match(new URL('./', scope).href);
        try {
          return await fetch(req);
        } catch (err) {
          if (page) return page;
          throw err;
        }
      }
      return fetch(req);
    })(),
  );
});
