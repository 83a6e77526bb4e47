// What the scripts and tests that open the built page in Chromium share: the MIME
// types of dist/'s files, the flags Chromium runs with here (docs/toolchain-notes),
// and a server of one folder under a sub-path on 127.0.0.1 (a free port; nothing is
// cached; anything outside the folder or the sub-path is a 404).
// Used by scripts/prerender.mjs, tests/e2e/bench.mjs, tests/e2e/robust.mjs and
// tests/e2e/harness.mjs (which serves two folders and counts its 404s).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json',
};

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Answers `file` (200, no-store) or `notFound()`. */
export function sendFile(res, file, notFound) {
  fs.readFile(file, (err, data) => {
    if (err) return notFound();
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(data);
  });
}

/** Serves `dir` at `subPath` (with its slashes, e.g. '/bench/playground/'); resolves to the listening server. */
export function serveDir(dir, subPath) {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://localhost');
      const notFound = () => {
        res.writeHead(404);
        res.end();
      };
      const rel = decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html';
      const file = path.resolve(dir, rel);
      if (!url.pathname.startsWith(subPath) || !file.startsWith(dir + path.sep)) return notFound();
      sendFile(res, file, notFound);
    });
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}
