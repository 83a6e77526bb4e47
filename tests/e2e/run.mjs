// End-to-end tests of the built page (dist/) in Debian's Chromium, driven by
// playwright-core (never Playwright's own browser download). Run with
// `node tests/e2e/run.mjs` after `make dist`; `make test` does both.
//
// dist/ is served under a sub-path (/docs/playground/) on a free port of
// 127.0.0.1, so any absolute URL in the page shows up as a failed request. Every
// test fails on console errors, page errors and failed requests, except the panic
// test, which expects them. Screenshots go to tests/e2e/screenshots/ (not in git).
// No test asserts how long something takes; the speed test compares the clock at
// two speeds with a wide margin. Frame times are printed by tests/e2e/bench.mjs.
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
const example = (name) => fs.readFileSync(path.join(ROOT, 'examples', `${name}.yaml`), 'utf8');

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
let browser;
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
  browser = await chromium.launch({
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
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A new page (own context: fresh storage) that records console errors, page errors and failed requests. */
async function openPage({ colorScheme = 'light', width = 1280, height = 800, locale = 'en-US', reducedMotion = 'no-preference', setup } = {}) {
  // The service worker is tested in share.mjs; here it would answer requests that a
  // test routes (tzdata.bin) before the route sees them.
  const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme, reducedMotion, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (setup) await setup(page);
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  badRequests.length = 0;
  await page.goto(base);
  await page.locator('#app[data-live] .pod-card').first().waitFor({ state: 'visible', timeout: 15_000 });
  page.close = ((close) => async () => {
    await close();
    await context.close();
  })(page.close.bind(page));
  return { page, problems };
}

const editorOf = (page) => page.getByRole('textbox', { name: 'Job YAML' });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const outcomeOf = (page) => page.locator('.outcome-headline');
const liveOf = (page) => page.locator('.job-card [role="status"][aria-live="polite"]');

function assertClean(problems) {
  const all = [...problems, ...badRequests];
  assert.deepEqual(all, [], `the page reported problems:\n${all.join('\n')}`);
}

async function shot(page, name, fullPage = true) {
  // From the top: the sticky panels then sit where a reader sees them.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Seconds shown by the virtual clock (`12s`, `2m05s`, `1h02m05s`). */
async function clockSeconds(page) {
  const text = (await page.locator('.clock-value').innerText()).trim();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(\d+)s$/.exec(text);
  assert.ok(m, `clock text ${JSON.stringify(text)}`);
  return Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Number(m[3]);
}

async function openExample(page, title) {
  await page.locator('.gallery > summary').click();
  await page.locator('button.example', { hasText: title }).click();
  await page.locator('.gallery > summary').click();
}

async function setSpeed(page, speed) {
  await page.getByLabel('Speed').selectOption(String(speed));
}

async function noSidewaysScroll(page, what) {
  // Two frames: the editor's overlay follows a resize in its ResizeObserver.
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

test('load: the default example shows its first pod at t = 0, and the editor is enhanced', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  assert.match(await editorOf(page).inputValue(), /name: pi\n/);
  assert.equal(await clockSeconds(page), 0);
  const card = page.locator('.pod-card').first();
  assert.match(await card.locator('.pod-name').innerText(), /^pi-[a-z0-9]{5}$/);
  assert.match(await card.locator('.pod-status').innerText(), /ContainerCreating/);
  assert.match(await page.locator('.watch-for').innerText(), /The first Job: pi/);
  // The YAML editor from www/editor.js: line numbers and colours over the textarea.
  await page.locator('.ed-pre > div').first().waitFor();
  assert.equal(await editorOf(page).getAttribute('data-ed'), '');
  assert.equal(await page.locator('.ed-gl').first().innerText(), '1');
  assert.match(await page.locator('.validity').innerText(), /Valid/);
  await shot(page, 'load-wide-light');
  assertClean(problems);
  await page.close();
});

test('run pi to Complete, nothing jumps; screenshots light and dark, wide and 375 px', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  await setSpeed(page, 10);
  const top = () => page.evaluate(() => [document.querySelector('.pods').offsetTop, document.querySelector('.views').offsetTop]);
  const before = await top();
  await button(page, 'Run').click();
  // While the Job runs and completes, the pods and the views below keep their place.
  const seen = new Set();
  while (!(await outcomeOf(page).innerText()).includes('Complete')) {
    seen.add(JSON.stringify(await top()));
    await page.waitForTimeout(40);
  }
  seen.add(JSON.stringify(await top()));
  assert.deepEqual([...seen], [JSON.stringify(before)], 'no layout jump while the simulation runs');
  await outcomeOf(page).getByText(/^✓ Job pi: Complete at t = \d+s$/).waitFor({ timeout: 30_000 });
  assert.match(await liveOf(page).innerText(), /Job pi: Complete at t = 1\d?s/);
  assert.match(await page.locator('.outcome-detail').innerText(), /CompletionsReached/);
  assert.match(await page.locator('.outcome-why').innerText(), /Complete: 1 succeeded >= completions 1/);
  const card = page.locator('.pod-card').first();
  assert.equal(await card.getAttribute('data-phase'), 'succeeded');
  assert.match(await card.locator('.pod-status').innerText(), /Completed/);
  const done = await clockSeconds(page);
  assert.ok(done >= 10 && done <= 14, `the pi Job completes about t = 12s, not ${done}s`);
  await page.waitForTimeout(300);
  assert.equal(await clockSeconds(page), done, 'the clock stops once the run is over');
  assert.match(await page.locator('.run-state').innerText(), /ended/);
  assert.ok(await button(page, 'Resume').isDisabled());

  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await shot(page, 'pi-wide-light');
  const lightBg = await bg();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'pi-wide-dark');
  assert.notEqual(lightBg, await bg(), 'prefers-color-scheme: dark changes the theme');
  await page.setViewportSize({ width: 375, height: 812 });
  await shot(page, 'pi-narrow-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'pi-narrow-light');
  await noSidewaysScroll(page, 'pi');
  assertClean(problems);
  await page.close();
});

test('editing YAML shows the API server error at its line, as you type', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  const editor = editorOf(page);
  const text = await editor.inputValue();
  const at = text.indexOf('backoffLimit: 4') + 'backoffLimit: 4'.length;
  const line = text.slice(0, at).split('\n').length + 1;
  await editor.evaluate((t, a) => (t.focus(), t.setSelectionRange(a, a)), at);
  await page.keyboard.press('Enter');
  await page.keyboard.type('parallelismm: 2');
  // No Run: validation runs by itself after a pause in typing.
  const alert = page.locator('#yaml-problems');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await alert.getAttribute('role'), 'alert');
  const said = await alert.innerText();
  assert.match(said, /The API server rejects this file/);
  assert.match(said, new RegExp(`Line ${line}, column \\d+`));
  assert.match(said, /unknown field "spec\.parallelismm"/);
  assert.equal(await editor.getAttribute('aria-invalid'), 'true');
  const diagnostics = JSON.parse(await editor.getAttribute('data-diagnostics'));
  assert.equal(diagnostics[0].line, line);
  assert.equal(diagnostics[0].severity, 'error');
  // The editor marks the line in its gutter.
  await page.locator('.ed-gl', { has: page.locator('.ed-mke') }).waitFor();
  assert.equal((await page.locator('.ed-gl', { has: page.locator('.ed-mke') }).innerText()).split('\n')[0], String(line));
  // What was typed is kept, and the run on screen is still the last valid one.
  assert.match(await editor.inputValue(), /backoffLimit: 4\n {2}parallelismm: 2/);
  assert.match(await page.locator('.notice.changed').innerText(), /text changed/);
  assert.equal(await page.locator('.pod-card').count(), 1);
  // The example's "watch for" sentence says the text was edited.
  assert.match(await page.locator('.watch-for').innerText(), /\(edited: /);
  await shot(page, 'invalid-wide-light');
  // Clicking the line puts the caret there.
  await editor.evaluate((t) => t.blur());
  await page.getByRole('button', { name: `Go to line ${line}` }).click();
  const caret = await editor.evaluate((t) => [document.activeElement === t, t.value.slice(0, t.selectionStart).split('\n').length]);
  assert.deepEqual(caret, [true, line]);
  // Run with an invalid text shows the problems and keeps the text.
  await page.keyboard.press('Control+Enter');
  assert.match(await editor.inputValue(), /parallelismm/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'invalid-wide-dark');
  // Fixing the text clears the problems.
  await editor.fill(text);
  await alert.waitFor({ state: 'detached', timeout: 10_000 });
  assert.doesNotMatch(await page.locator('.watch-for').innerText(), /edited/);
  assert.equal(await editor.getAttribute('aria-invalid'), 'false');
  assert.equal(await editor.getAttribute('data-diagnostics'), '[]');
  assertClean(problems);
  await page.close();
});

test('the Indexed example: one lane per index, labelled with the hostname', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Indexed Job');
  assert.match(await editorOf(page).inputValue(), /completionMode: "Indexed"/);
  const labels = await page.locator('.lane .hostname').allTextContents();
  assert.deepEqual(labels, ['indexed-job-0', 'indexed-job-1', 'indexed-job-2', 'indexed-job-3', 'indexed-job-4']);
  // parallelism 3: three lanes are active at t = 0, two wait.
  assert.equal(await page.locator('.lane-active').count(), 3);
  assert.equal(await page.locator('.lane-waiting').count(), 2);
  await setSpeed(page, 100);
  await button(page, 'Run').click();
  await outcomeOf(page).getByText(/Complete/).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.lane-completed').count(), 5);
  const stat = await page.locator('.stat', { hasText: 'completedIndexes' }).locator('dd').innerText();
  assert.equal(stat, '0-4');
  // Each lane's pod is named after its index.
  for (let i = 0; i < 5; i++) {
    const name = await page.locator(`.lane[data-index="${i}"] .pod-name`).first().innerText();
    assert.match(name, new RegExp(`^indexed-job-${i}-[a-z0-9]{5}$`));
  }
  await shot(page, 'indexed-wide-light');
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, 'indexed');
  await shot(page, 'indexed-narrow-light');
  assertClean(problems);
  await page.close();
});

test('backoff: a countdown on the next slot, and the delays grow 10 s, 20 s, 40 s', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Exponential backoff');
  // Step through every moment of the run and read the countdown where there is one.
  const seen = [];
  let shotTaken = false;
  for (let i = 0; i < 80; i++) {
    if (await button(page, 'Step').isDisabled()) break;
    await button(page, 'Step').click();
    const cd = page.locator('.countdown');
    if (await cd.count()) {
      const why = await cd.locator('.cd-why').innerText();
      assert.match(await cd.locator('.cd-next').innerText(), /next pod in \d+/);
      const delay = /backoff (\S+) after (\d+) failures/.exec(why);
      assert.ok(delay, why);
      if (!seen.includes(delay[1])) seen.push(delay[1]);
      if (!shotTaken && delay[1] === '20s') {
        await shot(page, 'backoff-countdown-wide-light');
        await cd.click();
        assert.match(await page.locator('.why-sentence').innerText(), /not replaced until t=\S+: backoff 20s after 2 consecutive failures/);
        shotTaken = true;
      }
    }
  }
  assert.deepEqual(seen.slice(0, 4), ['10s', '20s', '40s', '1m20s']);
  await outcomeOf(page).getByText(/Complete/).waitFor();
  // The failed pods show their exit code.
  assert.match(await page.locator('.pod-card.phase-failed .pod-meta').first().innerText(), /exit code 1/);
  assert.match(await page.locator('.meter-row', { hasText: 'Failures' }).innerText(), /4 \/ 6/);
  assertClean(problems);
  await page.close();
});

test('the deadline example fails with DeadlineExceeded and a red deadline bar', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Deadline beats retries');
  const deadline = page.locator('.meter-row', { hasText: 'activeDeadlineSeconds' });
  assert.match(await deadline.innerText(), /0s of 100s/);
  await button(page, 'Jump to end').click();
  await outcomeOf(page).getByText('Failed: DeadlineExceeded').waitFor({ timeout: 30_000 });
  assert.match(await outcomeOf(page).innerText(), /Job pi-with-timeout: Failed: DeadlineExceeded at t = 1m40s/);
  assert.match(await liveOf(page).innerText(), /DeadlineExceeded/);
  assert.match(await deadline.innerText(), /100s of 100s · exceeded/);
  assert.match(await deadline.getAttribute('class'), /exceeded/);
  const fill = await deadline.locator('.bar-fill').evaluate((e) => getComputedStyle(e).backgroundColor);
  const red = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--failed').trim());
  assert.ok(fill.length > 0 && red.length > 0);
  assert.match(await page.locator('.outcome-why').innerText(), /activeDeadlineSeconds/);
  await page.locator('.condition', { hasText: 'Failed=True' }).click();
  assert.match(await page.locator('.why-sentence').innerText(), /Failed: active since t=\S+ for 100 s = activeDeadlineSeconds/);
  await shot(page, 'deadline-wide-light');
  assertClean(problems);
  await page.close();
});

test('speed: the clock runs faster at a higher speed', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Deadline beats retries');
  await button(page, 'Resume').click();
  await page.waitForTimeout(1_500);
  const a = await clockSeconds(page);
  assert.ok(a <= 4, `at 1x the clock says ${a}s after 1.5 s`);
  await setSpeed(page, 30);
  await page.waitForTimeout(1_500);
  const b = await clockSeconds(page);
  assert.ok(b - a >= 15, `at 30x the clock moved ${b - a}s in 1.5 s`);
  await setSpeed(page, 0.25);
  const c = await clockSeconds(page);
  await page.waitForTimeout(1_500);
  assert.ok((await clockSeconds(page)) - c <= 2, 'at 0.25x the clock crawls');
  assertClean(problems);
  await page.close();
});

test('pause and step: the clock stands still, Step and Back move event by event', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await button(page, 'Resume').click();
  await page.waitForTimeout(1_200);
  await button(page, 'Pause').click();
  const paused = await clockSeconds(page);
  await page.waitForTimeout(1_200);
  assert.equal(await clockSeconds(page), paused, 'the clock stands still while paused');
  assert.match(await page.locator('.run-state').innerText(), /paused/);
  // Space resumes and pauses (focus outside the editor).
  await page.locator('.site-title').click();
  await page.keyboard.press('Space');
  await page.waitForTimeout(1_200);
  await page.keyboard.press('Space');
  const resumed = await clockSeconds(page);
  assert.ok(resumed > paused, 'Space resumed the clock');
  // Step goes to the next moment something happens; Back returns.
  await button(page, 'Reset').click();
  assert.equal(await clockSeconds(page), 0);
  await button(page, 'Step').click();
  const t1 = await clockSeconds(page);
  assert.equal(t1, 1, 'the pod starts running at t = 1s');
  assert.match(await page.locator('.pod-card .pod-status').innerText(), /Running/);
  // → t = 2s: the controller counts the ready pod (a change of the Job's status).
  await page.keyboard.press('ArrowRight');
  assert.equal(await clockSeconds(page), 2, '→ steps to the next moment');
  assert.equal(await page.locator('.stats .stat', { hasText: 'ready' }).locator('dd').innerText(), '1');
  // → t = 11s: the pod completes.
  await page.keyboard.press('ArrowRight');
  assert.equal(await clockSeconds(page), 11);
  assert.match(await page.locator('.pod-card .pod-status').innerText(), /Completed/);
  // ← steps back over the same moments.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await clockSeconds(page), 2, '← steps back');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await clockSeconds(page), t1);
  await button(page, 'Back').click();
  assert.equal(await clockSeconds(page), 0);
  assertClean(problems);
  await page.close();
});

test('scrubbing back to any moment re-simulates it', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Exponential backoff');
  await button(page, 'Jump to end').click();
  await outcomeOf(page).getByText(/Complete/).waitFor({ timeout: 30_000 });
  const end = await clockSeconds(page);
  assert.ok(end > 150, `the backoff run ends late (${end}s)`);
  const failedAtEnd = await page.locator('.stat', { hasText: 'failed' }).locator('dd').innerText();
  assert.equal(failedAtEnd, '4');
  // The scrubber spans the run and marks its events.
  const scrub = page.getByRole('slider', { name: 'Virtual time' });
  assert.equal(await scrub.getAttribute('max'), String(end * 1000));
  assert.ok((await page.locator('.mark').count()) > 5);
  await scrub.fill('15000');
  assert.equal(await clockSeconds(page), 15);
  assert.match(await outcomeOf(page).innerText(), /no terminal condition yet/);
  assert.equal(await page.locator('.stat', { hasText: 'failed' }).locator('dd').innerText(), '1');
  await shot(page, 'scrubbed-back-wide-light');
  // Shift+← scrubs back 10 s; End jumps to the end again.
  await page.locator('.site-title').click();
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await clockSeconds(page), 5);
  await page.keyboard.press('End');
  await outcomeOf(page).getByText(/Complete/).waitFor({ timeout: 30_000 });
  assert.equal(await clockSeconds(page), end);
  assertClean(problems);
  await page.close();
});

test('gallery: every example opens with its title and what to watch for, in English and Korean', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  await page.locator('.gallery > summary').click();
  const titles = await page.locator('button.example .example-title').allInnerTexts();
  assert.equal(titles.length, 21);
  for (const t of ['The first Job: pi', 'Indexed Job', 'Work queue', 'Exponential backoff', 'Deadline beats retries', 'TTL cleans up',
    'Pod failure policy: FailJob', 'Backoff limit per index', 'Success policy', 'CronJob every minute', 'Restart in place (OnFailure)']) {
    assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
  }
  await shot(page, 'gallery-wide-light', false);
  await page.locator('.gallery > summary').click();
  // A CronJob: the schedule strip with the next times and the Jobs it created.
  await openExample(page, 'CronJob every minute');
  assert.match(await page.locator('.cron').innerText(), /schedule: "\* \* \* \* \*"/);
  assert.equal(await page.locator('.cron-next li').count(), 5);
  await page.getByRole('slider', { name: 'Virtual time' }).fill('200000');
  await page.locator('.cron-run').first().waitFor();
  assert.ok((await page.locator('.cron-run').count()) >= 3);
  await page.locator('.cron-run summary').first().click();
  assert.match(await page.locator('.cron-run').first().innerText(), /completions/);
  await shot(page, 'cronjob-wide-light');
  // The work queue shows what is left.
  await openExample(page, 'Work queue');
  assert.match(await page.locator('.meter-row', { hasText: 'Work queue' }).innerText(), /items left/);
  // Korean: the gallery, the buttons, the why.
  await page.getByRole('button', { name: '한국어 (Korean)' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  await page.locator('.gallery > summary').click();
  const ko = await page.locator('button.example .example-title').allInnerTexts();
  assert.ok(ko.includes('지수 백오프'), ko.join(' | '));
  await page.locator('.gallery > summary').click();
  await button(page, '실행').waitFor();
  await page.locator('.pod-card').first().click();
  assert.match(await page.locator('.why-sentence').innerText(), /생성/);
  await shot(page, 'korean-wide-light');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assertClean(problems);
  await page.close();
});

test('why: a pod, an event and a condition explain themselves; the kubectl views', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await openExample(page, 'Pod failure policy: FailJob');
  await button(page, 'Jump to end').click();
  await outcomeOf(page).getByText(/Failed/).waitFor({ timeout: 30_000 });
  await page.locator('.condition', { hasText: 'Failed=True' }).click();
  assert.match(await page.locator('.why-sentence').innerText(), /FailJob rule 0 matched exit code 42 of container main/);
  await page.locator('.pod-card').first().click();
  assert.match(await page.locator('.why-sentence').innerText(), /created/);
  const yaml = await page.locator('.pod-yaml pre').innerText();
  assert.match(yaml, /labels:\n/);
  assert.match(yaml, /batch\.kubernetes\.io\/job-name: /);
  assert.match(yaml, /exitCode: 42/);
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator('table.events').waitFor();
  await page.locator('table.events button.reason', { hasText: 'SuccessfulCreate' }).first().click();
  assert.match(await page.locator('.why-sentence').innerText(), /created/);
  await page.getByRole('tab', { name: 'kubectl describe' }).click();
  assert.match(await page.locator('.terminal').innerText(), /^\$ kubectl describe job\/\S+\nName:/);
  await page.getByRole('tab', { name: 'kubectl get pods' }).click();
  assert.match(await page.locator('.terminal').innerText(), /NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await page.getByRole('tab', { name: 'kubectl logs' }).click();
  assert.match(await page.locator('.terminal').innerText(), /^\$ kubectl logs /);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  assert.ok((await page.locator('.tl-bar').count()) >= 1);
  await shot(page, 'why-wide-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'why-wide-dark');
  assertClean(problems);
  await page.close();
});

test('the Scenario form rewrites only the Scenario document', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  const before = await editorOf(page).inputValue();
  const workload = before.slice(0, before.indexOf('---\n'));
  await page.locator('.scenario-form > summary').click();
  await page.getByLabel('Add a change').selectOption('evict');
  await page.getByLabel('At t (seconds)').fill('4');
  await page.getByLabel('Pod ordinal (e.g. 0-1; empty: any)').fill('0');
  await button(page, 'Add').click();
  const after = await editorOf(page).inputValue();
  assert.ok(after.startsWith(workload), 'the Job document is unchanged, byte for byte');
  assert.match(after, /  actions:\n {2}- at: 4\n {4}evictPod: \{pod: "0"\}\n/);
  assert.match(await page.locator('.form-items').last().innerText(), /evictPod/);
  // The change is built at once: the evicted pod, and its replacement.
  await button(page, 'Jump to end').click();
  await outcomeOf(page).getByText(/Complete/).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.pod-card.phase-evicted').count(), 1);
  assert.equal(await page.locator('.pod-card').count(), 2);
  // A number field that is not a number is refused with a message.
  await page.getByLabel('Add a change').selectOption('exit');
  await page.getByLabel('Exit code').fill('x');
  await button(page, 'Add').click();
  assert.match(await page.locator('.form-error').innerText(), /Enter a number: Exit code/);
  await shot(page, 'form-wide-light');
  await page.getByRole('button', { name: /^Remove: \{at: 4/ }).click();
  assert.ok(!(await editorOf(page).inputValue()).includes('evictPod'));
  assertClean(problems);
  await page.close();
});

test('keyboard only: every control is reachable with visible focus; the help dialog traps focus', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  // Tab from the top reaches Run; the focus ring is visible.
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { text: (e.getAttribute('aria-label') || e.textContent || '').trim(), tag: e.tagName, outline: getComputedStyle(e).outlineStyle };
  });
  let reached = null;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f.tag === 'TEXTAREA') {
      // The editor keeps Tab for indentation: Esc, then Tab leaves it.
      await page.keyboard.press('Escape');
    } else if (/Run$/.test(f.text)) reached = f;
  }
  assert.ok(reached, 'Tab reaches Run');
  assert.notEqual(reached.outline, 'none', 'the focused control shows its focus');
  await shot(page, 'keyboard-focus-wide-light', false);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  assert.ok((await clockSeconds(page)) >= 0);
  // Tab inside the editor indents; Esc then Tab leaves it.
  const editor = editorOf(page);
  await editor.focus();
  const text = await editor.inputValue();
  await page.keyboard.press('Tab');
  assert.notEqual(await editor.inputValue(), text, 'Tab indents in the editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'yaml-editor', 'Esc then Tab leaves the editor');
  // ? opens the help; focus stays inside; Esc closes it and gives the focus back.
  await page.locator('.site-title').click();
  await button(page, 'Step').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Ctrl\+Enter/);
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus stays in the dialog');
  }
  await page.keyboard.press('Shift+Tab');
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)));
  await shot(page, 'help-wide-light', false);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '▸Step', 'focus returns');
  // Tabs: arrow keys move between them.
  await page.getByRole('tab', { name: 'Timeline' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected'), 'true');
  // Every button and field has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, textarea, [role="tab"]')]
      .filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.labels?.length))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  assertClean(problems);
  await page.close();
});

test('375 px: the page fits a phone in light and dark', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage({ width: 375, height: 812 });
  await noSidewaysScroll(page, 'load');
  await shot(page, 'load-narrow-light');
  await openExample(page, 'Backoff limit per index');
  await button(page, 'Jump to end').click();
  await outcomeOf(page).getByText(/Failed/).waitFor({ timeout: 30_000 });
  await noSidewaysScroll(page, 'backoffLimitPerIndex');
  await page.getByRole('tab', { name: 'Events' }).click();
  await noSidewaysScroll(page, 'events');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'blpi-narrow-dark');
  await page.getByRole('tab', { name: 'kubectl describe' }).click();
  await noSidewaysScroll(page, 'describe');
  assertClean(problems);
  await page.close();
});

test('1,000 active pods: compact cells, only those in view in the DOM', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  const text = example('pi')
    .replace('backoffLimit: 4', 'backoffLimit: 4\n  completions: 1000\n  parallelism: 1000');
  await editorOf(page).fill(text);
  await button(page, 'Reset').click();
  await page.locator('.cell').first().waitFor();
  await button(page, 'Step').click();
  assert.equal(await page.locator('.stat', { hasText: 'active' }).first().locator('dd').innerText(), '1000');
  const cells = await page.locator('.cell').count();
  assert.ok(cells > 50 && cells < 1000, `${cells} cells drawn`);
  assert.match(await page.locator('.pool-note').innerText(), /of 1000/);
  // Scrolling the pool draws later pods.
  const first = await page.locator('.cell').first().getAttribute('data-pod');
  await page.locator('.cells-scroll').evaluate((e) => (e.scrollTop = 5000));
  await page.waitForFunction((f) => document.querySelector('.cell')?.getAttribute('data-pod') !== f, first);
  // A cell explains its pod.
  await page.locator('.cell').nth(3).click();
  assert.match(await page.locator('.why-sentence').innerText(), /created/);
  await shot(page, 'thousand-wide-light');
  await setSpeed(page, 2);
  await button(page, 'Resume').click();
  await page.waitForTimeout(1_500);
  await button(page, 'Pause').click();
  assert.ok((await clockSeconds(page)) >= 2);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, '1000 pods');
  await shot(page, 'thousand-narrow-light');
  assertClean(problems);
  await page.close();
});

test('themes: the switch and data-theme override the system', { timeout: 30_000 }, async () => {
  const { page, problems } = await openPage({ colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByLabel('Theme').selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const dark = await bg();
  assert.notEqual(light, dark);
  await shot(page, 'theme-dark-wide');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  assert.equal(await bg(), light, 'Light wins over a dark system');
  await page.getByLabel('Theme').selectOption('system');
  assert.equal(await bg(), dark, 'System follows the system again');
  // The choice is remembered.
  await page.getByLabel('Theme').selectOption('dark');
  await page.reload();
  await page.locator('#app[data-live] .pod-card').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assertClean(problems);
  await page.close();
});

test('reduced motion: the clock steps once a second', { timeout: 30_000 }, async () => {
  const { page, problems } = await openPage({ reducedMotion: 'reduce' });
  await setSpeed(page, 10);
  await button(page, 'Resume').click();
  const seen = new Set();
  for (let i = 0; i < 25; i++) {
    seen.add(await page.locator('.clock-value').innerText());
    await page.waitForTimeout(100);
  }
  // About 2.5 s at 10x: with steps of one real second, only a few distinct values.
  assert.ok(seen.size <= 5, `clock values ${[...seen].join(', ')}`);
  const transition = await page.locator('.bar-fill').first().evaluate((e) => getComputedStyle(e).transitionDuration);
  assert.equal(transition, '0s');
  assertClean(problems);
  await page.close();
});

test('time zones: fetched only when a text names one; meanwhile it waits, then validates', { timeout: 60_000 }, async () => {
  // Hold tzdata.bin back when it is asked for.
  let release;
  const held = new Promise((r) => (release = r));
  const fetched = [];
  const { page, problems } = await openPage({
    setup: (p) => p.route('**/tzdata.bin', async (route) => {
      fetched.push(route.request().url());
      await held;
      await route.continue();
    }),
  });
  assert.match(await page.locator('.validity').innerText(), /Valid/);
  await openExample(page, 'CronJob every minute');
  await page.locator('.cron').waitFor({ timeout: 10_000 });
  assert.equal(fetched.length, 0, 'no text has named a time zone: the table is not downloaded');
  const text = example('cronjob-hello').replace('  schedule: "* * * * *"\n', '  schedule: "* * * * *"\n  timeZone: Asia/Seoul\n');
  await editorOf(page).fill(text);
  // No answer without the table: neither valid nor an "unknown time zone" error.
  await page.locator('.validity', { hasText: 'Loading the time zone database…' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#yaml-problems').count(), 0);
  assert.equal(await editorOf(page).getAttribute('aria-invalid'), 'false', 'waiting is not invalid');
  assert.equal(fetched.length, 1, 'the table is asked for once');
  assert.ok(fetched[0].startsWith(base), `relative to the page: ${fetched[0]}`);
  await shot(page, 'timezone-loading-wide-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 375, height: 812 });
  await shot(page, 'timezone-loading-narrow-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await button(page, 'Run').click();
  release();
  // The table arrives: the text is checked, and the Run asked for meanwhile happens.
  await page.locator('.validity', { hasText: 'Valid' }).waitFor({ timeout: 10_000 });
  await page.locator('.cron').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('.cron').innerText(), /timeZone: Asia\/Seoul/);
  assert.equal(await page.locator('.cron-next li').count(), 5);
  assert.ok(!(await page.locator('.notice.changed').isVisible()), 'the run on screen is the text in the editor');
  await shot(page, 'timezone-wide-light');
  // A zone that does not exist is now answered as the API server does.
  await editorOf(page).fill(text.replace('Asia/Seoul', 'Mars/Olympus'));
  await page.locator('#yaml-problems', { hasText: 'unknown time zone Mars/Olympus' }).waitFor({ timeout: 10_000 });
  assert.equal(fetched.length, 1, 'the table is fetched once');
  assertClean(problems);
  await page.close();

  // The table cannot be fetched: texts naming a zone say so; the others still work.
  const broken = await openPage({
    setup: (p) => p.route('**/tzdata.bin', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await editorOf(broken.page).fill(text);
  const alert = broken.page.locator('#yaml-problems');
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await alert.innerText(), /The time zone database could not be loaded \(HTTP 404 for \.\/tzdata\.bin\)/);
  await editorOf(broken.page).fill(example('cronjob-hello'));
  await broken.page.locator('.validity', { hasText: 'Valid' }).waitFor({ timeout: 10_000 });
  assertClean(broken.problems.filter((m) => !/tzdata\.bin|404/.test(m)));
  await broken.page.close();
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
