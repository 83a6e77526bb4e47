// The offline cache. On install, every file of this build is fetched (from the
// HTTP cache when it holds this build's bytes, checked by SHA-256, else from the
// server) and kept under a cache name that carries the build's version, so one
// build's files are never mixed with another's: jobplay.js and jobplay_bg.wasm
// always come from the same build. scripts/build-web.sh writes VERSION (a hash
// of the files) and FILES. A new deploy has a new VERSION: the
// browser installs it beside the old one, then it takes over and deletes the
// old caches. Requests are answered from the cache first (a workshop on bad
// Wi-Fi still runs), and from the network for anything not cached; nothing
// fetched at run time is ever written to the cache, so a failed or foreign
// response cannot poison it.
const VERSION = '__BUILD_VERSION__';
// [path, SHA-256] of every file of this build.
const FILES = [/* __BUILD_FILES__ */];
const PREFIX = 'jobplay-';
const CACHE = `${PREFIX}${VERSION}`;

// What the page downloaded a moment ago is usually still in the HTTP cache: take
// it from there (no second download of the wasm), and check it against the
// build's SHA-256; only a file that is not this build's (a stale HTTP cache after
// a deploy) is fetched again past the cache.
async function hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchChecked(file, sha) {
  const url = new URL(file, self.location).href;
  for (const cache of ['default', 'reload']) {
    const res = await fetch(new Request(url, { cache }));
    if (!res.ok || res.type !== 'basic') throw new Error(`${file}: HTTP ${res.status}`);
    if (file.endsWith('.wasm') && !(res.headers.get('content-type') || '').includes('application/wasm')) {
      throw new Error(`${file} is not served as application/wasm`);
    }
    const body = await res.clone().arrayBuffer();
    if ((await hex(body)) === sha) return [url, res];
  }
  throw new Error(`${file} on the server is not this build's`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const got = await Promise.all(FILES.map(([file, sha]) => fetchChecked(file, sha)));
      const cache = await caches.open(CACHE);
      await Promise.all(got.map(([url, res]) => cache.put(url, res)));
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
