// Browser tests of www/editor.js in Debian's Chromium, driven by playwright-core
// (never Playwright's own browser download). Run: node --test tests/js/editor.e2e.mjs
//
// A tiny server on 127.0.0.1 serves the repository's www/ and tests/js/ (the
// demo page, tests/js/editor-demo.html) and, when dist/ has been built, the real
// page under /docs/playground/ with the current www/editor.js beside it.
// Screenshots go to tests/js/screenshots/ (not in git). Timings are printed,
// never asserted. Environment: CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'tests/js/screenshots');
const DIST = path.join(ROOT, 'dist');
const HAVE_DIST = fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(path.join(DIST, 'jobplay_bg.wasm'));
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
};

let server;
let origin;
let context;
let userDataDir;

/** Maps a URL path to a file: /www/* and /tests/js/* from the checkout, /docs/playground/* from dist/. */
function fileFor(pathname) {
  const under = (dir, rel) => {
    const file = path.resolve(dir, rel || 'index.html');
    return file.startsWith(dir + path.sep) ? file : null;
  };
  if (pathname.startsWith('/docs/playground/')) {
    const rel = pathname.slice('/docs/playground/'.length);
    // The module under test, not whatever copy the last build left in dist/.
    if (rel === 'editor.js' || rel === 'editor.css') return path.join(ROOT, 'www', rel);
    return under(DIST, rel);
  }
  for (const dir of ['www', 'tests/js']) {
    if (pathname.startsWith(`/${dir}/`)) return under(path.join(ROOT, dir), pathname.slice(dir.length + 2));
  }
  return null;
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = http.createServer((req, res) => {
    const file = fileFor(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    fs.readFile(file || '/nonexistent', (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobplay-editor-'));
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

/** The demo page; fails the test on any console error, page error or failed request. */
async function openDemo({ query = '', colorScheme = 'light', width = 1280, height = 800 } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height });
  await page.goto(`${origin}/tests/js/editor-demo.html${query}`);
  await page.locator('html[data-ready="yes"]').waitFor({ state: 'attached' });
  await page.locator('.ed-pre > div').first().waitFor();
  return { page, problems, ta: page.getByRole('textbox', { name: 'Job YAML' }) };
}

const clean = (problems) => assert.deepEqual(problems, [], problems.join('\n'));
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Sets the text as a page would: the native setter (which the editor does not see) and a new data-rev. */
async function setText(page, text) {
  await page.evaluate((t) => {
    const ta = document.getElementById('yaml-editor');
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(ta, t);
    ta.dataset.rev = String(Number(ta.dataset.rev || 0) + 1);
  }, text);
  await nextFrame(page);
}

/** Puts the caret at the end of line `line` (1-based) and focuses the textarea. */
async function caretAtEndOf(page, line) {
  await page.evaluate((n) => {
    const ta = document.getElementById('yaml-editor');
    ta.focus();
    const lines = ta.value.split('\n');
    const at = lines.slice(0, n).join('\n').length;
    ta.setSelectionRange(at, at);
  }, line);
}

const overlayLine = (page, line) =>
  page.evaluate((n) => {
    const first = Number(document.querySelector('.ed-gin > div')?.textContent.match(/^\d+/)[0]);
    return document.querySelector('.ed-pre').children[n - first]?.textContent;
  }, line);

test('colours: keys, comments, strings, numbers, booleans (yes/no too), anchors, markers', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const texts = (cls) => page.locator(`.ed-pre .ed-${cls}`).allTextContents();
  assert.ok((await texts('key')).includes('apiVersion'));
  assert.ok((await texts('key')).includes('restartPolicy'));
  assert.match((await texts('com'))[0], /^# The documentation's first Job/);
  assert.ok((await texts('com')).some((t) => t.startsWith('# YAML 1.1')));
  assert.ok((await texts('str')).includes('"perl"'));
  assert.ok((await texts('str')).some((t) => t.startsWith('echo "multi-line: kept')), 'a block scalar line is a string');
  assert.ok((await texts('block')).includes('|'));
  assert.deepEqual(await texts('num'), ['4']);
  assert.deepEqual(await texts('bool'), ['no']);
  assert.deepEqual(await texts('null'), ['~']);
  assert.deepEqual(await texts('anchor'), ['&labels']);
  assert.deepEqual(await texts('alias'), ['*labels']);
  assert.deepEqual(await texts('doc'), ['---']);
  assert.deepEqual(await texts('tag'), ['!!str']);
  assert.ok((await texts('dash')).length >= 2);
  // The overlay shows exactly the textarea's lines.
  const value = await ta.inputValue();
  const shown = await page.locator('.ed-pre > div').allTextContents();
  assert.deepEqual(shown, value.split('\n'));
  assert.deepEqual(await page.locator('.ed-gl').allTextContents(), value.split('\n').map((_, i) => String(i + 1)));
  // Token colours differ from plain text, in both themes.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const colours = await page.evaluate(() =>
      ['key', 'str', 'num', 'bool', 'com', 'anchor', 'doc', 'tag'].map((c) => getComputedStyle(document.querySelector(`.ed-pre .ed-${c}`)).color),
    );
    assert.equal(new Set(colours).size, colours.length, `${scheme}: ${colours}`);
  }
  // The textarea is still the accessible control; the overlay is hidden from assistive technology.
  assert.equal(await page.locator('.ed-root').getAttribute('aria-hidden'), 'true');
  assert.equal(await ta.evaluate((t) => getComputedStyle(t).color), 'rgba(0, 0, 0, 0)');
  assert.notEqual(await ta.evaluate((t) => getComputedStyle(t).caretColor), 'rgba(0, 0, 0, 0)', 'the caret stays visible');
  clean(problems);
  await page.close();
});

test('Enter keeps and adds indentation; Ctrl+Z undoes the auto-indent', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  await setText(page, 'spec:');
  await caretAtEndOf(page, 1);
  const inputs = await page.evaluate(() => window.inputs);
  await page.keyboard.press('Enter');
  assert.equal(await ta.inputValue(), 'spec:\n  ');
  assert.ok((await page.evaluate(() => window.inputs)) > inputs, 'the page saw the input event');
  await page.keyboard.type('template:');
  await page.keyboard.press('Enter');
  assert.equal(await ta.inputValue(), 'spec:\n  template:\n    ');
  await page.keyboard.type('containers:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- name: pi');
  await page.keyboard.press('Enter');
  assert.equal(await ta.inputValue(), 'spec:\n  template:\n    containers:\n      - name: pi\n        ');
  await page.keyboard.type('args:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- one');
  await page.keyboard.press('Enter');
  assert.equal((await ta.inputValue()).split('\n').at(-1), '          - ', 'a scalar item continues the list');
  await setText(page, '    containers:\n    - name: pi');
  await caretAtEndOf(page, 2);
  await page.keyboard.press('Enter');
  assert.equal(await ta.inputValue(), '    containers:\n    - name: pi\n      ', 'aligned with the item\'s key');

  // Undo: the auto-indent goes away in one step, and the text typed before it stays.
  await setText(page, '');
  await caretAtEndOf(page, 1);
  await page.keyboard.type('spec:');
  await page.keyboard.press('Enter');
  assert.equal(await ta.inputValue(), 'spec:\n  ');
  await page.keyboard.press('Control+z');
  assert.equal(await ta.inputValue(), 'spec:');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await ta.inputValue(), 'spec:\n  ', 'redo');
  await nextFrame(page);
  assert.equal(await overlayLine(page, 2), '  ', 'the overlay follows undo and redo');
  // While an IME composes (Hangul), Enter, Tab and Backspace belong to it.
  const untouched = await ta.evaluate((t) =>
    ['Enter', 'Tab', 'Backspace', '['].map((key) => {
      const e = new KeyboardEvent('keydown', { key, isComposing: true, bubbles: true, cancelable: true });
      t.dispatchEvent(e);
      return !e.defaultPrevented;
    }),
  );
  assert.deepEqual(untouched, [true, true, true, true]);
  assert.equal(await ta.inputValue(), 'spec:\n  ');
  clean(problems);
  await page.close();
});

test('Tab and Shift+Tab indent lines; Esc then Tab leaves; the hint shows while focused', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const hint = page.locator('.ed-hint');
  assert.equal(await hint.isVisible(), false, 'no hint without focus');
  await setText(page, 'a: 1\nb: 2\nc: 3');
  await caretAtEndOf(page, 1);
  assert.equal(await hint.isVisible(), true);
  assert.equal(await hint.innerText(), 'Tab indents · Esc then Tab leaves the editor');
  const ring = await page.locator('.ed-frame').evaluate((e) => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]);
  assert.deepEqual(ring, ['solid', '3px'], 'a focus ring around gutter and text');
  await page.keyboard.press('Tab');
  assert.equal(await ta.inputValue(), 'a: 1  \nb: 2\nc: 3', 'Tab at a caret inserts two spaces');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'yaml-editor');
  await page.keyboard.press('Control+z');
  // Select lines 1-2 and indent, then outdent.
  await ta.evaluate((t) => t.setSelectionRange(0, 7));
  await page.keyboard.press('Tab');
  assert.equal(await ta.inputValue(), '  a: 1\n  b: 2\nc: 3');
  assert.deepEqual(await ta.evaluate((t) => [t.selectionStart, t.selectionEnd]), [2, 11]);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await ta.inputValue(), 'a: 1\nb: 2\nc: 3');
  await nextFrame(page);
  assert.equal(await overlayLine(page, 2), 'b: 2');

  // Backspace in the indentation removes two spaces.
  await setText(page, 'a:\n      b');
  await ta.evaluate((t) => t.setSelectionRange(9, 9));
  await page.keyboard.press('Backspace');
  assert.equal(await ta.inputValue(), 'a:\n    b');

  // Esc, then Tab: focus moves on to the next button, and Shift+Tab comes back.
  await page.keyboard.press('Escape');
  assert.match(await hint.innerText(), /Tab now leaves/);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after');
  assert.equal(await ta.inputValue(), 'a:\n    b', 'leaving did not edit');
  assert.equal(await hint.isVisible(), false);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'yaml-editor');
  // Esc only lasts until the next key.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'yaml-editor');
  // The hint describes the textarea to screen readers.
  const described = await ta.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${described}`).getAttribute('class'), 'ed-hint ed-on');
  clean(problems);
  await page.close();

  const ko = await openDemo({ query: '?lang=ko' });
  await ko.ta.focus();
  assert.equal(await ko.page.locator('.ed-hint').innerText(), 'Tab은 들여쓰기 · Esc 다음 Tab으로 편집기를 벗어납니다');
  clean(ko.problems);
  await ko.page.close();
});

test('brackets and quotes close themselves and are typed over', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  await setText(page, '');
  await caretAtEndOf(page, 1);
  await page.keyboard.type('command: [');
  assert.equal(await ta.inputValue(), 'command: []');
  await page.keyboard.type('"sh');
  assert.equal(await ta.inputValue(), 'command: ["sh"]');
  await page.keyboard.type('", {');
  assert.equal(await ta.inputValue(), 'command: ["sh", {}]');
  await page.keyboard.type('a: 1}]');
  assert.equal(await ta.inputValue(), 'command: ["sh", {a: 1}]', 'closers are typed over');
  await page.keyboard.type(" # it's");
  assert.equal(await ta.inputValue(), 'command: ["sh", {a: 1}] # it\'s', 'no pair for an apostrophe');
  // Backspace between a pair removes both.
  await page.keyboard.type(' [');
  await page.keyboard.press('Backspace');
  assert.equal(await ta.inputValue(), 'command: ["sh", {a: 1}] # it\'s ');
  // Ctrl+Enter runs (onRun) and inserts nothing.
  const before = await ta.inputValue();
  await page.keyboard.press('Control+Enter');
  assert.equal(await page.evaluate(() => window.runs), 1);
  await page.keyboard.press('Meta+Enter');
  assert.equal(await page.evaluate(() => window.runs), 2, 'Cmd+Enter on a Mac');
  assert.equal(await ta.inputValue(), before);
  clean(problems);
  await page.close();
});

test('diagnostics: gutter markers with titles, underlines, tooltips; moved with edits', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  await setText(page, 'apiVersion: batch/v1\nkind: Job\nspec:\n  parallelismm: 2\n  backoffLimit: 4\n');
  await ta.evaluate((t) =>
    t.setAttribute(
      'data-diagnostics',
      JSON.stringify([
        { line: 4, column: 3, severity: 'error', message: 'unknown field "parallelismm"' },
        { line: 2, severity: 'warning', message: 'kind <b>Job</b> <img src=x onerror="window.pwned=1">' },
      ]),
    ),
  );
  await nextFrame(page);
  const err = page.locator('.ed-mk.ed-mke');
  const warn = page.locator('.ed-mk.ed-mkw');
  assert.equal(await err.count(), 1);
  assert.equal(await warn.count(), 1);
  assert.equal(await err.getAttribute('title'), 'Error: unknown field "parallelismm"');
  assert.equal(await warn.getAttribute('title'), 'Warning: kind <b>Job</b> <img src=x onerror="window.pwned=1">');
  assert.equal(await err.innerText(), '×');
  assert.equal(await warn.innerText(), '!');
  assert.equal(await page.locator('.ed-gl', { has: err }).innerText(), '4\n×');
  // The error line is underlined from column 3; the warning line from its first letter.
  assert.deepEqual(await page.locator('.ed-pre .ed-u.ed-ue').allTextContents(), ['parallelismm: 2']);
  assert.deepEqual(await page.locator('.ed-pre .ed-u.ed-uw').allTextContents(), ['kind: Job']);
  const deco = await page.locator('.ed-u.ed-ue').evaluate((e) => getComputedStyle(e).textDecorationStyle);
  assert.equal(deco, 'wavy');
  // Hovering over the underlined line shows the message.
  const box = await ta.boundingBox();
  const lh = await ta.evaluate((t) => parseFloat(getComputedStyle(t).lineHeight));
  const padTop = await ta.evaluate((t) => parseFloat(getComputedStyle(t).paddingTop));
  await page.mouse.move(box.x + 60, box.y + padTop + 3.5 * lh);
  const tip = page.locator('.ed-tip');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.innerText(), 'Error: unknown field "parallelismm"');
  await page.mouse.move(box.x + 60, box.y + padTop + 2.5 * lh);
  assert.equal(await tip.isVisible(), false);
  await page.mouse.move(box.x + 60, box.y + padTop + 1.5 * lh);
  assert.match(await tip.innerText(), /^Warning: kind <b>Job<\/b>/);
  await shot(page, 'diagnostics-light');
  // Inserting a line above moves the marker down with its line.
  await caretAtEndOf(page, 1);
  await page.keyboard.press('Enter');
  await nextFrame(page);
  assert.equal(await page.locator('.ed-gl', { has: page.locator('.ed-mke') }).innerText(), '5\n×');
  // setDiagnostics() and an empty list.
  await page.evaluate(() => window.handle.setDiagnostics([{ line: 1, severity: 'error', message: 'via the API' }]));
  await nextFrame(page);
  assert.equal(await page.locator('.ed-mk').getAttribute('title'), 'Error: via the API');
  await ta.evaluate((t) => t.setAttribute('data-diagnostics', 'not json'));
  await nextFrame(page);
  assert.equal(await page.locator('.ed-mk').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  clean(problems);
  await page.close();
});

test('typed HTML is shown as text, never parsed', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  await setText(page, 'a: 1\n');
  await caretAtEndOf(page, 2);
  await page.keyboard.type(`x: ${payload}`);
  await nextFrame(page);
  assert.equal(await overlayLine(page, 2), `x: ${payload}`);
  assert.equal(await page.locator('.ed-root img, .ed-root script').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.match(await ta.inputValue(), /x: <img src=x onerror="window\.pwned=1">/);
  clean(problems);
  await page.close();
});

/** Pixels where the textarea's own text (made black) and the overlay's (made black) differ. */
async function alignment(page) {
  await page.evaluate(() => {
    if (document.getElementById('align-css')) return;
    const s = document.createElement('style');
    s.id = 'align-css';
    s.textContent = `
      html.show-ta textarea[data-ed] { color: #000 !important; }
      html.show-ta .ed-pre { visibility: hidden; }
      html.show-pre .ed-pre, html.show-pre .ed-pre * { color: #000 !important; text-decoration: none !important; }
      html.nudge .ed-pre { margin-top: 1px; }`;
    document.head.append(s);
    document.activeElement?.blur();
  });
  const clip = await page.locator('.ed-code').boundingBox();
  const grab = async (cls) => {
    await page.evaluate((c) => (document.documentElement.className = c), cls);
    return (await page.screenshot({ clip })).toString('base64');
  };
  const a = await grab('show-ta');
  const b = await grab('show-pre');
  const nudged = await grab('show-pre nudge');
  await page.evaluate(() => (document.documentElement.className = ''));
  return page.evaluate(
    async ([a, b, nudged]) => {
      const pixels = async (b64) => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
        c.drawImage(img, 0, 0);
        return c.getImageData(0, 0, img.width, img.height).data;
      };
      const [A, B, N] = await Promise.all([a, b, nudged].map(pixels));
      const differ = (X, Y) => {
        let n = 0;
        for (let i = 0; i < X.length; i += 4) {
          if (Math.max(Math.abs(X[i] - Y[i]), Math.abs(X[i + 1] - Y[i + 1]), Math.abs(X[i + 2] - Y[i + 2])) > 96) n++;
        }
        return n;
      };
      let ink = 0;
      for (let i = 0; i < A.length; i += 4) if (A[i] + A[i + 1] + A[i + 2] < 300) ink++;
      return { ink, diff: differ(A, B), nudged: differ(A, N) };
    },
    [a, b, nudged],
  );
}

test('the overlay lines up with the textarea text: top, deep, scrolled sideways, resized', { timeout: 60_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const lines = [];
  for (let i = 1; i <= 2000; i++) {
    const pad = ' '.repeat((i % 5) * 2);
    lines.push(i % 7 === 0 ? `${pad}# comment ${i}\twith a tab` : i % 11 === 0 ? `${pad}- "item ${i}": [1, 2.5, yes, ~]` : `${pad}key${i}: value ${i} ${'x'.repeat(i % 40)}`);
  }
  lines[1000] = '    long: ' + 'abcdefghij'.repeat(40) + ' END';
  await setText(page, lines.join('\n'));
  const check = async (label) => {
    await nextFrame(page);
    const r = await alignment(page);
    console.log(`# alignment ${label}: ${r.diff} differing pixels of ${r.ink} ink pixels (overlay nudged by 1px: ${r.nudged})`);
    assert.ok(r.ink > 500, `${label}: there is text to compare`);
    assert.ok(r.nudged > r.ink / 4, `${label}: the comparison notices a 1px shift`);
    assert.ok(r.diff <= r.ink / 50, `${label}: ${r.diff} of ${r.ink} ink pixels differ`);
  };
  await check('top');
  await ta.evaluate((t) => (t.scrollTop = 990 * parseFloat(getComputedStyle(t).lineHeight)));
  await check('line ~1000');
  await ta.evaluate((t) => (t.scrollLeft = 250));
  await check('line ~1000, scrolled 250px sideways');
  await ta.evaluate((t) => (t.scrollTop = t.scrollHeight));
  await check('bottom');
  // The textarea resized (its resize handle) and the window narrowed.
  await ta.evaluate((t) => (t.style.height = '500px'));
  await page.setViewportSize({ width: 375, height: 812 });
  await ta.evaluate((t) => ((t.scrollTop = 500 * 21), (t.scrollLeft = 40)));
  await check('375px wide, resized');
  const frame = await page.locator('.ed-frame').boundingBox();
  const box = await ta.boundingBox();
  assert.ok(Math.abs(frame.x + frame.width - (box.x + box.width)) < 0.5 && Math.abs(frame.height - box.height) < 0.5, 'the frame follows the textarea');
  clean(problems);
  await page.close();
});

/**
 * Timings of the next keystrokes: keydown to input (our keydown handler and
 * Chrome's own edit of the textarea), our input handler, our redraw in the next
 * animation frame, and keydown to after that frame's layout and paint.
 */
async function instrument(page) {
  await page.evaluate(() => {
    window.timings = [];
    let k0 = 0;
    let i0 = 0;
    let a = 0;
    window.addEventListener('keydown', () => (k0 = performance.now()), true);
    window.addEventListener('input', () => ((i0 = performance.now()), requestAnimationFrame(() => (a = performance.now()))), true);
    window.addEventListener('input', () => {
      const t = { edit: i0 - k0, input: performance.now() - i0 };
      const start = k0;
      requestAnimationFrame(() => {
        t.redraw = performance.now() - a;
        setTimeout(() => window.timings.push({ ...t, total: performance.now() - start }));
      });
    });
  });
}
const fmt = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return `median ${s[s.length >> 1].toFixed(2)} ms, max ${s.at(-1).toFixed(2)} ms`;
};

test('large files: 2,000 lines and 3 MB stay responsive (timings printed)', { timeout: 120_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const job = fs.readFileSync(path.join(ROOT, 'www/examples/pi.yaml'), 'utf8');
  const docs = (n) => Array.from({ length: n }, (_, i) => job.replace('name: pi', `name: pi-${i}`)).join('---\n');
  await instrument(page);

  const small = docs(Math.ceil(2000 / job.split('\n').length));
  await setText(page, small);
  await caretAtEndOf(page, 1000);
  await page.keyboard.type('abcdefghij');
  await page.keyboard.press('Enter');
  let t = await page.evaluate(() => window.timings.splice(0));
  console.log(`# ${small.split('\n').length} lines: keydown to input ${fmt(t.map((x) => x.edit))}; editor input handler ${fmt(t.map((x) => x.input))}; editor redraw ${fmt(t.map((x) => x.redraw))}; keydown to painted ${fmt(t.map((x) => x.total))}`);

  let big = docs(1);
  while (big.length < 3 * 1024 * 1024) big += '---\n' + big;
  big = big.slice(0, 3 * 1024 * 1024);
  big = big.slice(0, big.lastIndexOf('\n') + 1);
  const n = big.split('\n').length;
  // Milliseconds until painted: setting the text, then jumping to its middle.
  const loadAndJump = (text) =>
    page.evaluate(async (text) => {
      const ta = document.getElementById('yaml-editor');
      const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t0 = performance.now();
      ta.value = text; // the page's way: the editor follows the value property
      await painted();
      const t1 = performance.now();
      ta.scrollTop = ta.scrollHeight / 2;
      await painted();
      return `load ${(t1 - t0).toFixed(0)} ms, jump to the middle ${(performance.now() - t1).toFixed(0)} ms`;
    }, text);
  console.log(`# 3 MB (${big.length} bytes, ${n} lines): ${await loadAndJump(big)}`);
  assert.equal(await ta.evaluate((t) => t.value.length), big.length);
  await caretAtEndOf(page, Math.floor(n / 2));
  await ta.evaluate((t) => t.blur());
  await caretAtEndOf(page, Math.floor(n / 2));
  await page.evaluate(() => window.timings.splice(0));
  await page.keyboard.type('abcdefghij');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Backspace');
  t = await page.evaluate(() => window.timings.splice(0));
  assert.ok(t.length >= 13, `${t.length} input events`); // Chrome sends two for a newline
  console.log(`# 3 MB keystrokes: keydown to input (editor keydown + Chrome's own edit) ${fmt(t.map((x) => x.edit))}; editor input handler ${fmt(t.map((x) => x.input))}; editor redraw ${fmt(t.map((x) => x.redraw))}; keydown to painted ${fmt(t.map((x) => x.total))}`);
  const line = await overlayLine(page, Math.floor(n / 2));
  assert.match(line, /abcdefghij$/);
  assert.ok((await page.locator('.ed-pre > div').count()) < 120, 'only the lines in view (and a margin) are drawn');
  // A keystroke near the top does not redo the whole file.
  await caretAtEndOf(page, 3);
  await page.evaluate(() => window.timings.splice(0));
  await page.keyboard.type('"');
  t = await page.evaluate(() => window.timings.splice(0));
  console.log(`# 3 MB, an unclosed quote at the top: input handler ${fmt(t.map((x) => x.input))}, redraw ${fmt(t.map((x) => x.redraw))}`);
  // For comparison: the same keystrokes in the plain textarea, without the editor.
  await page.evaluate(() => window.handle.destroy());
  await caretAtEndOf(page, Math.floor(n / 2) + 10);
  await page.evaluate(() => window.timings.splice(0));
  await page.keyboard.type('abcdefghij');
  t = await page.evaluate(() => window.timings.splice(0));
  console.log(`# 3 MB in the plain textarea (no editor): keydown to input ${fmt(t.map((x) => x.edit))}; keydown to painted ${fmt(t.map((x) => x.total))}`);
  await loadAndJump('');
  console.log(`# 3 MB in the plain textarea (no editor): ${await loadAndJump(big)}`);
  clean(problems);
  await page.close();
});

test('the page sets text: data-rev, the value property, data-diagnostics', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  await setText(page, 'one: 1\ntwo: 2');
  assert.deepEqual(await page.locator('.ed-pre > div').allTextContents(), ['one: 1', 'two: 2']);
  await ta.evaluate((t) => (t.value = 'three: 3'));
  await nextFrame(page);
  assert.deepEqual(await page.locator('.ed-pre > div').allTextContents(), ['three: 3']);
  // Playwright's fill() behaves like a person pasting.
  await ta.fill('four: 4\nfive: 5');
  await nextFrame(page);
  assert.deepEqual(await page.locator('.ed-pre > div').allTextContents(), ['four: 4', 'five: 5']);
  clean(problems);
  await page.close();
});

test('a broken overlay leaves a plain, working textarea with all its text', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  const text = await ta.inputValue();
  await page.evaluate(() => document.querySelector('.ed-root').remove()); // someone else's code
  await caretAtEndOf(page, 1);
  await page.keyboard.type('!');
  await nextFrame(page);
  assert.equal(await ta.getAttribute('data-ed'), null, 'the enhancement is off');
  assert.notEqual(await ta.evaluate((t) => getComputedStyle(t).color), 'rgba(0, 0, 0, 0)', 'the text is visible');
  assert.equal(await page.locator('.ed-hint').count(), 0);
  assert.equal(await ta.inputValue(), text.replace('\n', '!\n'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after', 'plain Tab moves focus again');
  assert.ok(messages.some((m) => m.includes('falling back to the plain textarea')));
  clean(problems);
  await page.close();
});

test('autoEnhance: now, later, and cleaned up when the textarea goes', { timeout: 30_000 }, async () => {
  const { page, problems, ta } = await openDemo({ query: '?mode=auto' });
  assert.equal(await ta.getAttribute('data-ed'), '');
  await caretAtEndOf(page, 1);
  await page.keyboard.press('Control+Enter');
  assert.equal(await page.evaluate(() => window.runs), 1, "the page's own Ctrl+Enter runs once");
  await page.evaluate(() => {
    const t = document.createElement('textarea');
    t.id = 'late';
    t.className = 'yaml-editor';
    t.value = 'late: true';
    document.querySelector('.editor-panel').append(t);
    setTimeout(() => t.setAttribute('data-editor', 'yaml'), 10);
  });
  await page.locator('#late[data-ed]').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.equal(await page.locator('.ed-root').count(), 2);
  assert.deepEqual(await page.locator('.ed-root').nth(1).locator('.ed-pre > div').allTextContents(), ['late: true']);
  await page.evaluate(() => document.getElementById('late').remove());
  await page.waitForFunction(() => document.querySelectorAll('.ed-root').length === 1);
  assert.equal(await page.locator('.ed-hint').count(), 1);
  clean(problems);
  await page.close();
});

test('screenshots: light, dark, data-theme, 375 px, focused with a diagnostic', { timeout: 60_000 }, async () => {
  const { page, problems, ta } = await openDemo();
  await ta.evaluate((t) =>
    t.setAttribute('data-diagnostics', JSON.stringify([
      { line: 15, column: 28, severity: 'error', message: 'spec.template.spec.containers[0].command: two spaces' },
      { line: 21, severity: 'warning', message: '"no" is a boolean to kubectl; quote it for the string' },
    ])),
  );
  await caretAtEndOf(page, 8);
  await nextFrame(page);
  await shot(page, 'wide-light');
  const bg = () => page.locator('.ed-frame').evaluate((e) => getComputedStyle(e).backgroundColor);
  const light = await bg();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'wide-dark');
  const dark = await bg();
  assert.notEqual(light, dark);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  assert.equal(await bg(), light, 'data-theme="light" beats a dark system');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  assert.equal(await bg(), dark, 'data-theme="dark" beats a light system');
  await page.setViewportSize({ width: 375, height: 812 });
  await nextFrame(page);
  await shot(page, 'narrow-dark');
  await page.evaluate(() => delete document.documentElement.dataset.theme);
  await nextFrame(page);
  await shot(page, 'narrow-light');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 375 px (overflow ${overflow}px)`);
  // Scrolled sideways at 375 px: the gutter stays, the text slides under nothing.
  await ta.evaluate((t) => (t.scrollLeft = 120));
  await nextFrame(page);
  await shot(page, 'narrow-light-scrolled');
  clean(problems);
  await page.close();
});

test('inside the real page (dist/): Yew keeps working with the editor', { timeout: 90_000, skip: !HAVE_DIST && 'dist/ is not built' }, async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${origin}/docs/playground/`);
  const ta = page.getByRole('textbox', { name: 'Job YAML' });
  await ta.waitFor();
  // What the page engineer will do: the stylesheet, the attribute, the module.
  await page.evaluate(async () => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: './editor.css' });
    await new Promise((r) => ((link.onload = r), document.head.append(link)));
    document.getElementById('yaml-editor').setAttribute('data-editor', 'yaml');
    const m = await import(new URL('./editor.js', document.baseURI).href);
    m.autoEnhance();
  });
  await page.locator('.ed-pre > div').first().waitFor();
  const value = await ta.inputValue();
  assert.deepEqual(await page.locator('.ed-pre > div').allTextContents(), value.split('\n'));
  // Edit through the editor: Yew's state follows (Run uses the new text).
  const at = value.indexOf('backoffLimit: 4') + 'backoffLimit: 4'.length;
  await ta.evaluate((t, a) => (t.focus(), t.setSelectionRange(a, a)), at);
  await page.keyboard.press('Enter');
  await page.keyboard.type('parallelismm: 2');
  assert.match(await ta.inputValue(), /backoffLimit: 4\n {2}parallelismm: 2/);
  await page.keyboard.press('Control+Enter');
  const alert = page.locator('#yaml-problems');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await alert.innerText(), /parallelismm/);
  const borders = () =>
    page.evaluate(() => [document.querySelector('.ed-gutter'), document.getElementById('yaml-editor')].map((e) => getComputedStyle(e).borderTopColor));
  const [gutterBorder, textBorder] = await borders();
  assert.equal(gutterBorder, textBorder, 'the gutter shares the red border of an invalid textarea');
  const ids = (await ta.getAttribute('aria-describedby')).split(' ');
  assert.ok(ids.includes('yaml-problems') && ids.some((id) => id.startsWith('ed-hint-')), ids.join(' '));
  // Undo still works after Yew re-rendered the value.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  const undone = await ta.inputValue();
  assert.ok(!undone.includes('parallelismm'), `undo in the Yew page: ${JSON.stringify(undone.slice(at - 20, at + 30))}`);
  await nextFrame(page);
  assert.deepEqual(await page.locator('.ed-pre > div').allTextContents(), undone.split('\n'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'dist-invalid-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'dist-invalid-dark');
  await nextFrame(page);
  const [g2, t2] = await borders();
  assert.equal(g2, t2, 'and follows a theme switch');
  // Fixed text runs to the end.
  await ta.fill(value);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await alert.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await ta.getAttribute('data-ed'), '', 'still enhanced after Yew re-rendered around it');
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});
