// Journey 13: the offline copy. The demo company's plan as one HTML file,
// opened from file:// with every network request blocked: the encrypted file
// refuses a wrong passphrase (message, no plan in the page) and shows the plan
// with the right one (Enter in the field); the plain file shows it too.
// Screenshots of both states at 1280 and 360 px; axe-core on the pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, launchBrowser, newContext, screenshotPath, axeViolations } from '../lib.mjs';

const RENDER = process.env.OFFLINE_RENDER || join(dirname(BIN), 'tests', 'tools', 'offline_render');
const PASS = 'Stollen & Brezel 2026 – geheim';
const CONTACT = 'Thomas Berger'; // a person of the demo company's alarm chain

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

async function offlineContext(browser, width, requests) {
  const ctx = await newContext(browser, { offline: true, viewport: { width, height: width < 500 ? 740 : 900 },
    bypassCSP: true }); // bypassCSP only so that axe-core can be injected; the file itself forbids every request
  // every request but the file itself is aborted (aborting file:// too would refuse to open it)
  await ctx.route((url) => url.protocol !== 'file:', (r) => r.abort());
  ctx.on('request', (r) => requests.push(r.url()));
  return ctx;
}

async function serious(page) {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('offline copy: encrypted and plain file work from file:// without any network', async () => {
  assert.ok(existsSync(RENDER), `offline_render not found at ${RENDER} (ninja -C build)`);
  const dir = mkdtempSync(join(tmpdir(), 'kf-offline-'));
  const browser = await launchBrowser();
  try {
    run(BIN, ['init', '--demo', '--data', join(dir, 'data')]);
    const db = join(dir, 'data', 'krisenfest.db');
    const plain = join(dir, 'notfallplan.html'), sealed = join(dir, 'notfallplan-verschluesselt.html');
    run(RENDER, [db, '1', plain]);
    run(RENDER, [db, '1', sealed, PASS]);
    const requests = [];

    for (const width of [1280, 360]) {
      const ctx = await offlineContext(browser, width, requests);
      const page = await ctx.newPage();
      await page.goto(pathToFileURL(sealed).href);
      assert.match(await page.title(), /verschlüsselt/);
      const field = page.getByLabel('Passphrase');
      await field.waitFor({ state: 'visible' });
      assert.equal(await page.getByText(CONTACT).count(), 0, 'the locked page holds no plan content');
      if (width === 1280) assert.deepEqual(await serious(page), [], 'locked page: no serious axe violation');

      // wrong passphrase: a clear message, still nothing of the plan
      await field.fill('falsch');
      await field.press('Enter');
      await page.locator('#kf-msg', { hasText: 'Die Passphrase stimmt nicht.' }).waitFor({ timeout: 15_000 });
      assert.equal(await page.getByText(CONTACT).count(), 0, 'no plan after a wrong passphrase');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      await page.screenshot({ path: screenshotPath(`13-offline-wrong-${width}`), fullPage: true });

      // the right one, with Enter: the plan replaces the page
      await field.fill(PASS);
      await field.press('Enter');
      await page.locator('h1', { hasText: 'IT-Notfallplan' }).waitFor({ timeout: 15_000 });
      await page.locator('nav.toc').waitFor();
      assert.ok(await page.getByText(CONTACT).first().isVisible(), 'a contact of the plan is visible');
      assert.ok(await page.locator('a[href^="tel:"]').count() > 0, 'tap-to-call links');
      assert.doesNotMatch(await page.title(), /verschlüsselt/);
      assert.equal(await page.locator('#kf-pass').count(), 0, 'the lock page is gone');
      // the table of contents jumps inside the page
      await page.locator('nav.toc a', { hasText: 'Wiederanlaufpläne' }).click();
      assert.match(page.url(), /#wiederanlauf$/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshotPath(`13-offline-open-${width}`) });
      await page.screenshot({ path: screenshotPath(`13-offline-open-full-${width}`), fullPage: true });
      if (width === 1280) assert.deepEqual(await serious(page), [], 'opened plan: no serious axe violation');

      // the plain file shows the same plan offline
      const p2 = await ctx.newPage();
      await p2.goto(pathToFileURL(plain).href);
      assert.ok(await p2.getByText(CONTACT).first().isVisible(), 'plain file: a contact is visible');
      assert.equal(await p2.locator('script').count(), 0, 'the plain file has no script');
      if (width === 1280) assert.deepEqual(await serious(p2), [], 'plain file: no serious axe violation');
      await p2.screenshot({ path: screenshotPath(`13-offline-plain-${width}`) });
      // narrow screens: nothing wider than the screen
      if (width === 360) {
        const over = await p2.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(over <= 0, `plain file scrolls sideways by ${over} px at 360 px`);
      }
      await ctx.close();
    }
    // no request left the files (the route would have aborted it; nothing should even try)
    const outside = requests.filter((u) => !u.startsWith('file://'));
    assert.deepEqual(outside, [], 'no request other than the files themselves');
  } finally {
    await browser.close().catch(() => {});
    if (!process.env.KF_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
  }
});
