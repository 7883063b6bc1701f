// Journey 2: sign in, add two contacts and a role with a primary person and a
// deputy; the team page shows them with tap-to-call links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api } from '../lib.mjs';

test('team: two contacts and a role with primary person and deputy, tel: links', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await uiLogin(page, base);

    await page.goto(`${base}/o/1/team`);
    // first contact, with a mobile number
    await page.locator('main a[href="/o/1/contacts/new"]').first().click();
    await page.waitForURL('**/o/1/contacts/new');
    await page.locator('#f-name').fill('Erika Muster');
    await page.locator('#f-function').fill('Geschäftsführerin');
    await page.locator('#f-phone_kind_0').selectOption('mobile');
    await page.locator('#f-phone_number_0').fill('+49 170 1234567');
    await page.locator('#f-email').fill('erika@example.org');
    assert.equal(await submit(page), 303, 'first contact saved');
    assert.equal(new URL(page.url()).pathname, '/o/1/team');

    // second contact, office number, external IT partner
    await page.locator('main a[href="/o/1/contacts/new"]').first().click();
    await page.waitForURL('**/o/1/contacts/new');
    await page.locator('#f-name').fill('Jürgen Groß');
    await page.locator('#f-company').fill('IT-Service Süd GmbH');
    await page.locator('#f-phone_kind_0').selectOption('office');
    await page.locator('#f-phone_number_0').fill('0761 123456');
    await page.locator('#f-external').check();
    assert.equal(await submit(page), 303, 'second contact saved');

    const api = await Api.login(base);
    const contacts = await api.contacts();
    assert.equal(contacts.length, 2);
    const erika = contacts.find((c) => c.name === 'Erika Muster');
    const juergen = contacts.find((c) => c.name === 'Jürgen Groß');
    assert.deepEqual(erika.phones, [{ kind: 'mobile', number: '+49 170 1234567' }]);
    assert.equal(juergen.external, true);

    // the role
    await page.locator('main a[href="/o/1/roles/new"]').first().click();
    await page.waitForURL('**/o/1/roles/new');
    await page.locator('#f-name').fill('Notfallleitung');
    await page.locator('#f-duties').fill('Koordiniert alles und entscheidet.');
    await page.locator('#f-primary_contact_id').selectOption(String(erika.id));
    await page.locator('#f-deputy_0').selectOption(String(juergen.id));
    assert.equal(await submit(page), 303, 'role saved');
    assert.equal(new URL(page.url()).pathname, '/o/1/team');

    const roles = await api.roles();
    assert.equal(roles.length, 1);
    assert.equal(roles[0].primary_contact_id, erika.id);
    assert.deepEqual(roles[0].deputy_contact_ids, [juergen.id]);

    // the team page: role row with both people, contacts with tel: links
    const roleRow = page.locator('main tr', { has: page.locator('a', { hasText: 'Notfallleitung' }) });
    await roleRow.waitFor();
    const rowText = await text(roleRow);
    assert.match(rowText, /Erika Muster/, 'primary person in the role row');
    assert.match(rowText, /Jürgen Groß/, 'deputy in the role row');
    assert.ok(rowText.indexOf('Erika Muster') < rowText.indexOf('Jürgen Groß'), 'primary before deputy');
    assert.ok(await roleRow.locator('a[href="tel:+491701234567"]').count() >= 1, 'tap-to-call for the primary person');

    const erikaRow = page.locator('main tr', { has: page.locator(`a[href="/o/1/contacts/${erika.id}"]`) }).last();
    const tel = erikaRow.locator('a[href^="tel:"]');
    assert.equal(await tel.getAttribute('href'), 'tel:+491701234567');
    assert.equal(await text(tel), '+49 170 1234567');
    const juergenRow = page.locator('main tr', { has: page.locator(`a[href="/o/1/contacts/${juergen.id}"]`) }).last();
    assert.equal(await juergenRow.locator('a[href^="tel:"]').getAttribute('href'), 'tel:0761123456');
    assert.equal(await page.locator('main a[href="mailto:erika@example.org"], main a[href="mailto:erika%40example.org"]').count(), 1, 'mailto link');
    await ctx.close();
  }));
