// Journey 4: two people edit the same contact. The later save gets 409, a
// notice and the value saved meanwhile beside the field; saving again
// deliberately keeps the later input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api, TXT, screenshotPath } from '../lib.mjs';

test('stale edit: the second save sees the conflict and the other value, and can save again', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    server.addUser('bea@example.org', 'Bea Bearbeiterin', 'editor');
    const api = await Api.login(base);
    const c = await api.newContact({ name: 'Erika Muster', company: 'Muster GmbH',
      phones: [{ kind: 'mobile', number: '+49 170 1234567' }] });
    const url = `${base}/o/1/contacts/${c.id}`;

    const ctxA = await newContext(browser);
    const ctxB = await newContext(browser);
    const anna = await ctxA.newPage();
    const bea = await ctxB.newPage();
    await uiLogin(anna, base);
    await uiLogin(bea, base, 'bea@example.org');

    // both open the same contact (version 1)
    await anna.goto(url);
    await bea.goto(url);
    assert.equal(await anna.locator('input[name="version"]').inputValue(), '1');
    assert.equal(await bea.locator('input[name="version"]').inputValue(), '1');

    // Anna saves first
    await anna.locator('#f-company').fill('Muster AG');
    assert.equal(await submit(anna), 303, 'first save succeeds');

    // Bea saves her stale form
    await bea.locator('#f-company').fill('Muster & Söhne KG');
    assert.equal(await submit(bea), 409, 'second save answers 409');
    const notice = bea.locator('main .notice').filter({ hasText: TXT.conflict });
    await notice.waitFor();
    assert.ok(await notice.isVisible(), 'conflict notice visible');
    await bea.screenshot({ path: screenshotPath('contact-conflict-1280'), fullPage: true });
    // her input is kept, the saved value is shown beside the field
    assert.equal(await bea.locator('#f-company').inputValue(), 'Muster & Söhne KG', 'own input kept');
    const companyBox = bea.locator('.field', { has: bea.locator('#f-company') });
    const saved = companyBox.locator('.saved');
    assert.equal(await saved.count(), 1, 'saved value beside the company field');
    assert.match(await text(saved), /Muster AG/);
    assert.match(await text(saved), TXT.savedMeanwhile);
    // unchanged fields show no saved value
    assert.equal(await bea.locator('.field', { has: bea.locator('#f-name') }).locator('.saved').count(), 0,
      'no saved value beside the unchanged name');
    assert.equal((await api.get(`/orgs/1/contacts/${c.id}`)).company, 'Muster AG', 'nothing overwritten');
    // the form now carries the current version
    assert.equal(await bea.locator('input[name="version"]').inputValue(), '2');

    // Bea saves again, deliberately
    assert.equal(await submit(bea), 303, 'deliberate second save succeeds');
    assert.equal(new URL(bea.url()).pathname, '/o/1/team');
    const now = await api.get(`/orgs/1/contacts/${c.id}`);
    assert.equal(now.company, 'Muster & Söhne KG');
    assert.equal(now.version, 3);
    await ctxA.close();
    await ctxB.close();
  }));
