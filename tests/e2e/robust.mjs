// End-to-end tests of the page's robustness, in Debian's Chromium (playwright-core),
// like tests/e2e/run.mjs (same server under a sub-path, same flags):
//
//   * no user text reaches the DOM as HTML: script payloads in a Job's annotations,
//     the Scenario's logs, reasons, condition messages and descriptions, and in
//     values the API server rejects, show literally, and none of them runs;
//   * a run that reaches a limit says so on the Job card (the tab stays alive), and
//     input over a limit is refused at its line.
//
// Share links (`#v=1&yaml=...`) are read by the page's link code, tested with its
// own payloads in run.mjs; these tests go through the editor.
// Run with `node tests/e2e/robust.mjs` after `make dist`; `make test` runs it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serveDir } from '../../scripts/local-serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const SUB_PATH = '/docs/playground/';

let server;
let base;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is missing: run `make dist` first');
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serveDir(DIST, SUB_PATH);
  base = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page that counts any payload that runs (`window.__xss`) and records errors. */
async function openPage(colorScheme = 'light') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('dialog', (d) => {
    problems.push(`a dialog opened: ${d.message()}`);
    d.dismiss();
  });
  await page.addInitScript(() => {
    window.__xss = 0;
  });
  await page.goto(base);
  await page.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 15_000 });
  return { page, problems, close: () => context.close() };
}

const editorOf = (page) => page.getByRole('textbox', { name: 'Job YAML' });
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Elements carrying an inline event handler, or created from a payload's tags. */
// (index.html's own inline script at the end of <body>, which shows the prerendered
// first paint, is not a payload: it is the served file's, byte for byte.)
const injected = (page) =>
  page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => !(e.tagName === 'SCRIPT' && e.parentElement === document.body
      && e.textContent.trimStart().startsWith('// Shows the prerendered view')))
    .filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))
      || ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName)
      || (e.tagName === 'IMG' && e.getAttribute('src') === 'x'))
    .map((e) => e.outerHTML.slice(0, 80)));

const IMG = '<img src=x onerror="window.__xss++">';
const SCRIPT = '<script>window.__xss++</script>';
const SVG = '<svg onload="window.__xss++"></svg>';
const IFRAME = '"><iframe src="javascript:parent.__xss++"></iframe>';

const q = (s) => JSON.stringify(s);
const HOSTILE = `apiVersion: batch/v1
kind: Job
metadata:
  name: xss
  annotations:
    note: ${q(SCRIPT)}
spec:
  completions: 2
  backoffLimit: 3
  template:
    metadata:
      annotations:
        html: ${q(IMG)}
        svg: ${q(SVG)}
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", ${q(`echo ${IFRAME}`)}]
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: xss
  annotations:
    description: ${q(IMG + SCRIPT)}
spec:
  pods:
  - pod: "0"
    runSeconds: 3
    exitCode: 1
    reason: ${q(SVG)}
    logs: ${q(`${IMG}\n${SCRIPT}`)}
  - runSeconds: 4
  actions:
  - at: 2
    addPodCondition: {pod: "0", type: ConfigIssue, reason: Bad, message: ${q(IFRAME)}}
`;

test('script payloads in names, annotations, logs, reasons and messages show as text and never run', { timeout: 90_000 }, async () => {
  const { page, problems, close } = await openPage();
  await editorOf(page).fill(HOSTILE);
  await button(page, 'Reset').click();
  await page.locator('#app[data-live] .pod-card').first().waitFor();
  await button(page, 'Jump to end').click();
  await page.locator('.outcome-headline').getByText(/Complete/).waitFor({ timeout: 30_000 });

  // The first pod: its YAML shows the annotations, the reason and the condition message.
  await page.locator('.pod-card').first().click();
  const yaml = await page.locator('.pod-yaml pre').innerText();
  for (const p of [IMG, SVG, IFRAME]) assert.ok(yaml.includes(p.replace(/"/g, '\\"')) || yaml.includes(p), `pod YAML shows ${p} as text:\n${yaml}`);
  // kubectl describe and get pods, and the logs of both pods.
  await page.getByRole('tab', { name: 'kubectl describe' }).click();
  const describe = await page.locator('.terminal').innerText();
  assert.ok(describe.includes(SCRIPT), `describe shows the Job's annotation:\n${describe}`);
  await page.getByRole('tab', { name: 'kubectl get pods' }).click();
  await page.getByRole('tab', { name: 'kubectl logs' }).click();
  const select = page.locator(".kubectl select");
  const pods = await select.locator('option').allInnerTexts();
  assert.ok(pods.length >= 2, `pods: ${pods}`);
  const logs = [];
  for (const name of pods) {
    await select.selectOption(name);
    await page.locator('.terminal').getByText(`kubectl logs ${name}`).waitFor();
    logs.push(await page.locator('.terminal').innerText());
  }
  assert.ok(logs.some((l) => l.includes(IMG) && l.includes(SCRIPT)), `the scripted logs show as text:\n${logs.join('\n')}`);
  // (the shell's quoting takes the double quotes away, as sh would)
  assert.ok(logs.some((l) => l.includes('><iframe src=javascript:parent.__xss++></iframe>')), `echo prints the payload as text:\n${logs.join('\n')}`);
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator('table.events').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'xss-wide-light.png'), fullPage: true });

  // A value the API server rejects is quoted in its message, as text.
  await editorOf(page).fill(HOSTILE.replace('name: xss\n  annotations:\n    note', `name: ${q(IMG)}\n  annotations:\n    note`));
  const alert = page.locator('#yaml-problems');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  const said = await alert.innerText();
  assert.ok(said.includes('<img src=x onerror='), `the error quotes the bad name as text:\n${said}`);

  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), 0, 'no payload ran');
  assert.deepEqual(await injected(page), [], 'no element came from a payload');
  assert.deepEqual(problems, []);
  await close();
});

test('a run that reaches a limit says so on the Job card; input over a limit is refused at its line', { timeout: 60_000 }, async () => {
  const { page, problems, close } = await openPage('dark');
  // The TTL deletion of this Job lies 68 years ahead: past the 366 days a run may take.
  const ttl = `apiVersion: batch/v1
kind: Job
metadata:
  name: forever
spec:
  ttlSecondsAfterFinished: 2147483647
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: ["sleep", "5"]
`;
  await editorOf(page).fill(ttl);
  await button(page, 'Reset').click();
  await button(page, 'Jump to end').click();
  const card = page.locator('.job-card .notice.warn[role="alert"]');
  await card.waitFor({ timeout: 30_000 });
  assert.match(await card.innerText(), /Limit reached: the run was stopped at t=8784h00m00s: it reached 366d of virtual time, the most one run may simulate \(limit: virtual time per run\)/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'limit-wide-dark.png'), fullPage: true });
  // The page is alive: the scrubber still goes back.
  await page.getByRole('slider', { name: 'Virtual time' }).fill('3000');
  assert.match(await page.locator('.clock-value').innerText(), /^3s$/);

  // Completions over the limit: refused at the line, in the problems list.
  await editorOf(page).fill(ttl.replace('ttlSecondsAfterFinished: 2147483647', 'completions: 1000000'));
  const alert = page.locator('#yaml-problems');
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  const said = await alert.innerText();
  assert.match(said, /Line 6/);
  assert.match(said, /must be at most 100000, the most completions one run may simulate \(limit: completions per run\)/);
  assert.deepEqual(problems, []);
  await close();
});
