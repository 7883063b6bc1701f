// Journey 15: taking over a plan from a file. The demo company's JSON export
// goes into a second, empty organisation through the download page: the admin
// chooses the file, the button is disabled and the status says "being
// imported" while the server works; a broken file (a contact without a name)
// shows every error by its place in the file, with the focus on the list, and
// nothing is stored; the good file then shows the number of items and a link
// to the start page, and the demo's contacts are there. The empty
// organisation's start page links to the section. Once the organisation
// has a plan the page says why there is no form; an editor sees no section;
// without JavaScript the section names the command line. Screenshots and
// axe-core at 1280 and 360 px of the empty form, the error list and the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withKrisenfest, newContext, submit, text, Api, axeViolations, screenshotPath, cli, ADMIN, PW } from '../lib.mjs';

const WIDTHS = [[1280, 900], [360, 740]];

async function login(page, base, email = ADMIN) {
  await page.goto(`${base}/login`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(PW);
  // 303 to the start page, or 200 with the list of organisations for a member of several
  const st = await submit(page);
  assert.ok(st === 303 || st === 200, `login of ${email}: ${st}`);
  assert.equal(await page.locator('#f-password').count(), 0, `login of ${email}: signed in`);
}

/** screenshots at both widths; axe finds nothing serious; nothing scrolls sideways at 360 px */
async function look(page, name) {
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: screenshotPath(`15-import-${name}-${width}`), fullPage: true });
    await page.locator('section#import').screenshot({ path: screenshotPath(`15-import-${name}-section-${width}`) });
    const bad = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${name} at ${width} px: no serious axe violation`);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `${name} at ${width} px: no sideways scroll (${sw} > ${cw})`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('import: a JSON export into an empty organisation from the download page', () =>
  withKrisenfest({ init: 'demo' }, async ({ server, browser, base }) => {
    const dir = server.dir;
    const good = join(dir, 'plan.json'), bad = join(dir, 'kaputt.json');
    cli(['export', 'json', '--data', dir, '--org', '1', '-o', good]);
    const doc = JSON.parse(readFileSync(good, 'utf8'));
    const broken = structuredClone(doc);
    delete broken.sections.contacts[0].name;
    writeFileSync(bad, JSON.stringify(broken));
    assert.match(cli(['org', 'add', '--data', dir, '--name', 'Neue Tischlerei GmbH']), /^2\b/);
    cli(['user', 'add', '--data', dir, '--email', ADMIN, '--org', '2', '--role', 'admin', '--password-stdin'], `${PW}\n`);
    cli(['user', 'add', '--data', dir, '--email', 'eddi@example.org', '--name', 'Eddi Editor', '--org', '2',
      '--role', 'editor', '--password-stdin'], `${PW}\n`);
    const api = await Api.login(base);
    const contacts2 = async () => (await api.get('/orgs/2/contacts')).length;

    const ctx = await newContext(browser, { bypassCSP: true }); // bypassCSP only so that axe-core can be injected
    const page = await ctx.newPage();
    await login(page, base);
    // the empty organisation's start page shows the way to the import
    await page.goto(`${base}/o/2/`);
    const hint = page.locator('main p.import-hint a');
    assert.equal(await hint.getAttribute('href'), '/o/2/exports#import');
    await hint.click();
    await page.waitForURL(`${base}/o/2/exports#import`);
    const section = page.locator('section#import');
    const form = section.locator('form[data-import-form]');
    const input = section.getByLabel(/JSON-Export des Plans|JSON export of the plan/);
    const button = form.locator('button[type="submit"]');
    await form.waitFor({ state: 'visible' });
    assert.equal(await input.getAttribute('accept'), '.json,application/json');
    assert.equal(await section.locator('[data-import-nojs]').isVisible(), false, 'the no-script text is hidden');
    assert.match(await text(section.locator('h2')), /Plan aus einer Datei übernehmen|Take over a plan from a file/);
    await look(page, 'empty');

    // a broken file: every error by its place in the file, the focus on the list, nothing stored
    await input.setInputFiles(bad);
    await button.click();
    const notice = section.locator('#import-notice[role="alert"]');
    await notice.waitFor();
    assert.match(await text(notice.locator('.import-errors')), /sections\.contacts\[0\]\.name/);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'import-notice',
      'focus on the error list');
    assert.ok(await form.isVisible(), 'the form stays');
    assert.equal(await button.isDisabled(), false, 'the button is usable again');
    assert.equal(await contacts2(), 0, 'nothing imported');
    await look(page, 'errors');

    // the good file; the answer is held back to look at the busy state
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/api/v1/orgs/2/import', async (route) => { await held; await route.continue(); });
    await input.setInputFiles(good);
    const respP = page.waitForResponse((r) => r.url().endsWith('/api/v1/orgs/2/import'));
    await button.click();
    await section.locator('.import-status progress:not([value])').waitFor();
    assert.equal(await button.isDisabled(), true, 'disabled while busy');
    assert.match(await text(section.locator('.import-status')), /Wird importiert|Being imported/);
    assert.equal(await section.locator('#import-notice').count(), 0, 'the old errors are gone');
    await page.screenshot({ path: screenshotPath('15-import-busy-1280'), fullPage: false });
    release();
    const resp = await respP;
    assert.equal(resp.status(), 200);
    const n = (await resp.json()).items_imported;
    assert.ok(n > 100, `items imported: ${n}`);
    const done = section.locator('#import-notice.ok');
    await done.waitFor();
    assert.match(await text(done), new RegExp(`(Übernommene Einträge|Items taken over): ${n}\\b`), 'the number of items');
    assert.equal(await section.locator('.import-status progress').count(), 0, 'not busy any more');
    assert.equal(await form.isVisible(), false, 'no second import from this page');
    // live updates refresh the page after the import: the message stays, with focus
    await section.locator('#import-not-empty').waitFor();
    assert.match(await text(section.locator('#import-notice.ok')), new RegExp(`(Übernommene Einträge|Items taken over): ${n}\\b`));
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'import-notice');
    await look(page, 'done');

    // the link to the start page, then the demo's contacts in the new organisation's team
    await done.locator('a').click();
    await page.waitForURL(`${base}/o/2/`);
    assert.equal(await page.locator('main p.import-hint').count(), 0, 'no import hint once there is a plan');
    await page.goto(`${base}/o/2/team`);
    assert.ok(await page.locator('main').getByText(doc.sections.contacts[0].name).first().isVisible(), 'a contact of the demo in the team');
    assert.equal(await contacts2(), doc.sections.contacts.length, 'every contact');

    // with a plan: one sentence, no form
    await page.goto(`${base}/o/2/exports`);
    assert.match(await text(section.locator('#import-not-empty')), /krisenfest org add/);
    assert.equal(await section.locator('form').count(), 0, 'no form');
    await look(page, 'has-plan');
    await ctx.close();

    // an editor sees no section
    const ectx = await newContext(browser);
    const epage = await ectx.newPage();
    await login(epage, base, 'eddi@example.org');
    await epage.goto(`${base}/o/2/exports`);
    await epage.locator('h1').waitFor();
    assert.equal(await epage.locator('#import').count(), 0, 'no import section for an editor');
    await ectx.close();
  }));

test('import: without JavaScript the section names the command line', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, base);
    await page.goto(`${base}/o/1/exports`);
    const section = page.locator('section#import');
    assert.equal(await section.locator('form').isVisible(), false, 'no form that cannot work');
    const nojs = section.locator('[data-import-nojs]');
    assert.ok(await nojs.isVisible());
    assert.match(await text(nojs), /JavaScript.*krisenfest import --data DIR --org 1 (DATEI|FILE)/);
    await ctx.close();
  }));
