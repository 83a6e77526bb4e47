// End-to-end tests of the built page (dist/) in Debian's Chromium, driven by
// playwright-core (never Playwright's own browser download). Run with
// `node tests/e2e/run.mjs` after `make dist`; `make test` does both.
//
// dist/ is served under a sub-path (/docs/playground/) on a free port of
// 127.0.0.1, so any absolute URL in the page shows up as a failed request. Every
// test fails on console errors, page errors and failed requests, except the panic
// test, which expects them. Screenshots go to tests/e2e/screenshots/ (not in git).
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const SUB_PATH = '/docs/playground/';
const PI_YAML = fs.readFileSync(path.join(ROOT, 'www/examples/pi.yaml'), 'utf8');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json',
};

let server;
let base;
let context;
let userDataDir;
const badRequests = [];

function serveDist() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://localhost');
      const notFound = () => {
        badRequests.push(`${req.method} ${url.pathname} -> 404`);
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      };
      if (!url.pathname.startsWith(SUB_PATH)) return notFound();
      const rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
      const file = path.resolve(DIST, rel);
      if (!file.startsWith(DIST + path.sep)) return notFound();
      fs.readFile(file, (err, data) => {
        if (err) return notFound();
        res.writeHead(200, {
          'content-type': MIME[path.extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(data);
      });
    });
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run `make dist` first');
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serveDist();
  base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  // A fresh, empty profile per run.
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobplay-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** A new page that records every console error, page error and failed request. */
async function openPage({ colorScheme = 'light', width = 1280, height = 800 } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height });
  badRequests.length = 0;
  await page.goto(base);
  await editorOf(page).waitFor({ state: 'visible', timeout: 15_000 });
  return { page, problems };
}

const editorOf = (page) => page.getByRole('textbox', { name: 'Job YAML' });
const runButtonOf = (page) => page.getByRole('button', { name: 'Run', exact: true });

function assertClean(problems) {
  const all = [...problems, ...badRequests];
  assert.deepEqual(all, [], `the page reported problems:\n${all.join('\n')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Seconds shown by the virtual clock (`t = 12s`, `t = 2m05s`). */
async function clockSeconds(page) {
  const text = (await page.locator('.clock').innerText()).replace(/\s+/g, ' ').trim();
  const m = /^t = (?:(\d+)h)?(?:(\d+)m)?(\d+)s$/.exec(text);
  assert.ok(m, `clock text ${JSON.stringify(text)}`);
  return Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3]);
}

test('the pi Job runs to Complete; screenshots light and dark, wide and narrow', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  const editor = editorOf(page);
  assert.match(await editor.inputValue(), /name: pi\n/);
  assert.match(await page.locator('.empty').innerText(), /Press Run/);

  await page.getByLabel('Speed').selectOption('100');
  await runButtonOf(page).click();

  const card = page.locator('.pod-card').first();
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await card.locator('.pod-name').innerText(), /^pi-[a-z0-9]{5}$/);

  const outcome = page.getByRole('status');
  await outcome.getByText(/^Job pi: Complete at t = \d+s$/).waitFor({ timeout: 30_000 });
  assert.match(await outcome.innerText(), /CompletionsReached/);
  assert.equal(await page.locator('.pod-card').count(), 1);
  assert.match(await card.locator('.pod-phase').innerText(), /Succeeded/);
  assert.equal(await card.getAttribute('data-phase'), 'Succeeded');
  const done = Number(/at t = (\d+)s/.exec(await outcome.innerText())[1]);
  assert.ok(done >= 10 && done <= 14, `the pi Job completes about t = 12s, not ${done}s`);
  // Once the run is over, the clock stops and nothing is left to pause.
  await page.getByRole('button', { name: 'Pause' }).waitFor({ state: 'detached', timeout: 5_000 });
  const end = await clockSeconds(page);
  await page.waitForTimeout(300);
  assert.equal(await clockSeconds(page), end, 'the clock stops once the run is over');

  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await shot(page, 'wide-light');
  const lightBg = await bg();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'wide-dark');
  const darkBg = await bg();
  assert.notEqual(lightBg, darkBg, 'prefers-color-scheme: dark changes the theme');

  await page.setViewportSize({ width: 375, height: 812 });
  await shot(page, 'narrow-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'narrow-light');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow}px)`);

  assertClean(problems);
  await page.close();
});

test('at 1x the clock follows real time, and Pause stops it', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await runButtonOf(page).click();
  await page.waitForTimeout(2_500);
  const t = await clockSeconds(page);
  assert.ok(t >= 1 && t <= 4, `after 2.5 s at 1x the clock says ${t}s`);
  assert.equal(await page.getByRole('status').innerText(), '');

  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clockSeconds(page);
  await page.waitForTimeout(1_500);
  assert.equal(await clockSeconds(page), paused, 'the clock stands still while paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.waitForTimeout(1_500);
  assert.ok((await clockSeconds(page)) > paused, 'the clock runs again after Resume');

  assertClean(problems);
  await page.close();
});

test('invalid YAML shows the problem with its line; Ctrl+Enter runs', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  const editor = editorOf(page);
  await editor.fill(PI_YAML.replace('backoffLimit: 4', 'backoffLimit: 4\n  parallelismm: 2'));
  await editor.press('Control+Enter');

  const alert = page.locator('#yaml-problems');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await alert.getAttribute('role'), 'alert');
  const text = await alert.innerText();
  assert.match(text, /Line \d+/);
  assert.match(text, /parallelismm/);
  assert.equal(await editor.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.pod-card').count(), 0);
  await shot(page, 'invalid-wide-light');

  // Fixing the text and running again clears the problems.
  await editor.fill(PI_YAML);
  await runButtonOf(page).click();
  await alert.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await editor.getAttribute('aria-invalid'), 'false');

  assertClean(problems);
  await page.close();
});

test('data-theme overrides the system theme', { timeout: 30_000 }, async () => {
  const { page, problems } = await openPage({ colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const dark = await bg();
  assert.notEqual(light, dark);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg(), dark);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  assert.equal(await bg(), light);
  assertClean(problems);
  await page.close();
});

test('a panic shows the error banner, not a dead page', { timeout: 30_000 }, async () => {
  const { page, problems } = await openPage();
  const banner = page.locator('#fatal');
  assert.equal(await banner.isVisible(), false);
  // The same module instance the page loaded: a panic inside the running app.
  await page.evaluate(async () => {
    const m = await import(new URL('./jobplay.js', document.baseURI).href);
    try {
      m.trigger_panic_for_test();
    } catch {
      // The panic aborts the wasm call (a RuntimeError); the banner is what matters.
    }
  });
  await banner.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.match(await banner.innerText(), /a test asked for this panic/);
  await shot(page, 'panic-wide-light');
  assert.ok(
    problems.some((p) => p.includes('a test asked for this panic')),
    `console_error_panic_hook logs the panic:\n${problems.join('\n')}`,
  );
  await page.close();
});
