// Prerenders the page's first paint into DIR/index.html: the page's real initial
// view (the default example `pi` at t = 0, as the wasm renders it), in English and
// in Korean, each as a <template> in index.html's <head>, which index.html's inline
// script shows before the wasm has loaded (see src/ui/paint.rs for when).
//
//   node scripts/prerender.mjs DIR      (scripts/build-web.sh runs it on the new site)
//
// How: DIR is served on 127.0.0.1 under a sub-path, Debian's Chromium (through
// playwright-core, service workers blocked, the YAML editor's files held back so
// that Yew's own markup is taken) opens it with empty storage and no fragment in
// each language, waits for the live page's first pod, then takes #app's markup
// (scripts/paint-capture.mjs). Nothing typed by anyone is in it: the context is
// fresh, and the text is checked to be the gallery's pi example, byte for byte.
//
// Without Chromium (CHROMIUM, default /usr/bin/chromium) or playwright-core, or
// when the browser cannot start, it prints a warning and leaves index.html without
// a prerender: the first paint is then the loading message, as before. A page that
// starts but does not render (a page error, no pod) fails the build.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureView } from './paint-capture.mjs';
import { CHROMIUM_ARGS, serveDir } from './local-serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '<!-- paint: scripts/prerender.mjs puts the prerendered views here -->';
const SUB_PATH = '/prerender/';
const LANGS = [['en', 'en-US'], ['ko', 'ko-KR']];

const dir = path.resolve(process.argv[2] || 'dist');
const indexFile = path.join(dir, 'index.html');
const index = fs.readFileSync(indexFile, 'utf8');
if (index.split(MARKER).length !== 2) {
  console.error(`prerender: ${indexFile} must hold the marker ${MARKER} once`);
  process.exit(1);
}
const write = (views) => fs.writeFileSync(indexFile, index.replace(MARKER, views.join('\n  ')));

function skip(why) {
  console.warn(`prerender: WARNING: ${why}; index.html has no prerendered view, so its first paint is the loading message`);
  write([]);
  process.exit(0);
}

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (scripts/setup.sh installs it)`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (npm ci)');
}

let browser;
try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
} catch (e) {
  skip(`Chromium at ${chromiumPath} did not start (${String(e.message || e).split('\n')[0]})`);
}

const pi = fs.readFileSync(path.join(ROOT, 'examples', 'pi.yaml'), 'utf8');
const server = await serveDir(dir, SUB_PATH);
const base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
const views = [];
try {
  for (const [lang, locale] of LANGS) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale,
      colorScheme: 'light',
      reducedMotion: 'no-preference',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/\/editor\.(js|css)$/.test(m.location().url)) problems.push(m.text());
    });
    // The editor enhances the textarea after the wasm starts; the prerender is the
    // page as Yew renders it, which the live page is again when the wasm takes over.
    await page.route(/\/editor\.(js|css)$/, (route) => route.abort());
    await page.goto(base);
    await page.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 60_000 });
    // Let the first effects and the debounced validation (300 ms) settle.
    await page.waitForTimeout(600);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const seen = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      text: document.getElementById('yaml-editor')?.value,
      pods: document.querySelectorAll('#app .pod-card').length,
    }));
    if (problems.length) throw new Error(`the page reported: ${problems.join('; ')}`);
    if (seen.lang !== lang) throw new Error(`the page opened in ${seen.lang}, not ${lang}`);
    if (seen.text !== pi) throw new Error('the editor does not hold the pi example');
    if (seen.pods < 1) throw new Error('no pod is shown');
    views.push(await page.evaluate(captureView, [lang, 'template']));
    await context.close();
  }
} catch (e) {
  console.error(`prerender: the page did not render its first view: ${e.message || e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
if (process.exitCode) process.exit();
write(views);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`prerender: index.html holds the first view in ${LANGS.map(([l]) => l).join(' and ')} (${views.map((v) => kb(Buffer.byteLength(v))).join(' + ')} raw)`);
