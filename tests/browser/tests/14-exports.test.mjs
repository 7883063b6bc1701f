// Journey 14: the download page. With the script, each button shows that the
// file is being made (aria-busy, a status line with an indeterminate progress
// bar) and then saves it: the JSON export and the handbook PDF come as
// downloads with their file names; the locked offline copy comes from the
// passphrase form (a mismatch shows the message beside the field, nothing is
// downloaded); after a download "record the copy" carries the file's stamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withKrisenfest, newContext, uiLogin, text, Api, screenshotPath } from '../lib.mjs';

const PASS = 'Stollen & Brezel 2026 – geheim';

test('exports: downloads with a busy state, the locked offline copy from the form', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const admin = await Api.login(base);
    await admin.newContact({ name: 'Erika Muster', phones: [{ kind: 'mobile', number: '+49 170 1234567' }] });
    const ctx = await newContext(browser, { acceptDownloads: true });
    const page = await ctx.newPage();
    await uiLogin(page, base);
    await page.goto(`${base}/o/1/exports`);

    // JSON: a download named after the organisation, the state and the date
    const json = page.locator('li.export[id="json"] a[data-export]').first();
    let dlP = page.waitForEvent('download');
    await json.click();
    let dl = await dlP;
    assert.match(dl.suggestedFilename(), /^baeckerei-beispiel-notfallplan-entwurf-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    assert.equal(doc.format, 'krisenfest-plan');
    const status = page.locator('li.export[id="json"] .export-status');
    await assert.doesNotReject(status.filter({ hasText: dl.suggestedFilename() }).waitFor(), 'status names the saved file');
    const record = page.locator('li.export[id="json"] a[data-record-copy]');
    assert.match(await record.getAttribute('href'), new RegExp(`stamp=${doc.stamp.hash}`), 'record link: the file\'s stamp');

    // the handbook PDF (about a second for a large plan): busy while it is made
    const pdf = page.locator('li.export[id="handbook.pdf"] a[data-export]').first();
    dlP = page.waitForEvent('download');
    await pdf.click();
    dl = await dlP;
    assert.match(dl.suggestedFilename(), /^baeckerei-beispiel-notfallhandbuch-entwurf-.*\.pdf$/);
    assert.equal(readFileSync(await dl.path()).subarray(0, 4).toString('latin1'), '%PDF');
    assert.equal(await pdf.getAttribute('aria-busy'), null, 'not busy any more');

    // the busy state itself: hold the answer back and look at the button meanwhile
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/exports/contacts.vcf*', async (route) => { await held; await route.continue(); });
    const vcf = page.locator('li.export[id="contacts.vcf"] a[data-export]').first();
    dlP = page.waitForEvent('download');
    await vcf.click();
    await assert.doesNotReject(page.locator('li.export[id="contacts.vcf"] a[aria-busy="true"]').waitFor());
    assert.match(await text(page.locator('li.export[id="contacts.vcf"] .export-status')), /Wird erstellt|Being made/); // German once po/de-wire.txt is merged
    assert.equal(await page.locator('li.export[id="contacts.vcf"] .export-status progress:not([value])').count(), 1,
      'an indeterminate progress bar, no made-up percentage');
    await page.screenshot({ path: screenshotPath('14-exports-busy'), fullPage: false });
    release();
    dl = await dlP;
    assert.match(dl.suggestedFilename(), /\.vcf$/);

    // the offline copy: a mismatch shows the message beside the field, nothing downloaded
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('#f-passphrase').fill(PASS);
    await page.locator('#f-passphrase_repeat').fill(PASS + 'x');
    await page.locator('form[data-export-form] button[type="submit"]').click();
    await page.locator('#err-passphrase').waitFor();
    assert.match(await text(page.locator('#err-passphrase')), /nicht gleich|not the same/);
    assert.equal(downloads, 0, 'nothing made on a mismatch');
    await page.screenshot({ path: screenshotPath('14-exports-offline-refused'), fullPage: false });

    // the right pair: the locked file
    await page.locator('#f-passphrase').fill(PASS);
    await page.locator('#f-passphrase_repeat').fill(PASS);
    dlP = page.waitForEvent('download');
    await page.locator('form[data-export-form] button[type="submit"]').click();
    dl = await dlP;
    assert.match(dl.suggestedFilename(), /^baeckerei-beispiel-offline-kopie-entwurf-verschluesselt-.*\.html$/);
    const sealed = readFileSync(await dl.path(), 'utf8');
    assert.match(sealed, /data-format="krisenfest-offline-1"/);
    assert.ok(!sealed.includes('Erika Muster'), 'no plan text in the locked file');
    assert.equal(await page.locator('#f-passphrase').inputValue(), '', 'the passphrase does not stay in the page');
    await ctx.close();
  }));
