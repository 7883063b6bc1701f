// Journey 11: live updates and presence. Two people have the team page open:
// B sees A's new contact appear without reloading and sees that A has the page
// open too; unsaved input in B's form is never swapped away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, screenshotPath } from '../lib.mjs';

test('live: a new contact appears for the other person, presence is shown', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    server.addUser('bea@example.org', 'Bea Bearbeiterin', 'editor');
    const ctxA = await newContext(browser);
    const ctxB = await newContext(browser);
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await uiLogin(a, base, 'bea@example.org');
    await uiLogin(b, base);

    await b.goto(`${base}/o/1/team`);
    await a.goto(`${base}/o/1/team`);
    // presence: B learns that Bea has the page open
    const presence = b.locator('#live .presence');
    await presence.waitFor({ state: 'visible', timeout: 5000 });
    // German once po/de-sse.txt is merged into de.po
    assert.match(await text(presence), /(Auch geöffnet von|Also open by): Bea Bearbeiterin/);
    const marker = await b.evaluate(() => { window.kfNoReload = 1; return window.kfNoReload; });
    assert.equal(marker, 1);

    // A adds a contact through the form
    await a.goto(`${base}/o/1/contacts/new`);
    await a.locator('#f-name').fill('Erika Muster');
    await a.locator('#f-phone_kind_0').selectOption('mobile');
    await a.locator('#f-phone_number_0').fill('+49 170 1234567');
    assert.equal(await submit(a), 303, 'contact saved');

    // B sees it without reload (the window variable survives)
    await b.locator('main', { hasText: 'Erika Muster' }).waitFor({ timeout: 5000 });
    assert.equal(await b.evaluate(() => window.kfNoReload), 1, 'no page reload');
    await b.screenshot({ path: screenshotPath('11-live-team'), fullPage: true });

    // unsaved input is never swapped away: B types into a form, A changes the contact
    await b.goto(`${base}/o/1/contacts/new`);
    await b.locator('#f-name').fill('Halb getippt');
    await a.goto(`${base}/o/1/team`);
    await a.locator('main a', { hasText: 'Erika Muster' }).first().click();
    await a.locator('#f-company').fill('Muster GmbH');
    assert.equal(await submit(a), 303, 'contact changed');
    const notice = b.locator('#live .live-notice');
    await notice.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await text(notice), /Bea Bearbeiterin/);
    assert.equal(await b.locator('#f-name').inputValue(), 'Halb getippt', 'input kept');
    await b.screenshot({ path: screenshotPath('11-live-notice'), fullPage: true });
  }));
