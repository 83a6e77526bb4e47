// The browser harness of tests/e2e/share.mjs: dist/ served under a sub-path
// (/docs/playground/) on a free port of 127.0.0.1, the documentation test pages
// of tests/e2e/pages/ under /docs/ (beside the playground, as a docs site would
// hold it), Debian's Chromium through playwright-core, and pages that record
// console errors, page errors, failed requests and 404s.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, sendFile } from '../../scripts/local-serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const PAGES = path.join(ROOT, 'tests/e2e/pages');
export const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
export const SUB_PATH = '/docs/playground/';


export const badRequests = [];
let server;
let browser;
export let base;
export let origin;

function serve() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://localhost');
      const notFound = () => {
        badRequests.push(`${req.method} ${url.pathname} -> 404`);
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      };
      let root;
      let rel;
      if (url.pathname.startsWith(SUB_PATH)) {
        root = DIST;
        rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
      } else if (url.pathname.startsWith('/docs/')) {
        root = PAGES;
        rel = decodeURIComponent(url.pathname.slice('/docs/'.length));
      } else {
        return notFound();
      }
      const file = path.resolve(root, rel);
      if (!file.startsWith(root + path.sep)) return notFound();
      sendFile(res, file, notFound);
    });
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

export async function start() {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run `make dist` first');
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve();
  origin = `http://127.0.0.1:${server.address().port}`;
  base = `${origin}${SUB_PATH}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export async function stop() {
  await browser?.close();
  server?.close();
}

/** A fresh context (its own storage), with clipboard access and downloads. */
export async function newContext({ colorScheme = 'light', width = 1280, height = 800, locale = 'en-US', serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    colorScheme,
    acceptDownloads: true,
    serviceWorkers,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return context;
}

/** A page of a context that records problems; `ready` waits for the first pod. */
export async function openIn(context, url = base, { ready = true } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(url);
  if (ready) await page.locator('#app[data-live] .pod-card').first().waitFor({ state: 'visible', timeout: 15_000 });
  return { page, problems };
}

/** A new context and a page in it. */
export async function openPage(url = base, opts = {}) {
  const context = await newContext(opts);
  badRequests.length = 0;
  const { page, problems } = await openIn(context, url, opts);
  page.close = ((close) => async () => {
    await close();
    await context.close();
  })(page.close.bind(page));
  return { page, problems, context };
}

export function assertClean(problems) {
  const all = [...problems, ...badRequests];
  assert.deepEqual(all, [], `the page reported problems:\n${all.join('\n')}`);
}

export async function shot(page, name, fullPage = true) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

export const editorOf = (page) => page.getByRole('textbox', { name: 'Job YAML' });
export const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Seconds shown by the virtual clock (`12s`, `2m05s`, `1h02m05s`). */
export async function clockSeconds(page) {
  const text = (await page.locator('.clock-value').innerText()).trim();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(\d+)s$/.exec(text);
  assert.ok(m, `clock text ${JSON.stringify(text)}`);
  return Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3]);
}

/** No horizontal scrolling at the page's width (elements inside scrollers excepted). */
export async function noSidewaysScroll(page, what) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const [overflow, wide] = await page.evaluate(() => {
    const w = window.innerWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .filter((e) => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`);
    return [document.documentElement.scrollWidth - w, out];
  });
  assert.ok(overflow <= 0, `no horizontal scrolling at ${page.viewportSize().width} px (${what}: overflow ${overflow}px: ${wide.join(', ')})`);
}
