// Journey 5: deleting goes through a confirmation page; cancel keeps the
// contact, "Yes, delete" removes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api, TXT, screenshotPath } from '../lib.mjs';

test('delete: cancel keeps the contact, confirming removes it', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const api = await Api.login(base);
    const keep = await api.newContact({ name: 'Anton Aal' });
    const c = await api.newContact({ name: 'Zacharias Zorn', phones: [{ kind: 'mobile', number: '0170 9999999' }] });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await uiLogin(page, base);
    const link = `main a[href="/o/1/contacts/${c.id}"]`;

    const openConfirm = async () => {
      await page.goto(`${base}/o/1/team`);
      await page.locator(link).first().click();
      await page.waitForURL(`**/o/1/contacts/${c.id}`);
      await page.locator(`main a[href="/o/1/contacts/${c.id}/delete"]`).click();
      await page.waitForURL(`**/o/1/contacts/${c.id}/delete`);
      assert.match(await text(page.locator('main')), TXT.reallyDelete, 'confirmation question');
      assert.match(await text(page.locator('main')), /Zacharias Zorn/, 'names the contact');
    };

    // cancel
    await openConfirm();
    await page.locator('main a[href="/o/1/team"]').filter({ hasText: /Abbrechen|Cancel/ }).click();
    await page.waitForURL('**/o/1/team');
    assert.ok(await page.locator(link).count() >= 1, 'still on the team page after cancel');
    assert.equal((await api.get(`/orgs/1/contacts/${c.id}`)).name, 'Zacharias Zorn', 'still stored after cancel');

    // confirm
    await openConfirm();
    await page.screenshot({ path: screenshotPath('contact-delete-1280'), fullPage: true });
    const yes = page.locator('main form button[type="submit"]').filter({ hasText: /Ja, löschen|Yes, delete/ });
    assert.equal(await yes.count(), 1, '"Yes, delete" button');
    assert.equal(await submit(page, yes), 303, 'delete answers with a redirect');
    assert.equal(new URL(page.url()).pathname, '/o/1/team');
    assert.equal(await page.locator(link).count(), 0, 'gone from the team page');
    assert.equal((await api.req('GET', `/orgs/1/contacts/${c.id}`)).status, 404, 'gone from the store');
    assert.deepEqual((await api.contacts()).map((x) => x.id), [keep.id], 'the other contact stays');
    await ctx.close();
  }));
