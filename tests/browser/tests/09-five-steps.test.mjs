// Journey 9: a new bakery walks through the five steps with the starter
// content, only by clicking and typing (the API only reads ids back). Along
// the way the start page's step cards (Plan-Check progress, what is missing,
// the next action) follow the work; at the end the Plan-Check lists exactly
// the gaps that are really left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api } from '../lib.mjs';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

/** what the start page shows for step n (1..5) */
async function card(page, base, n) {
  await page.goto(`${base}/o/1/`);
  const li = page.locator('main ol.path > li').nth(n - 1);
  const bar = li.locator('progress').first();
  return {
    percent: (await bar.count()) ? Number(await bar.getAttribute('value')) : null,
    counts: (await li.locator('p.counts').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
    gaps: (await li.locator('ul.gaps li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
    next: new URL(await li.locator('a.button.primary').getAttribute('href'), base).pathname +
      new URL(await li.locator('a.button.primary').getAttribute('href'), base).search,
  };
}

/** opens a form page, lets fill() type into it, saves it (303) */
async function form(page, base, path, fill, what) {
  await page.goto(`${base}${path}`);
  await fill();
  assert.equal(await submit(page), 303, `${what} saved`);
}

/** the heat map's filled cells as {"L3/I5": count} */
async function heatmap(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('figure.heatmap g.cell.filled')]
    .map((g) => [`L${g.dataset.likelihood}/I${g.dataset.impact}`, Number(g.dataset.count)])));
}

test('five steps: a new company builds its plan with the starter content; start page and Plan-Check follow', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await uiLogin(page, base);
    const api = await Api.login(base); // reads only

    /* ---------------------------------------------------------------- the empty plan */
    let c = await card(page, base, 1);
    assert.equal(c.percent, 0, 'step 1 empty: 0 %');
    assert.equal(c.next, '/o/1/risks/templates', 'step 1: adopt the typical risks');
    assert.equal((await card(page, base, 2)).next, '/o/1/team/templates', 'step 2: starter content');
    assert.equal((await card(page, base, 4)).next, '/o/1/documents/copies/new', 'step 4: record a copy');
    assert.equal((await card(page, base, 5)).next, '/o/1/exercises/new', 'step 5: plan the first exercise');

    /* ---------------------------------------------------------------- step 1: risks */
    await page.locator('main ol.path > li').first().locator('a.button.primary').click();
    await page.waitForURL('**/o/1/risks/templates');
    // all starter risks come ticked: keep five of them
    for (const box of await page.locator('main input[name="risk"]').all()) await box.uncheck();
    for (const key of ['ransomware', 'hardwaredefekt', 'internetausfall', 'stromausfall', 'feuer'])
      await page.locator(`#t-${key}`).check();
    assert.equal(await submit(page), 303, 'five starter risks adopted at once');
    let risks = await api.get('/orgs/1/risks');
    assert.equal(risks.length, 5);
    const ransomware = risks.find((k) => /Ransomware/.test(k.title));
    // the heat map with the catalogue's values: ransomware at likelihood 4, impact 5
    await page.goto(`${base}/o/1/risks`);
    assert.deepEqual(await heatmap(page), { 'L4/I5': 1, 'L3/I3': 2, 'L2/I3': 1, 'L1/I5': 1 });
    // adapt ransomware: offline backups make it less likely here
    await page.locator(`main a[href="/o/1/risks/${ransomware.id}"]`).first().click();
    await page.waitForURL(`**/o/1/risks/${ransomware.id}`);
    await page.locator('#f-likelihood').selectOption('3');
    assert.equal(await submit(page), 303, 'ransomware adapted');
    await page.goto(`${base}/o/1/risks`);
    assert.deepEqual(await heatmap(page), { 'L3/I5': 1, 'L3/I3': 2, 'L2/I3': 1, 'L1/I5': 1 },
      'ransomware moved from L4/I5 to L3/I5');
    assert.equal(await page.locator('figure.heatmap g.cell').count(), 25, '5 x 5 cells');

    // IT systems, then the processes that need them
    const systems = [
      ['Dateiserver', 'server', '', []],
      ['Internetzugang', 'internet', '2', []],
      ['Warenwirtschaft', 'application', '', ['Dateiserver']],
      ['Kasse', 'client', '', ['Warenwirtschaft', 'Internetzugang']],
    ];
    const sid = {};
    for (const [name, type, rto, deps] of systems) {
      await form(page, base, '/o/1/systems/new', async () => {
        await page.locator('#f-name').fill(name);
        await page.locator('#f-type').selectOption(type);
        if (rto) await page.locator('#f-rto_hours').fill(rto);
        for (const d of deps) await page.locator(`#depends_on-${sid[d]}`).check();
      }, `system ${name}`);
      sid[name] = (await api.get('/orgs/1/systems')).find((s) => s.name === name).id;
    }
    const processes = [
      ['Verkauf im Laden', '500', '4', ['Kasse']],
      ['Bestellannahme', '100', '24', ['Warenwirtschaft', 'Internetzugang']],
      ['Lohnabrechnung', '20', '72', ['Dateiserver']],
    ];
    for (const [name, cost, rto, deps] of processes)
      await form(page, base, '/o/1/processes/new', async () => {
        await page.locator('#f-name').fill(name);
        await page.locator('#f-cost_per_hour').fill(cost);
        await page.locator('#f-rto_hours').fill(rto);
        for (const d of deps) await page.locator(`#system-${sid[d]}`).check();
      }, `process ${name}`);
    // the roll-up: every system must be back as fast as the strictest process or system that needs it
    const rolled = Object.fromEntries((await api.get('/orgs/1/systems')).map((s) => [s.name, s.required_rto_hours]));
    assert.deepEqual(rolled, { Dateiserver: 4, Internetzugang: 2, Warenwirtschaft: 4, Kasse: 4 });
    await page.goto(`${base}/o/1/systems`);
    for (const name of Object.keys(sid)) {
      const cells = (await page.locator('main tr', { has: page.locator(`a[href="/o/1/systems/${sid[name]}"]`) })
        .locator('td, th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.ok(cells.includes(`${rolled[name]} h`), `${name}: required RTO ${rolled[name]} h shown: ${cells.join(' | ')}`);
    }

    c = await card(page, base, 1);
    assert.match(c.counts[0], /^5\D+1\D+0\D/, `5 risks, 1 high, 0 critical: ${c.counts[0]}`);
    assert.match(c.counts[1], /^3\D+4\D+3\D/, `3 processes, 4 systems, 3 single points of failure: ${c.counts[1]}`);
    assert.equal(c.gaps.length, 1);
    assert.match(c.gaps[0], /\b5\b/, 'five risks without owner');
    assert.equal(c.next, '/o/1/risks', 'step 1 now: open the register');
    // checks: content 1/1, owners 0/5, measures of the high one 1/1, process RTO 3/3, SPoF of critical systems 1/4
    assert.equal(c.percent, Math.floor(6 * 100 / 14));

    /* ---------------------------------------------------------------- step 2: team */
    await page.goto(`${base}/o/1/`);
    await page.locator('main ol.path > li').nth(1).locator('a.button.primary').click();
    await page.waitForURL('**/o/1/team/templates');
    for (const box of await page.locator('main input[name="role"], main input[name="contact"]').all()) await box.uncheck();
    for (const key of ['notfallleitung', 'technik', 'zac-bw', 'lfdi-bw']) await page.locator(`#t-${key}`).check();
    assert.equal(await submit(page, page.locator('main form:has(input[name="role"]) button[type="submit"]')), 303,
      'starter roles and authority contacts adopted');
    const people = [
      ['Erika Muster', 'Inhaberin', '', 'mobile', '+49 170 1234567', false],
      ['Max Becker', 'Backstubenleitung', '', 'mobile', '+49 151 2223334', false],
      ['Jürgen Groß', 'Systembetreuer', 'IT-Service Süd GmbH', 'office', '0761 123456', true],
    ];
    for (const [name, fn, company, kind, number, external] of people)
      await form(page, base, '/o/1/contacts/new', async () => {
        await page.locator('#f-name').fill(name);
        await page.locator('#f-function').fill(fn);
        if (company) await page.locator('#f-company').fill(company);
        await page.locator('#f-phone_kind_0').selectOption(kind);
        await page.locator('#f-phone_number_0').fill(number);
        if (external) await page.locator('#f-external').check();
        await page.locator('#f-last_verified').fill(today);
      }, `contact ${name}`);
    const cid = Object.fromEntries((await api.contacts()).map((k) => [k.name, k.id]));
    const rid = Object.fromEntries((await api.roles()).map((k) => [k.name, k.id]));
    assert.equal(Object.keys(rid).length, 2);
    const [lead, tech] = [Object.keys(rid).find((n) => /Notfall/.test(n)), Object.keys(rid).find((n) => /Technik|IT/.test(n))];
    await form(page, base, `/o/1/roles/${rid[lead]}`, async () => {
      await page.locator('#f-primary_contact_id').selectOption(String(cid['Erika Muster']));
      await page.locator('#f-deputy_0').selectOption(String(cid['Max Becker']));
    }, 'emergency lead with deputy');
    await form(page, base, `/o/1/roles/${rid[tech]}`, async () => {
      await page.locator('#f-primary_contact_id').selectOption(String(cid['Jürgen Groß']));
    }, 'IT role without deputy');
    // the alarm chain: Erika is called first, the lead then calls the IT partner
    await form(page, base, '/o/1/alarm/steps/new', async () => {
      await page.locator('#f-callee_contact_id').selectOption(String(cid['Erika Muster']));
    }, 'alarm step 1');
    await form(page, base, '/o/1/alarm/steps/new', async () => {
      await page.locator('#f-caller').selectOption(`role:${rid[lead]}`);
      await page.locator('#f-callee_contact_id').selectOption(String(cid['Jürgen Groß']));
      await page.locator('#f-escalate_after_minutes').fill('15');
      await page.locator('#f-escalate_to_contact_id').selectOption(String(cid['Max Becker']));
    }, 'alarm step 2');
    await form(page, base, '/o/1/alarm/plan', async () => {
      await page.locator('#f-meeting_place').fill('Backstube, Hinterausgang');
      await page.locator(`#f-declare_role-${rid[lead]}`).check();
    }, 'alarm plan: the lead declares the emergency');
    await page.goto(`${base}/o/1/alarm`);
    assert.equal(await page.locator('main ol li, main table tbody tr').count() >= 2, true, 'two alarm steps shown');
    // and now the risks get their owner
    await form(page, base, `/o/1/risks/${ransomware.id}`, async () => {
      await page.locator('#f-owner_contact_id').selectOption(String(cid['Erika Muster']));
    }, 'ransomware owner');
    c = await card(page, base, 1);
    assert.match(c.gaps[0], /\b4\b/, 'four risks without owner');
    c = await card(page, base, 2);
    assert.equal(c.next, '/o/1/team', 'step 2 now: open the team');
    assert.match(c.counts[0], /^5\D+2\D/, `5 contacts, 2 roles: ${c.counts[0]}`);

    /* ---------------------------------------------------------------- step 3: recovery */
    await form(page, base, '/o/1/backups/new', async () => {
      await page.locator('#f-title').fill('Warenwirtschaft und Dateiablage');
      await page.locator(`#system-${sid.Warenwirtschaft}`).check();
      await page.locator(`#system-${sid.Dateiserver}`).check();
      await page.locator('#f-frequency').selectOption('24');
      await page.locator('#f-copy_kind_0').selectOption('onsite');
      await page.locator('#f-copy_media_0').fill('NAS im Büro');
      await page.locator('#f-copy_kind_1').selectOption('offsite');
      await page.locator('#f-copy_media_1').fill('USB-Platte im Tresor zu Hause');
      await page.locator('#f-copy_kind_2').selectOption('cloud');
      await page.locator('#f-copy_media_2').fill('Online-Sicherung');
    }, 'backup 1');
    await form(page, base, '/o/1/backups/new', async () => {
      await page.locator('#f-title').fill('Kassendaten');
      await page.locator(`#system-${sid.Kasse}`).check();
      await page.locator('#f-frequency').selectOption('24');
      await page.locator('#f-copy_kind_0').selectOption('onsite');
      await page.locator('#f-copy_media_0').fill('USB-Stick an der Kasse');
    }, 'backup 2');
    const bid = Object.fromEntries((await api.get('/orgs/1/backups')).map((b) => [b.title, b.id]));
    await form(page, base, `/o/1/backups/${bid['Warenwirtschaft und Dateiablage']}/restore-tests/new`, async () => {
      await page.locator('#f-date').fill(today);
      await page.locator('#f-result').selectOption('success');
      await page.locator('#f-duration_minutes').fill('60');
      await page.locator('#f-tested_by_contact_id').selectOption(String(cid['Jürgen Groß']));
    }, 'restore test');
    for (const [sys, steps] of [['Dateiserver', ['Server einschalten', 'Freigaben prüfen']],
      ['Warenwirtschaft', ['Dienst starten', 'Anmeldung testen']]])
      await form(page, base, '/o/1/runbooks/new', async () => {
        await page.locator('#f-system_id').selectOption(String(sid[sys]));
        await page.locator('#f-responsible_role_id').selectOption(String(rid[tech]));
        await page.locator('#f-expected_duration_minutes').fill('60');
        for (let i = 0; i < steps.length; i++) await page.locator(`#f-step-text-${i}`).fill(steps[i]);
      }, `runbook ${sys}`);
    // the order: Internet (needs nothing, 2 h) before the file server (needs nothing, 4 h), then what needs them
    await page.goto(`${base}/o/1/recovery`);
    const order = (await page.locator('main ol.recovery-order > li strong').allTextContents()).map((t) => t.trim());
    assert.deepEqual(order, ['Internetzugang', 'Dateiserver', 'Warenwirtschaft', 'Kasse']);
    c = await card(page, base, 3);
    assert.match(c.counts[0], /\b2\D+4\b/, `2 of 4 systems with a runbook: ${c.counts[0]}`);
    assert.equal(c.next, `/o/1/runbooks/new?system=${sid.Internetzugang}`, 'next: the runbook of the first one without');
    await form(page, base, '/o/1/workarounds/new', async () => {
      const processesList = await api.get('/orgs/1/processes');
      await page.locator('#f-process_id').selectOption(String(processesList.find((p) => p.name === 'Verkauf im Laden').id));
      await page.locator('#f-title').fill('Verkauf mit Papierliste');
      await page.locator('#f-procedure').fill('Preise von der Liste, Barzahlung, Strichliste je Artikel.');
      await page.locator('#f-sustainable_hours').fill('48');
    }, 'workaround');

    /* ---------------------------------------------------------------- step 4: documents */
    await page.goto(`${base}/o/1/`);
    await page.locator('main ol.path > li').nth(3).locator('a.button.primary').click();
    await page.waitForURL('**/o/1/documents/copies/new');
    await page.locator('#f-kind').selectOption('print');
    await page.locator('#f-location').fill('Notfallordner im Büro');
    await page.locator('#f-holder_contact_id').selectOption(String(cid['Erika Muster']));
    await page.locator('#f-plan_date').fill(today);
    assert.equal(await submit(page), 303, 'plan copy');
    assert.equal((await card(page, base, 4)).next, '/o/1/documents/templates/starter', 'next: templates');
    await page.locator('main ol.path > li').nth(3).locator('a.button.primary').click();
    await page.waitForURL('**/o/1/documents/templates/starter');
    for (const box of await page.locator('main input[name="template"]').all()) await box.uncheck();
    await page.locator('#s-mitarbeitende-it-ausfall').check();
    await page.locator('#s-kunden-erreichbarkeit').check();
    assert.equal(await submit(page), 303, 'two communication templates adopted');
    assert.equal((await card(page, base, 4)).next, '/o/1/documents/acknowledgements', 'next: confirmations');
    await page.locator('main ol.path > li').nth(3).locator('a.button.primary').click();
    await page.waitForURL('**/o/1/documents/acknowledgements');
    await page.locator(`#c-${cid['Erika Muster']}`).check();
    await page.locator('#f-confirmed_on').fill(today);
    await page.locator('#f-how').selectOption('briefing');
    assert.equal(await submit(page), 303, 'Erika confirmed');
    assert.equal((await api.get('/orgs/1/acknowledgements')).length, 1);

    /* ---------------------------------------------------------------- step 5: exercise and review */
    await page.goto(`${base}/o/1/`);
    await page.locator('main ol.path > li').nth(4).locator('a.button.primary').click();
    await page.waitForURL('**/o/1/exercises/new');
    await page.locator('#f-title').fill('Planspiel Ransomware');
    await page.locator('#f-type').selectOption('tabletop');
    await page.locator('#f-date').fill(today);
    await page.locator('#f-status').selectOption('done');
    await page.locator('#f-scenario_risk_id').selectOption(String(ransomware.id));
    await page.locator(`#f-participant-${cid['Erika Muster']}`).check();
    await page.locator(`#f-participant-${cid['Max Becker']}`).check();
    await page.locator('#f-went_well').fill('Alle wussten, wen sie anrufen.');
    await page.locator('#f-to_improve').fill('Die Nummer des IT-Dienstleisters fehlte im Ordner.');
    assert.equal(await submit(page), 303, 'exercise');
    const ex = (await api.get('/orgs/1/exercises'))[0];
    await form(page, base, `/o/1/exercises/${ex.id}/findings/new`, async () => {
      await page.locator('#f-title').fill('Nummer des IT-Dienstleisters in den Ordner');
      await page.locator('#f-severity').selectOption('medium');
      await page.locator('#f-responsible_contact_id').selectOption(String(cid['Erika Muster']));
      await page.locator('#f-due_date').fill(inDays(30));
    }, 'finding');
    await page.goto(`${base}/o/1/exercises`);
    await page.locator('main details.review-form > summary').click(); // the review form is folded away
    await page.locator('#f-last_review_date').fill(today);
    await page.locator('#f-review_interval_months').fill('12');
    await page.locator('#f-reviewer_contact_id').selectOption(String(cid['Erika Muster']));
    assert.equal(await submit(page, page.locator('main form:has(#f-last_review_date) button[type="submit"]')), 303,
      'plan review');
    c = await card(page, base, 5);
    assert.equal(c.percent, 100, 'step 5 complete');

    /* ---------------------------------------------------------------- the Plan-Check */
    await page.goto(`${base}/o/1/check`);
    const gaps = {};
    for (let s = 1; s <= 5; s++)
      gaps[s] = (await page.locator(`#step-${s} ul.gaps li a`).evaluateAll((as) => as.map((a) =>
        `${a.getAttribute('href')} ${a.textContent.replace(/\s+/g, ' ').trim()}`)));
    const riskId = Object.fromEntries((await api.get('/orgs/1/risks')).map((k) => [k.title, k.id]));
    const risk = (word) => Object.keys(riskId).find((t) => t.includes(word));
    const authorities = Object.keys(cid).filter((n) => !people.some((p) => p[0] === n)).sort();
    assert.equal(authorities.length, 2);
    // [link, the item the message names], in the order of the Plan-Check
    const expected = {
      1: [
        // the four adopted risks still without owner, in the register's order (score, then title)
        ...['Internetverbindung', 'Hardwaredefekt', 'Stromausfall', 'Feuer'].map((w) => [`/o/1/risks/${riskId[risk(w)]}`, risk(w)]),
        // single points of failure that must be back within a day (warnings); the till serves one process only
        ...['Dateiserver', 'Internetzugang', 'Warenwirtschaft'].map((n) => [`/o/1/systems/${sid[n]}`, n]),
      ],
      2: [
        [`/o/1/roles/${rid[tech]}`, tech], // no deputy
        ...authorities.map((n) => [`/o/1/contacts/${cid[n]}`, n]), // adopted, never checked
        ['/o/1/alarm/plan', '72'], // nobody reports data breaches
        ['/o/1/drills', ''], // no reachability drill done yet (a warning)
      ],
      3: [
        [`/o/1/backups/${bid.Kassendaten}`, 'Kassendaten'], // never restored in a test
        [`/o/1/backups/${bid.Kassendaten}`, '3-2-1'], // one copy only
        ['/o/1/runbooks', 'Internetzugang'], ['/o/1/runbooks', 'Kasse'], // critical, no runbook
      ],
      4: [['/o/1/documents/acknowledgements', ': 1']], // Max has not confirmed yet
      5: [],
    };
    for (let s = 1; s <= 5; s++) {
      assert.deepEqual(gaps[s].map((g) => g.split(' ')[0]), expected[s].map((e) => e[0]), `step ${s}: the gaps' links`);
      expected[s].forEach(([, name], i) => assert.ok(gaps[s][i].includes(name), `step ${s}: "${gaps[s][i]}" names ${name}`));
    }
    const summary = await text(page.locator('main section.check-overall'));
    assert.match(summary, /:\s*17(\D|$)/, `17 gaps and warnings in all: ${summary}`);
    await ctx.close();
  }));
