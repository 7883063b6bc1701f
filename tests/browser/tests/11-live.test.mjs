// Journey 11: live updates and presence. Two people have the team page open:
// B sees A's new contact appear without reloading and sees that A has the page
// open too; unsaved input in B's form is never swapped away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, screenshotPath } from '../lib.mjs';

/** Bea (editor, page a) and the admin (page b) both on the team page; b's presence line shows Bea. */
async function twoOnTeamPage(server, browser, base) {
  server.addUser('bea@example.org', 'Bea Bearbeiterin', 'editor');
  const a = await (await newContext(browser)).newPage();
  const b = await (await newContext(browser)).newPage();
  await uiLogin(a, base, 'bea@example.org');
  await uiLogin(b, base);
  await b.goto(`${base}/o/1/team`);
  await a.goto(`${base}/o/1/team`);
  const presence = b.locator('#live .presence');
  await presence.waitFor({ state: 'visible', timeout: 5000 });
  return { a, b, presence };
}

test('live: a new contact appears for the other person, presence is shown', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    // presence: B learns that Bea has the page open
    const { a, b, presence } = await twoOnTeamPage(server, browser, base);
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

// A tab in the background gives its event stream back (a browser keeps at most
// six connections to one server); back in front it shows what changed meanwhile.
test('live: a tab in the background lets go of its stream and catches up when back', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    const { a, b, presence } = await twoOnTeamPage(server, browser, base);

    // Bea's tab goes to the background: after its grace time the stream closes, and B no longer sees her
    const setHidden = (page, hidden) => page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { value: h, configurable: true });
      Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await a.evaluate(() => { window.kfNoReload = 1; });
    await setHidden(a, true);
    // (the server notices the closed stream at its next heartbeat, within 15 s)
    await presence.waitFor({ state: 'hidden', timeout: 40000 });

    // meanwhile B adds a contact; Bea's hidden tab hears nothing of it
    await b.goto(`${base}/o/1/contacts/new`);
    await b.locator('#f-name').fill('Otto Hintergrund');
    await b.locator('#f-phone_kind_0').selectOption('mobile');
    await b.locator('#f-phone_number_0').fill('+49 170 7654321');
    assert.equal(await submit(b), 303, 'contact saved');
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await a.locator('main', { hasText: 'Otto Hintergrund' }).count(), 0, 'no update while in the background');

    // back in front: Bea's tab connects again and shows the new contact, without a reload
    await setHidden(a, false);
    await a.locator('main', { hasText: 'Otto Hintergrund' }).waitFor({ timeout: 5000 });
    assert.equal(await a.evaluate(() => window.kfNoReload), 1, 'no page reload');
    await b.goto(`${base}/o/1/team`);
    await presence.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await text(presence), /Bea Bearbeiterin/);
  }));
