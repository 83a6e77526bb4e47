// Opens the floor's smallest Yew page (scripts/size-floor.sh) in headless Chromium,
// runs a Job through it and prints what it shows, so the floor is a page that
// works and not only a size. Usage: node tools/size-floor/check.mjs SITE_DIR FILE.yaml
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serveDir } from '../../scripts/local-serve.mjs';

const [site, yamlFile] = process.argv.slice(2).map((p) => path.resolve(p));
const srv = await serveDir(site, '/');
const dataDir = fs.mkdtempSync('/tmp/size-floor-');
const ctx = await chromium.launchPersistentContext(dataDir, {
  executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS,
});
try {
  const page = ctx.pages()[0] || (await ctx.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${srv.address().port}/index.html`);
  await page.fill('textarea', fs.readFileSync(yamlFile, 'utf8'));
  await page.click('button');
  const shown = await page.locator('p').textContent({ timeout: 10000 });
  console.log(`  the smallest Yew page, in Chromium, runs ${path.basename(yamlFile)}: ${shown}`);
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
} finally {
  await ctx.close();
  srv.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
