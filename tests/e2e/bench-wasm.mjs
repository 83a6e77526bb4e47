// Runs the engine (tools/wasm-bench) in headless Chromium and prints figures:
// the 100,000-index Job with parallelism 1,000 and a year of a CronJob every 8 hours.
// Usage: node tests/e2e/bench-wasm.mjs SITE_DIR  (scripts/bench-wasm.sh builds SITE_DIR).
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
  await page.goto(`http://127.0.0.1:${port}/bench.html`);
  await page.evaluate(() => window.benchReady);
  const scenarios = {
    'indexed-100000-parallelism-1000': `apiVersion: batch/v1
kind: Job
metadata:
  name: big
spec:
  completions: 100000
  parallelism: 1000
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: big
spec:
  stopAfterSeconds: 100000
  pods:
  - runSeconds: 10
`,
    'cronjob-every-8h-one-year': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "0 */8 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox
            command: ["sh", "-c", "echo tick"]
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: year
spec:
  stopAfterSeconds: 31536000
`,
  };
  for (const [name, text] of Object.entries(scenarios)) {
    // A fresh page for each scenario, so that memory is that run's.
    await page.reload();
    await page.evaluate(() => window.benchReady);
    const r = await page.evaluate((t) => window.runScenario(t), text);
    const [pods, events] = r.out.split(',').map(Number);
    console.log(`wasm ${name}: ${(r.ms / 1000).toFixed(3)} s; ${pods} pods, ${events} events; `
      + `${Math.round(events / (r.ms / 1000))} events/s; wasm memory ${(r.memory / 1048576).toFixed(1)} MiB`
      + (r.out.startsWith('error') ? ` (${r.out})` : ''));
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
