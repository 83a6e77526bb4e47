// End-to-end tests of issue 7 in Debian's Chromium: share links (valid, made by
// Python, the format's own example, corrupt, cut short, foreign, huge, hostile),
// the Share button and Ctrl+S, the address bar, autosave and reload, named
// scenarios (two tabs editing one draft), importing a dropped or chosen file, downloads (the run JSON against
// `jobplay run --json`), embed mode in an iframe of a documentation page and
// its "Try it" script, the workshop walk-through, and offline use through the
// service worker. `make test` runs it after tests/e2e/run.mjs. Screenshots go to
// tests/e2e/screenshots/. Nothing asserts how long something takes; the one
// measurement (how long a fragment Chromium keeps) is printed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  ROOT, start, stop, base, origin, openPage, openIn, assertClean, shot, editorOf, button, clockSeconds, noSidewaysScroll,
} from './harness.mjs';

const example = (name) => fs.readFileSync(path.join(ROOT, 'examples', `${name}.yaml`), 'utf8');
const SPEC_LINK = '#v=1&yaml=RZDPSsRADMbvfYqPenAXttoVTwO-gKh4EC8ibNqmbdjOH2bSXXx7Z2BXc0n4hXxfkht8zIzB96tlp6Ti3W3CKDEpnn1n0HsbVmU8tG2LQSbRBD8iCDbU-VWxb5G2O-jMDpFpKJXFWXTGYfFTOtxVFOSTY8raBh1pP9-f9tVR3GCKR2VZaSAlUwGOLJusXqXAfQHKNiykXGrgSkv0Pi8sLgtfSfM_jkuIpakQjssfyydZKuZfdeH1Dqib104mt9qnLkgGdXNeuOQQxSky3JQHbOvvi0rkpBT13S_S_xi88YljbnXUH_04vogVNXisfgE&speed=10';
const MAX_LINK_BYTES = 8000;

/** A fragment made as the format says, with node's zlib (raw DEFLATE) and base64url. */
const fragmentOf = (text, extra = '') =>
  `#v=1&yaml=${zlib.deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64url')}${extra}`;

const messages = (page) => page.locator('.messages').innerText();
const draftOf = (page) => page.evaluate(() => localStorage.getItem('jobplay.v1.draft'));
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Type at the end of the editor (as a person does: the page autosaves). */
async function typeAtEnd(page, text) {
  const ed = editorOf(page);
  await ed.evaluate((t) => (t.focus(), t.setSelectionRange(t.value.length, t.value.length)));
  await page.keyboard.type(text);
}

async function waitForHash(page, pred, what) {
  await page.waitForFunction(pred, null, { timeout: 10_000 }).catch(() => assert.fail(`address bar: ${what}`));
}

before(start);
after(stop);

test('links: the format\'s example opens as the gallery\'s pi at speed 10', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage(base + SPEC_LINK);
  assert.equal(await editorOf(page).inputValue(), fs.readFileSync(path.join(ROOT, 'www/examples/pi.yaml'), 'utf8'));
  assert.equal(await page.getByLabel('Speed').inputValue(), '10');
  assert.match(await messages(page), /Opened from a link, exactly as it was sent/);
  assert.match(await page.locator('.source-line').innerText(), /From a link · not saved until you edit it/);
  assert.match(await page.locator('.pod-card .pod-name').first().innerText(), /^pi-/);
  // Nothing was written: a link is only shown.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jobplay.v1.'))), []);
  await shot(page, 'link-opened-wide-light');
  assertClean(problems);
  await page.close();
});

test('links: a link made by Python\'s zlib and base64 opens exactly', { timeout: 60_000 }, async (t) => {
  const file = path.join(ROOT, 'examples/backoff-limit-per-index.yaml');
  const py = spawnSync('python3', [path.join(ROOT, 'tests/fixtures/links/make_python_links.py'), file], { encoding: 'utf8' });
  let lines;
  if (py.status === 0) {
    lines = py.stdout.trim().split('\n');
  } else {
    t.diagnostic('python3 is not available: using the committed links');
    lines = fs.readFileSync(path.join(ROOT, 'tests/fixtures/links/python-links.tsv'), 'utf8').trim().split('\n');
  }
  const [, level, json, fragment] = lines[lines.length - 1].split('\t');
  const { page, problems } = await openPage(`${base}#${fragment}`);
  assert.equal(await editorOf(page).inputValue(), JSON.parse(json), `zlib level ${level}`);
  assert.match(await page.locator('.validity').innerText(), /Valid/);
  assertClean(problems);
  await page.close();
});

test('links: corrupt, cut short, foreign and invalid links say so, show what was recovered, and keep the saved work', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await openPage();
  await typeAtEnd(page, '# my own work\n');
  await page.waitForFunction(() => (localStorage.getItem('jobplay.v1.draft') || '').endsWith('# my own work\n'));
  const mine = await draftOf(page);
  const good = fragmentOf(example('backoff-limit'));

  const cases = [
    { name: 'cut short', hash: good.slice(0, Math.floor(good.length * 0.6)), says: /This link was cut short.*The \d+ characters that could be read are shown as a recovered draft/, recovered: true },
    { name: 'not base64url', hash: `${good.slice(0, 400)}*${good.slice(400)}`, says: /character 391 of its data is not base64url.*recovered draft/, recovered: true },
    { name: 'not DEFLATE', hash: `#v=1&yaml=${Buffer.alloc(60, 0xff).toString('base64url')}`, says: /damaged and cannot be read in full.*Nothing could be read from it/ },
    { name: 'not ours', hash: '#section-2', says: /“#section-2”, which is not a Job Playground link. Your own work is shown/ },
    { name: 'a newer format', hash: '#v=9&yaml=AAAA', says: /newer Job Playground \(format v=9\)/ },
    { name: 'no scenario', hash: '#v=1&speed=3', says: /holds no scenario/ },
    { name: 'unknown example', hash: '#v=1&example=nope', says: /example “nope” that this playground does not have/ },
    { name: 'invalid YAML', hash: fragmentOf('apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  parallelismm: 2\n'), says: /The link's YAML has problems, listed under the editor/, invalid: true },
  ];
  for (const c of cases) {
    const { page: p, problems: pp } = await openIn(context, base + c.hash, { ready: false });
    await p.locator('.message.problem').first().waitFor({ timeout: 15_000 });
    assert.match(await messages(p), c.says, c.name);
    const shown = await editorOf(p).inputValue();
    if (c.recovered) {
      assert.ok(shown.length > 20 && example('backoff-limit').startsWith(shown), `${c.name}: a prefix is shown: ${JSON.stringify(shown)}`);
      assert.match(await p.locator('.source-line').innerText(), /Recovered from a damaged link · not saved until you edit it/);
    } else if (c.invalid) {
      assert.match(shown, /parallelismm/);
      assert.match(await p.locator('#yaml-problems').innerText(), /unknown field "spec\.parallelismm"/);
    } else {
      assert.equal(shown, mine, `${c.name}: the person's own work is shown`);
    }
    if (c.name === 'cut short') await shot(p, 'link-error-wide-light');
    if (c.name === 'cut short') {
      await p.emulateMedia({ colorScheme: 'dark' });
      await shot(p, 'link-error-wide-dark');
    }
    assert.equal(await draftOf(p), mine, `${c.name}: the draft is untouched`);
    assertClean(pp);
    await p.close();
  }
  // Editing a recovered text adopts it as the draft; the earlier draft is kept under a name.
  const { page: p } = await openIn(context, base + cases[0].hash, { ready: false });
  await p.locator('.message.problem').first().waitFor();
  await typeAtEnd(p, '# fixed by hand\n');
  await p.locator('.message.news', { hasText: 'Your earlier draft is kept in My scenarios as “Earlier draft”' }).waitFor();
  assert.match(await draftOf(p), /# fixed by hand/);
  const kept = await p.evaluate(() => {
    const [id] = localStorage.getItem('jobplay.v1.scenarios').split('\t');
    return localStorage.getItem(`jobplay.v1.scenario.${id}`);
  });
  assert.equal(kept, mine);
  await p.close();
  assertClean(problems);
  await page.close();
});

test('links: a huge link opens; sharing one offers the file instead; how long a fragment Chromium keeps', { timeout: 120_000 }, async (t) => {
  // Text that does not compress: a comment of random letters before the Job.
  const noise = `# ${[...crypto.randomBytes(40_000)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const text = `${noise}\n${example('pi')}`;
  const hash = fragmentOf(text);
  assert.ok(hash.length > 20_000);
  const { page, problems } = await openPage(base + hash);
  assert.equal(await editorOf(page).inputValue(), text);
  await button(page, 'Share link').click();
  const status = page.locator('.share-status');
  await status.getByText(/more than the 8,000 that chat tools/).waitFor();
  assert.match(await status.innerText(), /This link would be [\d,]+ characters/);
  await shot(page, 'share-too-long-wide-light', false);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, 'share message');
  await page.setViewportSize({ width: 1280, height: 800 });
  const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Download the .yaml file' }).click()]);
  assert.equal(download.suggestedFilename(), 'pi.scenario.yaml');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), text);
  // The address bar never holds a link over the limit.
  await typeAtEnd(page, '# x\n');
  await waitForHash(page, () => location.hash === '', 'cleared, not over the limit');
  // How long a fragment Chromium keeps (a figure, printed).
  const kept = [];
  for (const n of [8_000, 64_000, 512_000, 2_000_000, 3_000_000]) {
    const h = `#v=1&x=${'a'.repeat(n)}`;
    const p = await page.context().newPage();
    await p.goto(`${base}?probe${h}`).catch(() => {});
    const got = await p.evaluate(() => location.hash.length).catch(() => 0);
    kept.push(`${n}: ${got >= h.length ? 'kept' : `cut to ${got}`}`);
    await p.close();
  }
  t.diagnostic(`Chromium fragment lengths: ${kept.join(', ')}; the page offers links up to ${MAX_LINK_BYTES} bytes`);
  assert.match(kept[0], /kept/, 'Chromium keeps a fragment at the default limit');
  assertClean(problems.filter((p) => !p.includes('?probe')));
  await page.close();
});

test('share: the button and Ctrl+S copy a link to this moment; it opens the same scenario', { timeout: 90_000 }, async () => {
  const { page, problems, context } = await openPage();
  await page.locator('.gallery > summary').click();
  await page.locator('button.example', { hasText: 'Exponential backoff' }).click();
  await page.locator('.gallery > summary').click();
  for (let i = 0; i < 4; i++) await button(page, 'Step').click();
  const at = await clockSeconds(page);
  assert.ok(at > 0);
  await page.getByRole('tab', { name: 'Events' }).click();
  await button(page, 'Share link').click();
  const status = page.locator('.share-status');
  await status.getByText(/Link copied/).waitFor();
  assert.match(await status.innerText(), new RegExp(`Link copied \\([\\d,]+ characters\\)\\. Whoever opens it sees this scenario at t = `));
  await shot(page, 'share-copied-wide-light', false);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${base}#v=1&yaml=`), link);
  assert.match(link, /&view=events/);
  assert.match(link, new RegExp(`&t=${at}(&|$)`));
  // Ctrl+S, typed in the editor: the link again, and never the browser's save dialog.
  await page.evaluate(() => {
    window.__saveDefault = null;
    window.addEventListener('keydown', (e) => {
      if (e.key === 's' && e.ctrlKey) window.__saveDefault = e.defaultPrevented;
    });
    navigator.clipboard.writeText('');
  });
  await button(page, 'Dismiss').last().click();
  await editorOf(page).focus();
  await page.keyboard.press('Control+s');
  await status.getByText(/Link copied/).waitFor();
  assert.equal(await page.evaluate(() => window.__saveDefault), true, 'Ctrl+S is prevented');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // The link opens the same text, paused at the same moment, on the same tab.
  const { page: other, problems: op } = await openIn(context, link);
  assert.equal(await editorOf(other).inputValue(), example('backoff'));
  assert.equal(await clockSeconds(other), at);
  assert.equal(await other.getByRole('tab', { name: 'Events' }).getAttribute('aria-selected'), 'true');
  assertClean(op);
  await other.close();
  assertClean(problems);
  await page.close();
});

test('autosave: the address bar follows the text, a reload restores the work, another tab has it too', { timeout: 90_000 }, async () => {
  const { page, problems, context } = await openPage();
  assert.equal(await page.evaluate(() => location.hash), '', 'no fragment until something changes');
  await typeAtEnd(page, '# one\n');
  await waitForHash(page, () => location.hash.startsWith('#v=1&yaml='), 'a link to the text');
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.length < MAX_LINK_BYTES);
  // Typing on and reloading at once (before the address bar catches up) loses nothing.
  await typeAtEnd(page, '# two\n');
  await page.reload();
  await page.locator('#app[data-live] .pod-card').first().waitFor();
  assert.match(await editorOf(page).inputValue(), /# one\n# two\n$/);
  assert.match(await page.locator('.source-line').innerText(), /Draft · saved in this browser/);
  assert.equal(await page.locator('.message').count(), 0, 'the page\'s own fragment is not a link to announce');
  // A new tab without a link shows the draft.
  const { page: tab2, problems: p2 } = await openIn(context, base);
  assert.match(await editorOf(tab2).inputValue(), /# one\n# two\n$/);
  assertClean(p2);
  await tab2.close();
  // Back in the first tab: the speed goes into the address bar too.
  await page.getByLabel('Speed').selectOption('5');
  await waitForHash(page, () => location.hash.includes('&speed=5'), 'the speed');
  assertClean(problems);
  await page.close();
});

test('two tabs: both type into the draft, neither loses its text; each list follows the other\'s saves', { timeout: 90_000 }, async () => {
  const { page: a, problems: pa, context } = await openPage();
  await typeAtEnd(a, '# from A\n');
  await a.waitForFunction(() => (localStorage.getItem('jobplay.v1.draft') || '').endsWith('# from A\n'));
  const { page: b, problems: pb } = await openIn(context, base);
  assert.match(await editorOf(b).inputValue(), /# from A\n$/, 'B opens the draft A wrote');
  // B types: the draft is B's now. A types on without knowing.
  await typeAtEnd(b, '# from B\n');
  await b.waitForFunction(() => (localStorage.getItem('jobplay.v1.draft') || '').endsWith('# from B\n'));
  await typeAtEnd(a, '# A again\n');
  await a.locator('.message.news', { hasText: 'Another tab changed this text while you edited it here: your text is kept in My scenarios as “Draft from a second tab”' }).waitFor();
  assert.match(await a.locator('.source-line').innerText(), /“Draft from a second tab” · saved in this browser/);
  const stored = await a.evaluate(() => ({ draft: localStorage.getItem('jobplay.v1.draft'), fork: localStorage.getItem('jobplay.v1.scenario.1') }));
  assert.match(stored.draft, /# from A\n# from B\n$/, 'B\'s text stays the draft');
  assert.match(stored.fork, /# from A\n# A again\n$/, 'A\'s text is kept too');
  await shot(a, 'two-tabs-forked', false);
  // B's list shows A's scenario without a reload (the storage event).
  await b.locator('.library > summary').click();
  await b.locator('.lib-list').getByRole('button', { name: 'Open Draft from a second tab' }).waitFor();
  // Each tab goes on typing into its own text; a reload of each shows its own.
  await typeAtEnd(a, '# A, third\n');
  await typeAtEnd(b, '# B, second\n');
  await a.waitForFunction(() => (localStorage.getItem('jobplay.v1.scenario.1') || '').endsWith('# A, third\n'));
  await b.waitForFunction(() => (localStorage.getItem('jobplay.v1.draft') || '').endsWith('# B, second\n'));
  for (const [p, mine] of [[a, /# A, third\n$/], [b, /# B, second\n$/]]) {
    await p.reload();
    await p.locator('#app[data-live] .pod-card').first().waitFor();
    assert.match(await editorOf(p).inputValue(), mine);
  }
  assertClean(pa);
  assertClean(pb);
  await a.close();
  await b.close();
});

test('my scenarios: save as, rename, open, download, delete, import a chosen file', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  await page.locator('.library > summary').click();
  await page.getByLabel('Save the text as').fill('Backoff demo');
  await page.keyboard.press('Enter');
  const lib = page.locator('.lib-list');
  await lib.getByRole('button', { name: 'Open Backoff demo' }).waitFor();
  assert.match(await page.locator('.source-line').innerText(), /“Backoff demo” · saved in this browser/);
  // Edits go to the open scenario.
  await typeAtEnd(page, '# demo\n');
  await page.waitForFunction(() => (localStorage.getItem('jobplay.v1.scenario.1') || '').endsWith('# demo\n'));
  // Rename with the keyboard.
  await lib.getByRole('button', { name: 'Rename Backoff demo' }).click();
  const field = page.getByLabel('New name');
  await field.fill('Retries');
  await field.press('Enter');
  await lib.getByRole('button', { name: 'Open Retries' }).waitFor();
  // Download it.
  const [dl] = await Promise.all([page.waitForEvent('download'), lib.getByRole('button', { name: 'Download Retries' }).click()]);
  assert.equal(dl.suggestedFilename(), 'Retries.yaml');
  assert.match(fs.readFileSync(await dl.path(), 'utf8'), /# demo\n$/);
  // Import a file through the chooser.
  const tmp = path.join(os.tmpdir(), `jobplay-import-${process.pid}.yaml`);
  fs.writeFileSync(tmp, example('parallel'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a .yaml file…' }).click()]);
  await chooser.setFiles(tmp);
  await lib.getByRole('button', { name: `Open jobplay-import-${process.pid}` }).waitFor();
  assert.equal(await editorOf(page).inputValue(), example('parallel'));
  fs.rmSync(tmp);
  await shot(page, 'library-wide-light', false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'library-wide-dark', false);
  await page.emulateMedia({ colorScheme: 'light' });
  // Open the first again, then delete it (asked twice): the draft opens instead.
  await lib.getByRole('button', { name: 'Open Retries' }).click();
  assert.match(await editorOf(page).inputValue(), /# demo\n$/);
  await lib.getByRole('button', { name: 'Delete Retries' }).click();
  assert.match(await lib.innerText(), /Delete “Retries”\? This cannot be undone\./);
  await lib.getByRole('button', { name: 'Delete', exact: true }).click();
  await lib.getByRole('button', { name: 'Open Retries' }).waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('jobplay.v1.scenario.1')), null);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.locator('.library').scrollIntoViewIfNeeded();
  await noSidewaysScroll(page, 'my scenarios');
  await shot(page, 'library-narrow-light', false);
  assertClean(problems);
  await page.close();
});

test('a .yaml file dropped on the page opens as a new scenario', { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  const text = example('indexed-job');
  const drag = async (type) =>
    page.evaluate(([type, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped-job.yaml', { type: 'application/yaml' }));
      document.querySelector('.sim-panel').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, [type, text]);
  await drag('dragover');
  await page.locator('.drop-overlay').waitFor();
  assert.match(await page.locator('.drop-overlay').innerText(), /Drop a \.yaml file to open it as a new scenario/);
  await shot(page, 'drop-overlay-wide-light', false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'drop-overlay-wide-dark', false);
  await drag('drop');
  await page.locator('.drop-overlay').waitFor({ state: 'detached' });
  await page.locator('.message.news', { hasText: 'Imported “dropped-job” into My scenarios.' }).waitFor();
  assert.equal(await editorOf(page).inputValue(), text);
  assert.equal(await page.locator('.lane').count(), 5);
  // A file that is not text is refused with its name.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0xff, 0xfe, 0x00, 0x81])], 'photo.png'));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await page.locator('.message.problem', { hasText: '“photo.png” is not UTF-8 text' }).waitFor();
  assert.equal(await editorOf(page).inputValue(), text);
  assertClean(problems);
  await page.close();
});

function cli(args) {
  const bins = ['target/release/jobplay', 'target/debug/jobplay'].map((b) => path.join(ROOT, b)).filter((b) => fs.existsSync(b));
  assert.ok(bins.length, 'the jobplay CLI is not built (cargo build --bin jobplay)');
  const r = spawnSync(bins[0], args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('downloads: the Job for kubectl, the whole file, the timeline as SVG and PNG, the run as jobplay run --json', { timeout: 90_000 }, async () => {
  const { page, problems } = await openPage();
  await page.locator('.gallery > summary').click();
  await page.locator('button.example', { hasText: 'Backoff limit exceeded' }).click();
  await page.locator('.gallery > summary').click();
  await button(page, 'Jump to end').click();
  await page.locator('.outcome-headline').getByText(/Failed/).waitFor();
  const get = async (label) => {
    await page.locator('.menu > summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    return { name: d.suggestedFilename(), data: fs.readFileSync(await d.path()) };
  };
  const job = await get('Job YAML (for kubectl apply)');
  assert.equal(job.name, 'limited.yaml');
  assert.ok(!job.data.toString().includes('Scenario'));
  assert.ok(example('backoff-limit').startsWith(job.data.toString().trimEnd()));
  const all = await get('YAML with its Scenario');
  assert.equal(all.name, 'limited.scenario.yaml');
  assert.equal(all.data.toString(), example('backoff-limit'));
  const svg = await get('Timeline as SVG');
  assert.equal(svg.name, 'limited-timeline.svg');
  assert.match(svg.data.toString(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal((svg.data.toString().match(/<g>/g) || []).length, 3, 'one bar per pod');
  const png = await get('Timeline as PNG');
  assert.equal(png.name, 'limited-timeline.png');
  assert.deepEqual([...png.data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.data.readUInt32BE(16), 2 * 960, 'drawn at twice the SVG width');
  const json = await get('Run as JSON (jobplay run --json)');
  assert.equal(json.name, 'limited-run.json');
  const file = path.join(os.tmpdir(), `jobplay-dl-${process.pid}.yaml`);
  fs.writeFileSync(file, example('backoff-limit'));
  assert.equal(json.data.toString(), cli(['run', file, '--json']), 'the same bytes as the CLI');
  fs.rmSync(file);
  assertClean(problems);
  await page.close();
});

test('embed: an iframe in a documentation page, compact, editor collapsed, Open in playground; and the Try it script', { timeout: 120_000 }, async () => {
  for (const [scheme, width] of [['light', 1280], ['light', 375], ['dark', 375]]) {
    const { page, problems, context } = await openPage(`${origin}/docs/guide.html`, { ready: false, colorScheme: scheme, width, height: 900 });
    const frame = page.frameLocator('#embed');
    await frame.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 15_000 });
    // No site chrome; the editor is collapsed; autoplay runs it.
    assert.equal(await frame.locator('.site-header').count(), 0);
    assert.equal(await frame.locator('.embed-bar').count(), 1);
    assert.equal(await frame.getByRole('textbox', { name: 'Job YAML' }).isVisible(), false);
    await frame.locator('.clock-value').filter({ hasNotText: /^0s$/ }).waitFor({ timeout: 15_000 });
    const open = frame.getByRole('link', { name: /Open in playground/ });
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.equal(await open.getAttribute('rel'), 'noopener');
    const href = await open.getAttribute('href');
    assert.ok(href.startsWith(`${base}#v=1&example=backoff`), href);
    assert.ok(!href.includes('embed=1') && !href.includes('autoplay=1'), href);
    // Nothing of the embed is stored.
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    if (width === 375) {
      await page.locator('#embed').scrollIntoViewIfNeeded();
      await page.locator('#embed').screenshot({ path: path.join(ROOT, `tests/e2e/screenshots/embed-narrow-${scheme}.png`) });
    } else {
      // Open the editor, edit, and take the edit to the full page.
      await frame.getByRole('button', { name: 'YAML' }).click();
      const ed = frame.getByRole('textbox', { name: 'Job YAML' });
      await ed.waitFor();
      await ed.evaluate((t) => (t.focus(), t.setSelectionRange(t.value.length, t.value.length)));
      await page.keyboard.type('# from the docs\n');
      await frame.locator('.source-line', { hasText: 'changes here are not saved' }).waitFor();
      await page.waitForFunction(() => {
        const a = document.querySelector('#embed').contentDocument.querySelector('.embed-bar a');
        return a && a.href.includes('yaml=');
      });
      assert.equal(await frame.locator('#fatal').isVisible(), false, 'no error banner in the embed');
      await page.locator('#embed').screenshot({ path: path.join(ROOT, 'tests/e2e/screenshots/embed-wide-light.png') });
      const [popup] = await Promise.all([context.waitForEvent('page'), open.click()]);
      await popup.locator('#app[data-live] .pod-card').first().waitFor();
      assert.match(await editorOf(popup).inputValue(), /# from the docs\n$/);
      assert.equal(await popup.locator('.site-header').count(), 1, 'the full page');
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'still nothing stored');
      await popup.close();
      // The Try it script: two marked blocks get a button, the plain one none.
      assert.equal(await page.locator('.jobplay-try-button').count(), 2);
      assert.equal(await page.locator('#plain + .jobplay-try').count(), 0);
      const tryIt = page.locator('.jobplay-try-button').first();
      await tryIt.click();
      const tf = page.frameLocator('.jobplay-try-frame');
      await tf.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 15_000 });
      assert.match(await tf.locator('.embed-name').innerText(), /job\/docs-try/);
      await tf.locator('.clock-value').filter({ hasNotText: /^0s$/ }).waitFor({ timeout: 15_000 });
      assert.equal(await tryIt.getAttribute('aria-expanded'), 'true');
      const tryOpen = await page.locator('.jobplay-try-open').first().getAttribute('href');
      assert.ok(tryOpen.startsWith(`${base}#v=1&yaml=`) && tryOpen.includes('speed=10') && !tryOpen.includes('embed'), tryOpen);
      await page.locator('.jobplay-try-frame').screenshot({ path: path.join(ROOT, 'tests/e2e/screenshots/try-it-wide-light.png') });
      await tryIt.click();
      assert.equal(await page.locator('.jobplay-try-frame').isVisible(), false, 'Hide');
    }
    assertClean(problems);
    await page.close();
  }
  // theme=dark in the link wins over a light system.
  const { page, problems } = await openPage(`${base}#v=1&example=pi&embed=1&theme=dark`, { colorScheme: 'light', width: 375 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.locator('.message').count(), 0, 'no news in an embed');
  await noSidewaysScroll(page, 'embed');
  await page.getByRole('button', { name: 'YAML' }).click();
  await noSidewaysScroll(page, 'embed with its editor');
  assertClean(problems);
  await page.close();
});

test('workshop: the walk-through pauses at its moments, checks the change, and says when it is done', { timeout: 120_000 }, async () => {
  const { page, problems } = await openPage(`${base}#v=1&example=workshop-backoff-limit&speed=30`);
  const walk = page.locator('.walkthrough');
  assert.match(await walk.innerText(), /Workshop\s+Step 1 of 4/);
  assert.match(await walk.innerText(), /Run or Resume: the simulation pauses at t = 6s/);
  await button(page, 'Run').click();
  await walk.getByText('Paused at t = 6s.').waitFor({ timeout: 20_000 });
  assert.equal(await clockSeconds(page), 6);
  assert.ok(await button(page, 'Resume').isVisible(), 'paused');
  await shot(page, 'walkthrough-wide-light');
  await walk.getByRole('button', { name: 'Next' }).click();
  await button(page, 'Resume').click();
  await walk.getByText('Paused at t = 19s.').waitFor({ timeout: 20_000 });
  await walk.getByRole('button', { name: 'Next' }).click();
  assert.match(await walk.innerText(), /Step 3 of 4/);
  await walk.getByText(/Not yet: the run does not do what this step asks/).waitFor();
  assert.match(await walk.innerText(), /job\.spec\.backoffLimit ≥ 2 \(found 1\)/);
  assert.match(await walk.innerText(), /the Job ends Complete \(nothing there\)/);
  assert.match(await walk.innerText(), /Hint: backoffLimit is the number of failed pods/);
  // The person's change: edit, then Run.
  const ed = editorOf(page);
  await ed.fill((await ed.inputValue()).replace('backoffLimit: 1', 'backoffLimit: 2'));
  await walk.getByText('Run (Ctrl+Enter) to check your change.').waitFor();
  await page.keyboard.press('Control+Enter');
  await walk.getByText('Done: your change does what this step asks.').waitFor({ timeout: 20_000 });
  assert.match(await walk.innerText(), /job\.spec\.backoffLimit ≥ 2 \(found 2\)/);
  await shot(page, 'walkthrough-done-wide-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'walkthrough-done-wide-dark');
  // In Korean.
  await page.getByRole('button', { name: '한국어 (Korean)' }).click();
  assert.match(await walk.innerText(), /워크숍\s+4단계 중 3단계/);
  assert.match(await walk.innerText(), /실패를 두 번 견디도록 backoffLimit을 바꾸고 실행하자/);
  await page.setViewportSize({ width: 375, height: 812 });
  await noSidewaysScroll(page, 'walk-through');
  await shot(page, 'walkthrough-narrow-dark-ko');
  assertClean(problems);
  await page.close();
});

test('offline: once the service worker is active, a reload without network still runs', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await openPage(base, { serviceWorkers: 'allow' });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const c = await caches.open(keys[0]);
    return [keys, (await c.keys()).map((r) => new URL(r.url).pathname).sort()];
  });
  assert.equal(cached[0].length, 1);
  assert.match(cached[0][0], /^jobplay-[0-9a-f]{16}$/);
  assert.ok(cached[1].includes('/docs/playground/jobplay_bg.wasm') && cached[1].includes('/docs/playground/'), cached[1].join(' '));
  await typeAtEnd(page, '# offline\n');
  await context.setOffline(true);
  await page.reload();
  await page.locator('#app[data-live] .pod-card').first().waitFor({ timeout: 15_000 });
  assert.match(await editorOf(page).inputValue(), /# offline\n$/);
  await setSpeedAndRun(page);
  // A link opens offline too.
  const { page: p2, problems: pp } = await openIn(context, base + fragmentOf(example('parallel')));
  assert.equal(await editorOf(p2).inputValue(), example('parallel'));
  assertClean(pp);
  await p2.close();
  await context.setOffline(false);
  assertClean(problems);
  await page.close();
});

async function setSpeedAndRun(page) {
  await page.getByLabel('Speed').selectOption('100');
  await button(page, 'Run').click();
  await page.locator('.outcome-headline').getByText(/Complete/).waitFor({ timeout: 30_000 });
}

test('no link runs script: payloads in the YAML, in every parameter and in file names stay text', { timeout: 90_000 }, async () => {
  const payload = '<img src=x onerror="window.__xss=1">';
  const yaml = example('pi')
    .replace('description: "One pod', `description: "${payload.replace(/"/g, '\\"')} One pod`)
    .replace('name: pi\nspec:', `name: pi\n  annotations:\n    note: "${payload.replace(/"/g, '\\"')}"\nspec:`);
  const hostile = encodeURIComponent(payload);
  const links = [
    fragmentOf(yaml, `&view=${hostile}&theme=${hostile}&lang=${hostile}&k8s=${hostile}&speed=${hostile}`),
    `#v=1&example=${hostile}`,
    `#v=${hostile}&yaml=x`,
    `#${hostile}`,
    fragmentOf(`apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: "${payload.replace(/"/g, '\\"')}"\n`),
  ];
  const { page, problems, context } = await openPage();
  for (const h of links) {
    const { page: p, problems: pp } = await openIn(context, base + h, { ready: false });
    await p.locator('.editor-panel').waitFor();
    await p.locator('.message, .pod-card').first().waitFor({ timeout: 15_000 });
    await p.waitForTimeout(300);
    assert.equal(await p.evaluate(() => window.__xss), undefined, h);
    assert.equal(await p.evaluate(() => document.querySelectorAll('img').length), 0, h);
    await p.close();
    assertClean(pp);
  }
  // And through the embed's Open link and an imported file name.
  await page.evaluate((payload) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['apiVersion: batch/v1\n'], `${payload}.yaml`));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, payload);
  await page.locator('.message', { hasText: 'Imported' }).waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assertClean(problems);
  await page.close();
});

test('storage: a full quota and a corrupt list are told, never fatal', { timeout: 90_000 }, async () => {
  const { page, problems, context } = await openPage();
  // A list changed by hand: rebuilt from the texts that exist.
  await page.evaluate(() => {
    localStorage.setItem('jobplay.v1.scenarios', '}{ not a list');
    localStorage.setItem('jobplay.v1.scenario.3', 'apiVersion: batch/v1\nkind: Job\n');
  });
  const { page: p } = await openIn(context, base);
  assert.match(await messages(p), /could not be read; 1 saved texts were found again/);
  await p.locator('.library > summary').click();
  await p.getByRole('button', { name: 'Open Recovered scenario' }).waitFor();
  // Fill the quota, then type: the page says the change is not saved.
  await p.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        break;
      }
    }
  });
  await p.evaluate(() => {
    const t = document.querySelector('#yaml-editor');
    t.value = t.value + '#'.repeat(400_000);
    t.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await p.locator('.message.problem', { hasText: 'storage is full' }).waitFor();
  assert.match(await p.locator('.source-line').innerText(), /not saved: see the message above/);
  await shot(p, 'storage-full-wide-light', false);
  await p.close();
  assertClean(problems);
  await page.close();
});
