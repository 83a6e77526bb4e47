// Frame-time benchmark of the built page (dist/) in Debian's Chromium, driven by
// playwright-core. Run with `node tests/e2e/bench.mjs` after `make dist`;
// `make bench` does both. It PRINTS figures and asserts nothing about time:
//
//   * first pod: the time from navigation to the first rendered pod card of the
//     default example, median of 5 fresh loads; and of saved work that is a long
//     run (the 1,000-pod Job below as the Draft), median of 5 reloads;
//   * frames: a Job with parallelism 1000 (1,000 active pods) played at 100x:
//     the main-thread time each frame costs (measured by a message probe, see
//     below) and the frame intervals of requestAnimationFrame: p50, p95, max.
//
// dist/ is served under a sub-path on 127.0.0.1, as in run.mjs.
// Environment: CHROMIUM (default /usr/bin/chromium), BENCH_SECONDS (default 8),
// BENCH_FIGURES (a file the headline figures are appended to, for
// scripts/bench-summary.mjs).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serveDir } from '../../scripts/local-serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SUB_PATH = '/bench/playground/';
const SECONDS = Number(process.env.BENCH_SECONDS || 8);

/** 1,000 pods at once, in 20 waves: each pod runs 60 s (20 virtual minutes). */
export const THOUSAND = `apiVersion: batch/v1
kind: Job
metadata:
  name: thousand
spec:
  completions: 20000
  parallelism: 1000
  backoffLimit: 100
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: ["sleep", "60"]
`;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => percentile(xs, 50);
const ms = (x) => `${x.toFixed(1)} ms`;

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `make dist` first');
  process.exit(1);
}
const server = await serveDir(DIST, SUB_PATH);
const base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});

try {
  // 1. Navigation to the first pod card, 5 fresh loads (a new context each: no cache):
  // the first one shown (the prerendered view of index.html, when the build has it)
  // and the first one of the live page (#app[data-live], the wasm running).
  const firstPod = [];
  const livePod = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (window.__firstPod === undefined && document.querySelector('#app .pod-card')) {
          window.__firstPod = performance.now();
        }
        if (document.querySelector('#app[data-live] .pod-card')) {
          window.__livePod = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base);
    await page.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 30_000 });
    const [shown, live] = await page.evaluate(() => [window.__firstPod, window.__livePod]);
    firstPod.push(shown);
    livePod.push(live);
    await context.close();
  }

  // 1b. A reload of saved work that is a long run (the 1,000-pod Job below as the
  // Draft): navigation to its first pod card, 5 loads. No prerendered view is shown
  // for saved work, so nothing but the loading message is on screen until then.
  const savedPod = [];
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 30_000 });
    await page.evaluate((text) => {
      localStorage.setItem('jobplay.v1.draft', text);
      localStorage.setItem('jobplay.v1.current', 'draft');
      sessionStorage.clear();
    }, THOUSAND);
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('#app[data-live] :is(.pod-card, .cell)')) {
          window.__livePod = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(base);
      await page.locator('#app[data-live] :is(.pod-card, .cell)').first().waitFor({ timeout: 30_000 });
      savedPod.push(await page.evaluate(() => window.__livePod));
    }
    await context.close();
  }

  // 2. Frame times with 1,000 active pods at 100x.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  const editor = page.getByRole('textbox', { name: 'Job YAML' });
  await editor.waitFor();
  await editor.fill(THOUSAND);
  await page.locator('.speed select').selectOption('100');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.cell').first().waitFor({ timeout: 30_000 });
  const result = await page.evaluate(
    (seconds) =>
      new Promise((resolve) => {
        // Frame intervals come from requestAnimationFrame; they cannot go below the
        // display's 16.7 ms. What each frame cost is measured by a probe: a chain of
        // MessageChannel messages keeps the main thread's queue busy, so any gap
        // between two of them is other work (the ticker's engine slice, Yew's
        // render, style, layout, paint). A frame's time is the sum of those gaps
        // between its requestAnimationFrame callback and the next.
        const frames = [];
        const work = [];
        let busy = 0;
        const ch = new MessageChannel();
        let probe = performance.now();
        let running = true;
        ch.port1.onmessage = () => {
          const t = performance.now();
          if (t - probe > 0.2) busy += t - probe;
          probe = t;
          if (running) ch.port2.postMessage(0);
        };
        ch.port2.postMessage(0);
        let last = performance.now();
        const end = last + seconds * 1000;
        let catching = 0;
        let samples = 0;
        const tick = (now) => {
          frames.push(now - last);
          work.push(busy);
          busy = 0;
          last = now;
          samples++;
          if (document.querySelector('.catching-up')) catching++;
          if (now < end) requestAnimationFrame(tick);
          else {
            running = false;
            resolve({
              frames,
              work,
              catching: catching / samples,
              clock: document.querySelector('.clock-value')?.textContent,
              active: [...document.querySelectorAll('.stat')].find((s) => s.textContent.startsWith('active'))?.querySelector('dd')?.textContent,
              cells: document.querySelectorAll('.cell').length,
            });
          }
        };
        requestAnimationFrame(tick);
      }),
    SECONDS,
  );
  await context.close();

  const f = result.frames.slice(1);
  const w = result.work.slice(1);
  const wasm = fs.statSync(path.join(DIST, 'jobplay_bg.wasm')).size;
  console.log('Job Playground page benchmark (headless Chromium, dist/)');
  const runs = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  const prerendered = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').includes('<template id="paint-en">');
  console.log(`  first pod card shown after navigation (${prerendered ? 'the prerendered view' : 'no prerender in this build: the live page'}), median of 5: ${ms(median(firstPod))}  (runs: ${runs(firstPod)} ms)`);
  console.log(`  first pod card of the live page (the wasm running), median of 5: ${ms(median(livePod))}  (runs: ${runs(livePod)} ms)`);
  console.log(`  first pod card of saved work that is a long run (the 1,000-pod Job as the Draft), reloaded: its first pod (a cell), median of 5: ${ms(median(savedPod))}  (runs: ${runs(savedPod)} ms)`);
  console.log(`  1,000 active pods at 100x for ${SECONDS} s: ${f.length} frames`);
  console.log(`    frame time (main-thread work per frame) p50 ${ms(percentile(w, 50))}  p95 ${ms(percentile(w, 95))}  max ${ms(Math.max(...w))}`);
  console.log(`    frame interval (requestAnimationFrame) p50 ${ms(percentile(f, 50))}  p95 ${ms(percentile(f, 95))}  max ${ms(Math.max(...f))}; ${f.filter((x) => x > 25).length} frames longer than 25 ms`);
  console.log(`    clock reached t = ${result.clock}; active ${result.active}; ${result.cells} cells in the DOM; catching up in ${(result.catching * 100).toFixed(0)}% of frames`);
  console.log(`  wasm: ${wasm} B raw`);
  if (process.env.BENCH_FIGURES) {
    const load = median(firstPod);
    const live = median(livePod);
    const p95 = percentile(w, 95);
    fs.appendFileSync(process.env.BENCH_FIGURES,
      `Load (Chromium)\tnavigation to the first pod shown${prerendered ? ' (prerendered)' : ''}, median of 5\t${ms(load)}\t< 1 s\t${load < 1000 ? 'met' : 'NOT met'}\n`
      + `Load (Chromium)\tnavigation to the first pod of the live page (wasm running), median of 5\t${ms(live)}\t< 1 s\t${live < 1000 ? 'met' : 'NOT met'}\n`
      + `Load (Chromium)\tnavigation to the first pod of saved work that is a long run, median of 5\t${ms(median(savedPod))}\t< 1 s\t${median(savedPod) < 1000 ? 'met' : 'NOT met'}\n`
      + `Frames (Chromium)\tp95 frame time, 1,000 active pods at 100x for ${SECONDS} s\t${ms(p95)} (interval p95 ${ms(percentile(f, 95))})\t< 16 ms\t${p95 < 16 ? 'met' : 'NOT met'}\n`);
  }
  if (errors.length) {
    console.error(`page errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
