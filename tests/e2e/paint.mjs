// End-to-end tests of the first paint (issue 8) in Debian's Chromium: the page's
// initial view prerendered into dist/index.html (scripts/prerender.mjs), shown
// before the wasm has arrived, and replaced by the live page without a jump.
//
//   * dist/index.html holds the view in English and Korean: the pi example's text,
//     its first pod, inert and busy;
//   * with the wasm held back (a route that answers only when the test says so),
//     the first screenshot is the page, not a blank, in light and dark, English
//     and Korean, 1280 px and 375 px wide;
//   * when the wasm arrives the live page replaces it: one #app subtree, no
//     duplicate ids, the same markup node for node, the same boxes for the main
//     panels, and no animation frame without a pod in between;
//   * index.html's inline script answers every case of tests/paint-cases.json as
//     src/ui/paint.rs does (tests/paint.rs), and where it shows the view the live
//     page is that view; a link, saved work or an embed get the loading message
//     and never a flash of the full page;
//   * without Chromium the build leaves the loading message, and the page works.
//
// `make test` runs it after the other end-to-end tests. Screenshots go to
// tests/e2e/screenshots/ (paint-*.png). Nothing here measures time: the load
// figures are tests/e2e/bench.mjs's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, start, stop, base, newContext, assertClean, badRequests } from './harness.mjs';
import { captureView } from '../../scripts/paint-capture.mjs';

const PI = fs.readFileSync(path.join(ROOT, 'examples', 'pi.yaml'), 'utf8');
const CASES = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'paint-cases.json'), 'utf8')).cases;
const T = {
  en: { loading: 'Loading the playground…', starting: 'Starting…' },
  ko: { loading: '플레이그라운드를 불러오는 중…', starting: '시작하는 중…' },
};
const LIVE_POD = '#app[data-live] .pod-card';
// The main panels whose boxes must not move when the live page takes over.
const BOXES = ['.site-header', '.layout', '.editor-panel', '.sim-panel', '.sim-bar', '.controls', '.scrubber',
  '.clock-row', '.job-card', '.pods', '.pod-card', '#yaml-editor', '.gallery', '.library', '.views'];
const DARK_BG = 'rgb(15, 18, 22)';
const LIGHT_BG = 'rgb(246, 247, 249)';

before(start);
after(stop);

/**
 * A page whose wasm (and, unless `editor`, the YAML editor) waits for the test:
 * `release()` lets the wasm through, `releaseEditor()` the editor. The storage of
 * a case is written before any script of the page runs; a probe counts animation
 * frames, the frames after a pod was first shown that had none, and whether a
 * prerendered view or a site header was ever in the document.
 */
async function openHeld(url, { local = {}, session = {}, editor = false, ...ctx } = {}) {
  const context = await newContext(ctx);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  badRequests.length = 0;
  await page.addInitScript(([local, session]) => {
    for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
    for (const [k, v] of Object.entries(session)) sessionStorage.setItem(k, v);
    const probe = { frames: 0, blank: 0, seen: false, paint: false, header: false };
    window.__probe = probe;
    const frame = () => {
      const pod = !!document.querySelector('#app .pod-card');
      if (probe.seen && !pod) probe.blank++;
      probe.seen ||= pod;
      probe.frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      probe.paint ||= !!document.querySelector('#app .paint');
      probe.header ||= !!document.querySelector('.site-header');
    }).observe(document, { childList: true, subtree: true });
  }, [local, session]);
  const gate = async (pattern) => {
    let open;
    const opened = new Promise((r) => (open = r));
    await page.route(pattern, async (route) => {
      await opened;
      await route.continue().catch(() => {}); // the page may have gone meanwhile
    });
    return open;
  };
  const release = await gate(/\/jobplay_bg\.wasm$/);
  const releaseEditor = editor ? () => {} : await gate(/\/editor\.(js|css)$/);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Two frames: what the page shows before the wasm is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const close = () => context.close();
  return { page, problems, release, releaseEditor, close };
}

const boxes = (page) =>
  page.evaluate((sels) => sels.map((s) => {
    const e = document.querySelector(s);
    if (!e) return [s, null];
    const r = e.getBoundingClientRect();
    return [s, [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2)];
  }), BOXES);

/** Two markups are the same, else where they first differ. */
function sameMarkup(actual, expected, what) {
  if (actual === expected) return;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  const at = (s) => JSON.stringify(s.slice(Math.max(0, i - 160), i + 160));
  assert.fail(`${what}: they differ at ${i} of ${expected.length}:\n live: ${at(actual)}\n view: ${at(expected)}`);
}

const shot = (page, name) => page.screenshot({ path: path.join(ROOT, 'tests/e2e/screenshots', `${name}.png`), fullPage: true });

test('dist/index.html holds the prerendered view in English and Korean', { timeout: 60_000 }, async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  for (const lang of ['en', 'ko']) {
    const m = new RegExp(`<template id="paint-${lang}">([\\s\\S]*?)</template>`).exec(html);
    assert.ok(m, `the ${lang} view is in index.html`);
    assert.match(m[1], /<div class="paint" inert="" aria-busy="true">/);
    assert.match(m[1], /class="pod-card phase-pending"/);
    assert.match(m[1], /<textarea id="yaml-editor"[^>]*># The documentation's first Job/);
    assert.doesNotMatch(m[1], /<script/i, 'no script in a view');
  }
  assert.ok(!html.includes('<!-- paint:'), 'the marker is replaced');
  // In the browser: the text is the gallery's pi example byte for byte, the pod is pi's.
  const { page, problems, close } = await openHeld(base);
  const views = await page.evaluate(() => ['en', 'ko'].map((l) => {
    const c = document.getElementById(`paint-${l}`).content;
    return {
      text: c.querySelector('#yaml-editor').value,
      pod: c.querySelector('.pod-card .pod-name').textContent,
      title: c.querySelector('.site-title').textContent,
    };
  }));
  assert.deepEqual(views.map((v) => v.text), [PI, PI]);
  assert.match(views[0].pod, /^pi-[a-z0-9]{5}$/);
  assert.equal(views[1].pod, views[0].pod);
  assert.deepEqual(views.map((v) => v.title), ['Job Playground', '잡 플레이그라운드']);
  assertClean(problems);
  await close();
});

for (const [lang, locale] of [['en', 'en-US'], ['ko', 'ko-KR']]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      const name = `${lang}-${colorScheme}-${width === 1280 ? 'wide' : 'narrow'}`;
      test(`first paint before the wasm, then the live page takes over: ${name}`, { timeout: 60_000 }, async () => {
        const { page, problems, release, releaseEditor, close } = await openHeld(base, { locale, colorScheme, width, height: 800 });
        // The page, not a blank, before any wasm.
        const first = await page.evaluate(() => ({
          paint: document.documentElement.dataset.paint,
          lang: document.documentElement.lang,
          live: document.getElementById('app').hasAttribute('data-live'),
          inert: document.querySelector('#app > .paint')?.inert,
          busy: document.querySelector('#app > .paint')?.getAttribute('aria-busy'),
          text: document.getElementById('yaml-editor')?.value,
          starting: document.querySelector('.paint-starting')?.textContent,
          status: document.querySelector('#app > [role="status"]')?.textContent,
          loading: document.querySelectorAll('.loading').length,
          bg: getComputedStyle(document.body).backgroundColor,
          templates: document.querySelectorAll('template[id^="paint-"]').length,
        }));
        assert.deepEqual(first, {
          paint: lang, lang, live: false, inert: true, busy: 'true', text: PI,
          starting: T[lang].starting, status: T[lang].starting, loading: 0,
          bg: colorScheme === 'dark' ? DARK_BG : LIGHT_BG, templates: 2,
        });
        for (const sel of ['.site-header', '.editor-panel', '.pod-card', '.controls', '.paint-starting']) {
          assert.ok(await page.locator(sel).first().isVisible(), `${sel} is shown before the wasm`);
        }
        const view = await page.evaluate(captureView, [lang, 'paint']);
        // Inert: the textarea cannot be focused or typed into.
        await page.locator('#yaml-editor').click({ force: true }).catch(() => {});
        await page.keyboard.type('lost');
        assert.equal(await page.locator('#yaml-editor').inputValue(), PI, 'nothing typed into the prerender');
        sameMarkup(await page.evaluate(captureView, [lang, 'paint']), view, 'typing changed the prerender');
        const before = await boxes(page);
        // (A full-page screenshot leaves style="" on an input: after the captures.)
        await shot(page, `paint-first-${name}`);

        release();
        await page.locator(LIVE_POD).first().waitFor({ timeout: 15_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const live = await page.evaluate(() => {
          const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
          return {
            apps: document.querySelectorAll('#app').length,
            headers: document.querySelectorAll('.site-header').length,
            layouts: document.querySelectorAll('main.layout').length,
            paint: document.querySelectorAll('.paint, .paint-starting, [inert], [aria-busy]').length,
            templates: document.querySelectorAll('template').length,
            duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
            lang: document.documentElement.lang,
            probe: window.__probe,
          };
        });
        assert.deepEqual({ ...live, probe: undefined }, {
          apps: 1, headers: 1, layouts: 1, paint: 0, templates: 0, duplicates: [], lang, probe: undefined,
        });
        assert.ok(live.probe.frames > 2, `frames were drawn (${live.probe.frames})`);
        assert.equal(live.probe.blank, 0, 'no frame without a pod between the prerender and the live page');
        sameMarkup(await page.evaluate(captureView, [lang, 'app']), view, 'the live page is the prerendered view, node for node');
        assert.deepEqual(await boxes(page), before, 'the main panels keep their boxes');
        assert.ok(before.every(([, b]) => b), 'every box was found');
        await shot(page, `paint-live-${name}`);
        // The editor then enhances the live textarea.
        releaseEditor();
        await page.locator('.ed-root').waitFor({ state: 'attached', timeout: 15_000 });
        assertClean(problems);
        await close();
      });
    }
  }
}

test('index.html answers the cases of tests/paint-cases.json as src/ui/paint.rs does, and the live page agrees', { timeout: 300_000 }, async () => {
  for (const c of CASES) {
    const { page, problems, release, close } = await openHeld(base + (c.fragment || ''), {
      local: c.local, session: c.session, locale: c.navigator || 'en-US',
    });
    const first = await page.evaluate(() => ({
      paint: document.documentElement.dataset.paint,
      lang: document.documentElement.lang,
      views: document.querySelectorAll('#app > .paint').length,
      loading: document.querySelector('#app > .loading')?.textContent ?? null,
      theme: document.documentElement.dataset.theme ?? null,
    }));
    assert.equal(first.paint, c.expect, c.name);
    const savedTheme = c.local?.['jobplay.theme'];
    assert.equal(first.theme, ['light', 'dark'].includes(savedTheme) ? savedTheme : null, `${c.name}: theme`);
    if (c.expect === 'loading') {
      assert.equal(first.views, 0, `${c.name}: no view`);
      assert.equal(first.loading, T[first.lang].loading, `${c.name}: the loading message in the page's language`);
      release();
      await page.locator('#app[data-live] .panel:visible').first().waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => window.__probe.paint), false, `${c.name}: the view never showed`);
    } else {
      assert.equal(first.views, 1, `${c.name}: the view`);
      assert.equal(first.lang, c.expect, `${c.name}: its language`);
      const view = await page.evaluate(captureView, [c.expect, 'paint']);
      release();
      await page.locator(LIVE_POD).first().waitFor({ timeout: 15_000 });
      sameMarkup(await page.evaluate(captureView, [c.expect, 'app']), view, `${c.name}: the live page is the view`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), first.theme, `${c.name}: the live theme`);
    }
    assertClean(problems);
    await close();
  }
});

test('a link, saved work and an embed open with the loading message, then show what they hold', { timeout: 90_000 }, async () => {
  const draft = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: mine\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: ["true"]\n';
  const runs = [
    ['link', `${base}#v=1&example=backoff`, {},
      async (p) => assert.equal(await p.locator('#yaml-editor').inputValue(), fs.readFileSync(path.join(ROOT, 'examples', 'backoff.yaml'), 'utf8'))],
    ['draft', base, { local: { 'jobplay.v1.draft': draft, 'jobplay.v1.current': 'draft' } },
      async (p) => assert.equal(await p.locator('#yaml-editor').inputValue(), draft)],
    ['embed', `${base}#v=1&example=pi&embed=1`, { width: 375, height: 600 }, (p) => p.locator('.embed-root').waitFor()],
  ];
  for (const [name, url, opts, check] of runs) {
    const { page, problems, release, close } = await openHeld(url, opts);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.paint), 'loading', name);
    assert.ok(await page.locator('#app > .loading').isVisible(), `${name}: the loading message`);
    assert.equal(await page.locator('.site-header, .paint').count(), 0, `${name}: no full page`);
    await shot(page, `paint-first-${name}`);
    release();
    await page.locator('#app[data-live] .panel:visible').first().waitFor({ timeout: 15_000 });
    await check(page);
    const probe = await page.evaluate(() => window.__probe);
    assert.equal(probe.paint, false, `${name}: the prerender never showed`);
    if (name === 'embed') assert.equal(probe.header, false, 'the embed never showed the full page\'s header');
    assertClean(problems);
    await close();
  }
});

test('a failed start shows the banner over the view and drops its "Starting…"', { timeout: 30_000 }, async () => {
  const { page, close } = await openHeld(base);
  await page.unroute(/\/jobplay_bg\.wasm$/);
  await page.route(/\/jobplay_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('#fatal').waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await page.locator('#fatal-message').innerText(), /could not start/);
  assert.equal(await page.locator('.paint-starting').isVisible(), false);
  assert.ok(await page.locator('#app > .paint .pod-card').isVisible(), 'the view stays');
  await close();
});

test('without Chromium the build leaves the loading message, and the page still starts', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobplay-paint-'));
  try {
    fs.copyFileSync(path.join(ROOT, 'index.html'), path.join(dir, 'index.html'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prerender.mjs'), dir], {
      env: { ...process.env, CHROMIUM: path.join(dir, 'no-chromium') },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /prerender: WARNING: no Chromium at .*no-chromium.*the loading message/);
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    assert.ok(!html.includes('<template id=') && !html.includes('<!-- paint:'), 'no view, no marker');
    // That index.html, served as the page's: the loading message, then the page.
    for (const [lang, locale] of [['en', 'en-US'], ['ko', 'ko-KR']]) {
      const context = await newContext({ locale });
      const page = await context.newPage();
      await page.route((u) => u.href === base, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      let open;
      const opened = new Promise((res) => (open = res));
      await page.route(/\/jobplay_bg\.wasm$/, async (route) => {
        await opened;
        await route.continue();
      });
      await page.goto(base, { waitUntil: 'domcontentloaded' });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.paint), 'loading');
      assert.equal(await page.locator('#app > .loading').innerText(), T[lang].loading);
      open();
      await page.locator(LIVE_POD).first().waitFor({ timeout: 15_000 });
      await context.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
