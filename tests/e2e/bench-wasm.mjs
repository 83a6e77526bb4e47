// Runs the engine (tools/wasm-bench, built by scripts/bench-wasm.sh) in headless
// Chromium and prints figures; asserts nothing. The scenarios are the native
// benchmark's (benches/scenarios.rs):
//
//   * the 100,000-index Job to its end: wall time, events per second, wasm memory;
//   * 1,000 CronJob schedules, each over a simulated year;
//   * the page's long run (a CronJob every minute for 48 h played by ui::driver's
//     Playback): the wasm memory after each virtual hour.
//
// Each runs in a fresh page, so that the memory is that run's. With BENCH_FIGURES=FILE
// the headline figures are appended to FILE (scripts/bench-summary.mjs prints them).
// Usage: node tests/e2e/bench-wasm.mjs SITE_DIR
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const site = path.resolve(process.argv[2] || 'target/wasm-bench/site');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(site) || !fs.existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const figure = (area, what, value, goal, met) => {
  if (!process.env.BENCH_FIGURES) return;
  const m = met === undefined ? '-' : met ? 'met' : 'NOT met';
  fs.appendFileSync(process.env.BENCH_FIGURES, `${area}\t${what}\t${value}\t${goal}\t${m}\n`);
};
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobplay-bench-'));
// A fresh, empty profile (Playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const fresh = async () => {
    await page.goto(`http://127.0.0.1:${port}/bench.html`);
    await page.evaluate(() => window.benchReady);
  };

  // 1. The 100,000-index Job, best of 3 (a fresh page each).
  let best = null;
  for (let i = 0; i < 3; i++) {
    await fresh();
    const r = await page.evaluate(() => window.timed('indexed_job'));
    if (!best || r.ms < best.ms) best = r;
  }
  {
    const [pods, events, steps] = best.out.split(',').map(Number);
    const s = best.ms / 1000;
    console.log(`wasm indexed-100000-parallelism-1000: best of 3: ${s.toFixed(3)} s; ${pods} pods, ${events} events, `
      + `${steps} steps; ${Math.round(events / s)} events/s; wasm memory after ${mib(best.memory)}`
      + (best.out.startsWith('error') ? ` (${best.out})` : ''));
    figure('Engine (wasm, Chromium)', '100,000-index Job to its end',
      `${s.toFixed(2)} s, ${Math.round(events / s / 1000)}k events/s`, '< 3 s', s < 3);
    await fresh();
    const pageRun = await page.evaluate(() => window.timed('page_indexed'));
    console.log(`wasm indexed-100000-parallelism-1000, page (Playback jumped to the end): ${(pageRun.ms / 1000).toFixed(3)} s; wasm memory after ${mib(Number(pageRun.out))}`);
    figure('Memory (wasm, Chromium)', 'wasm memory after the 100,000-index Job',
      `${mib(best.memory)} (the page: ${mib(Number(pageRun.out))})`, '(reported)');
  }

  // 2. 1,000 CronJob schedules over a simulated year.
  await fresh();
  await page.evaluate(() => window.bench.cron_prepare());
  {
    const r = await page.evaluate(() => window.timed('cron_thousand'));
    const [jobs, events, halted] = r.out.split(',').map(Number);
    const s = r.ms / 1000;
    console.log(`wasm cronjob-1000-schedules-one-year: ${s.toFixed(3)} s; ${jobs} Jobs scheduled, ${events} events; `
      + `${Math.round(events / s)} events/s; ${halted} runs stopped by a limit; wasm memory after ${mib(r.memory)}`);
    figure('Engine (wasm, Chromium)', '1,000 CronJob schedules over a simulated year',
      `${s.toFixed(2)} s, ${Math.round(events / s / 1000)}k events/s, ${jobs} Jobs`, '(reported)');
  }

  // 3. The page's long run: wasm memory after each virtual hour.
  await fresh();
  {
    const r = await page.evaluate(() => window.timed('page_memory'));
    const flat = await page.evaluate((s) => window.bench.page_memory_flat(s), r.out);
    const samples = r.out.split(',').map((x) => x.split(':').map(Number));
    const day = (a, b) => Math.max(...samples.filter(([h]) => h >= a && h <= b).map(([, m]) => m));
    console.log(`wasm cronjob-every-minute-48h, page (Playback): ${(r.ms / 1000).toFixed(2)} s; wasm memory every 6 virtual hours: `
      + samples.filter(([h]) => h % 6 === 0 || h === 1).map(([h, m]) => `${h}h ${mib(m)}`).join(', '));
    figure('Memory (wasm, Chromium)', 'page playing a CronJob every minute for 48 h',
      `day 1 max ${mib(day(1, 24))}, day 2 max ${mib(day(25, 48))}`, 'flat', flat);
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
