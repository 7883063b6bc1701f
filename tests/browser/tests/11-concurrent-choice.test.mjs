// Journey 11: safe concurrent editing. Anna (admin) and Bea (editor) edit the
// same IT system and the same risk in two browser sessions. Anna saves first;
// Bea's save answers 409 and shows Anna's values beside her input. Bea keeps
// her input for one field and takes Anna's saved value for another; the
// stored item has exactly that mix, nothing of Anna's is lost silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api, screenshotPath } from '../lib.mjs';

test('two sessions: the second save sees the conflict and chooses per field', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    server.addUser('bea@example.org', 'Bea Bearbeiterin', 'editor');
    const api = await Api.login(base);
    const sys = await api.post('/systems', { name: 'Server', type: 'server', location: 'Keller', notes: 'alt' });
    const risk = await api.post('/risks', { title: 'Ransomware', category: 'cyber', likelihood: 2, impact: 3,
      measures: 'Sicherung' });

    const ctxA = await newContext(browser);
    const ctxB = await newContext(browser);
    const anna = await ctxA.newPage();
    const bea = await ctxB.newPage();
    await uiLogin(anna, base);
    await uiLogin(bea, base, 'bea@example.org');

    // ---- the IT system
    const sysUrl = `${base}/o/1/systems/${sys.id}`;
    await anna.goto(sysUrl);
    await bea.goto(sysUrl);
    await anna.locator('#f-location').fill('Serverraum');
    await anna.locator('#f-notes').fill('Notiz von Anna');
    assert.equal(await submit(anna), 303, 'Anna saves first');

    await bea.locator('#f-location').fill('Büro');
    await bea.locator('#f-notes').fill('Notiz von Bea');
    assert.equal(await submit(bea), 409, 'Bea\'s stale save answers 409');
    const alert = bea.locator('main [role="alert"]');
    assert.equal(await alert.count(), 1, 'the conflict is announced');
    // her input stays, Anna's values beside the fields, tied by aria-describedby
    assert.equal(await bea.locator('#f-location').inputValue(), 'Büro');
    assert.match(await text(bea.locator('#saved-location')), /Serverraum/);
    assert.match(await text(bea.locator('#saved-notes')), /Notiz von Anna/);
    assert.match(await bea.locator('#f-location').getAttribute('aria-describedby'), /saved-location/);
    assert.equal(await bea.locator('#saved-name').count(), 0, 'no saved block for the unchanged name');
    await bea.screenshot({ path: screenshotPath('system-conflict-1280'), fullPage: true });
    assert.equal((await api.get(`/orgs/1/systems/${sys.id}`)).location, 'Serverraum', 'nothing overwritten');

    // keep mine for the location, take Anna's notes
    await bea.locator('input[name="_take:location"][value="mine"]').check();
    await bea.locator('input[name="_take:notes"][value="saved"]').check();
    assert.equal(await submit(bea), 303, 'the chosen mix saves');
    let now = await api.get(`/orgs/1/systems/${sys.id}`);
    assert.equal(now.location, 'Büro', 'Bea kept her location');
    assert.equal(now.notes, 'Notiz von Anna', 'Bea took Anna\'s notes');
    assert.equal(now.version, 3);

    // ---- the risk
    const riskUrl = `${base}/o/1/risks/${risk.id}`;
    await anna.goto(riskUrl);
    await bea.goto(riskUrl);
    await anna.locator('#f-title').fill('Ransomware (Anna)');
    await anna.locator('#f-likelihood').selectOption('4');
    assert.equal(await submit(anna), 303, 'Anna saves the risk first');

    await bea.locator('#f-title').fill('Ransomware (Bea)');
    await bea.locator('#f-likelihood').selectOption('1');
    assert.equal(await submit(bea), 409, 'Bea\'s stale risk save answers 409');
    assert.equal(await bea.locator('main [role="alert"]').count(), 1);
    assert.match(await text(bea.locator('#saved-title')), /Ransomware \(Anna\)/);
    assert.match(await text(bea.locator('#saved-likelihood')), /4/);
    assert.match(await bea.locator('#f-likelihood').getAttribute('aria-describedby'), /saved-likelihood/);
    assert.equal(await bea.locator('#f-likelihood').inputValue(), '1', 'her choice is kept in the select');
    await bea.screenshot({ path: screenshotPath('risk-conflict-1280'), fullPage: true });

    // take Anna's title, keep her own likelihood
    await bea.locator('input[name="_take:title"][value="saved"]').check();
    await bea.locator('input[name="_take:likelihood"][value="mine"]').check();
    assert.equal(await submit(bea), 303, 'the chosen mix of the risk saves');
    now = await api.get(`/orgs/1/risks/${risk.id}`);
    assert.equal(now.title, 'Ransomware (Anna)', 'Anna\'s title taken');
    assert.equal(now.likelihood, 1, 'Bea\'s likelihood kept');
    assert.equal(now.measures, 'Sicherung', 'untouched field unchanged');
    await ctxA.close();
    await ctxB.close();
  }));
