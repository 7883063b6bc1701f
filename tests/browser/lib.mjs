// lib.mjs: shared helpers for the browser journeys.
//
// Every test starts its own krisenfest on a free loopback port with a fresh
// temporary data folder and stops it with SIGTERM afterwards. The browser is
// Debian's Chromium driven by playwright-core (no browser download).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const BIN = resolve(process.env.KRISENFEST_BIN || join(HERE, '..', '..', 'build', 'krisenfest'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(HERE, 'screenshots');

export const PW = 'correct horse battery';
export const ORG = 'Bäckerei Beispiel';
export const ADMIN = 'admin@example.org';

// German once po/de.po is translated, English until then: match both.
export const TXT = {
  conflict: /inzwischen geändert|changed this (contact|role) meanwhile/i,
  savedMeanwhile: /(zwischenzeitlich|inzwischen) von jemand|Saved meanwhile by someone else|zwischenzeitlich gespeichert|inzwischen gespeichert/i,
  reallyDelete: /wirklich löschen|really want to delete/i,
};

function checkBinary() {
  if (!existsSync(BIN)) throw new Error(`krisenfest binary not found: ${BIN} (build it with 'ninja -C build')`);
}

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export function cli(args, stdin) {
  const r = spawnSync(BIN, args, { input: stdin, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0)
    throw new Error(`krisenfest ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/**
 * Starts krisenfest on a free port.
 *   init: true  -> `krisenfest init` first (organisation ORG, admin ADMIN / PW)
 *   init: false -> empty folder; the set-up link appears on stdout (server.setupLink())
 *   init: 'demo' -> `krisenfest init --demo` (the demo company, admin ADMIN / PW)
 *   serveArgs: (base) => [...] more `krisenfest serve` options (e.g. SMTP), given the server's address
 */
export async function startServer({ init = true, serveArgs = null } = {}) {
  checkBinary();
  const dir = mkdtempSync(join(tmpdir(), 'kf-browser-'));
  if (init === 'demo')
    cli(['init', '--demo', '--data', dir, '--admin-email', ADMIN, '--password-stdin'], `${PW}\n`);
  else if (init)
    cli(['init', '--data', dir, '--org', ORG, '--admin-email', ADMIN, '--admin-name', 'Anna Admin',
      '--password-stdin'], `${PW}\n`);
  let lastErr;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(dir, port, serveArgs);
    } catch (e) {
      lastErr = e; // most likely the port was taken meanwhile: try another one
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastErr;
}

async function launch(dir, port, serveArgs) {
  const base = `http://127.0.0.1:${port}`;
  const extra = serveArgs ? serveArgs(base) : [];
  const proc = spawn(BIN, ['serve', '--data', dir, '--listen', `127.0.0.1:${port}`, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '', exited = null;
  const waiters = [];
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (d) => { stdout += d; waiters.forEach((w) => w()); });
  proc.stderr.on('data', (d) => { stderr += d; });
  const exitP = new Promise((ok) => proc.on('exit', (code, sig) => { exited = { code, sig }; waiters.forEach((w) => w()); ok(); }));

  // readiness: poll /healthz until it answers (not a timing assertion)
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`krisenfest exited early (${JSON.stringify(exited)}): ${stderr}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not yet listening */ }
    if (i > 300) { proc.kill('SIGKILL'); throw new Error(`krisenfest did not answer on ${base}: ${stderr}`); }
    await new Promise((ok) => setTimeout(ok, 50));
  }

  const server = {
    base, port, dir, proc,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    /** the one-time set-up link printed on stdout */
    async setupLink() {
      const re = /http:\/\/127\.0\.0\.1:\d+\/setup\?token=[A-Za-z0-9_\-%.~]+/;
      while (!re.test(stdout)) {
        if (exited) throw new Error(`no set-up link on stdout; stdout: ${stdout}`);
        await new Promise((ok) => waiters.push(ok));
      }
      return stdout.match(re)[0];
    },
    addUser(email, name, role) {
      return cli(['user', 'add', '--data', dir, '--email', email, '--name', name, '--org', '1', '--role', role,
        '--password-stdin'], `${PW}\n`);
    },
    async stop() {
      if (!exited) {
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exitP;
        clearTimeout(t);
      }
      if (!process.env.KF_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
      return exited;
    },
  };
  return server;
}

/* ---------------- mail: the test suite's own SMTP sink (tests/tools/smtp_sink.py) ---------------- */

const SINK = join(HERE, '..', 'tools', 'smtp_sink.py');

/**
 * Starts the SMTP sink on a free port; sink.serveArgs(base) are the `serve`
 * options that send mail to it. sink.mails() reads every delivered message as
 * { to, subject, body } (decoded by the sink's own "show").
 */
export async function startMailSink() {
  const dir = mkdtempSync(join(tmpdir(), 'kf-sink-'));
  const portFile = join(dir, 'port');
  const mails = join(dir, 'mail');
  mkdirSync(mails);
  const proc = spawn('python3', [SINK, 'serve', mails, '--port', '0', '--port-file', portFile], { stdio: 'ignore' });
  for (let i = 0; !existsSync(portFile) || !readFileSync(portFile, 'utf8').trim(); i++) {
    if (i > 200) { proc.kill('SIGKILL'); throw new Error('the SMTP sink did not start'); }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const port = readFileSync(portFile, 'utf8').trim();
  const seen = new Map(); // file -> parsed mail (a delivered mail never changes)
  const read = (f) => {
    if (seen.has(f)) return seen.get(f);
    const out = spawnSync('python3', [SINK, 'show', join(mails, f)], { encoding: 'utf8' }).stdout;
    const [head, ...rest] = out.split('\n\n');
    const field = (name) => (head.match(new RegExp(`^${name}: (.*)$`, 'mi')) || [])[1] || '';
    const mail = { to: field('To'), subject: field('Subject'), body: rest.join('\n\n') };
    seen.set(f, mail);
    return mail;
  };
  return {
    serveArgs: (base) => ['--smtp-url', `smtp://127.0.0.1:${port}`, '--smtp-from', 'krisenfest@example.org',
      '--base-url', base, '--mail-interval', '1'],
    mails: () => readdirSync(mails).filter((f) => f.endsWith('.eml') && existsSync(join(mails, f.replace(/\.eml$/, '.env')))).sort().map(read),
    /** waits until a delivered mail matches pred (polls; the mail thread sends within seconds) */
    async waitFor(pred, what) {
      for (let i = 0; ; i++) {
        const m = this.mails().find(pred);
        if (m) return m;
        if (i > 600) throw new Error(`no mail ${what}; got: ${JSON.stringify(this.mails().map((x) => [x.to, x.subject]))}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
    stop() { proc.kill('SIGTERM'); if (!process.env.KF_KEEP_TMP) rmSync(dir, { recursive: true, force: true }); },
  };
}

/* ---------------- JSON API (the test's own view of the stored data) ---------------- */

export class Api {
  constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }

  static async login(base, email = ADMIN, password = PW) {
    const api = new Api(base);
    const r = await fetch(`${base}/api/v1/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(r.status, 200, `API login of ${email}`);
    const body = await r.json();
    const set = r.headers.getSetCookie().find((c) => c.startsWith('kf_session='));
    assert.ok(set, 'kf_session cookie');
    api.cookie = set.split(';')[0];
    api.csrf = body.csrf_token;
    return api;
  }

  async req(method, path, body, headers = {}) {
    const h = { Cookie: this.cookie, Accept: 'application/json', ...headers };
    if (method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const r = await fetch(`${this.base}/api/v1${path}`, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: r.status, json, text, headers: r.headers };
  }

  async get(path) {
    const r = await this.req('GET', path);
    assert.equal(r.status, 200, `GET ${path}: ${r.text}`);
    return r.json;
  }

  async contacts() { return this.get('/orgs/1/contacts'); }
  async roles() { return this.get('/orgs/1/roles'); }

  async newContact(c) {
    const r = await this.req('POST', '/orgs/1/contacts', c);
    assert.equal(r.status, 201, `create contact: ${r.text}`);
    return r.json;
  }

  /** POST to /orgs/1{path}; asserts 200/201 and returns the answer's JSON */
  async post(path, body) {
    const r = await this.req('POST', `/orgs/1${path}`, body);
    assert.ok(r.status === 201 || r.status === 200, `POST ${path}: ${r.status} ${r.text}`);
    return r.json;
  }

  async newRole(ro) {
    const r = await this.req('POST', '/orgs/1/roles', ro);
    assert.equal(r.status, 201, `create role: ${r.text}`);
    return r.json;
  }
}

/* ---------------- browser ---------------- */

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context: German, like the company's people. */
export async function newContext(browser, opts = {}) {
  const ctx = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 }, ...opts });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(15_000);
  return ctx;
}

/** The submit button of the page's main form (the header also holds the "sign out" button). */
export function mainSubmit(page) {
  return page.locator('main form button[type="submit"]').first();
}

/**
 * Clicks something that posts a form and waits for the answer to the POST;
 * returns its status (303 for success, 409 / 422 / 403 otherwise).
 * For 303 it also waits until the page it redirects to has loaded.
 */
export async function submit(page, clickable = mainSubmit(page)) {
  const respP = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()
    && r.frame() === page.mainFrame());
  await clickable.click();
  const resp = await respP;
  const status = resp.status();
  if (status >= 300 && status < 400) {
    const loc = new URL(resp.headers().location, resp.url()).href;
    await page.waitForURL(loc);
  }
  await page.waitForLoadState('load');
  return status;
}

/** Signs in through the /login form and waits for the start page. */
export async function uiLogin(page, base, email = ADMIN, password = PW) {
  await page.goto(`${base}/login`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  const status = await submit(page);
  assert.equal(status, 303, `login of ${email}`);
  assert.match(new URL(page.url()).pathname, /^\/o\/1\/$/);
}

/** textContent of the first match, after waiting for it to be attached. */
export async function text(locator) {
  await locator.first().waitFor({ state: 'attached' });
  return (await locator.first().textContent()).replace(/\s+/g, ' ').trim();
}

/* ---------------- accessibility (axe-core) ---------------- */

export const AXE = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the loaded page (WCAG 2.0/2.1 A and AA rules and axe's best
 * practices) and returns its violations as
 * [{ id, impact, help, targets: [selector, ...] }]. The page's context needs
 * bypassCSP: true (the app's Content-Security-Policy forbids inline scripts).
 */
export async function axeViolations(page, incomplete = null) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations', 'incomplete'] }));
  // "needs review": what axe could not decide (e.g. the contrast of SVG text): rule -> {path: nodes}, if asked
  if (incomplete) {
    const path = new URL(page.url()).pathname;
    for (const v of res.incomplete) {
      const r = (incomplete[v.id] ||= {});
      r[path] = Math.max(r[path] || 0, v.nodes.length);
    }
  }
  return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * axe cannot tell the contrast of SVG text on an SVG rect ("incomplete"), so
 * this checks the heat map itself: every text of a cell against the cell's
 * fill. Returns [{ cell: "L3/I5", cls, ratio }] for texts below 4.5:1.
 */
export async function heatmapContrastFailures(page) {
  return page.evaluate(() => {
    const lum = (rgb) => {
      const c = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const parse = (col) => {
      if (col.startsWith('#')) return [1, 3, 5].map((i) => parseInt(col.slice(i, i + 2), 16));
      return col.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    };
    const out = [];
    for (const g of document.querySelectorAll('figure.heatmap g.cell')) {
      const bg = lum(parse(g.querySelector('rect').getAttribute('fill')));
      for (const t of g.querySelectorAll('text')) {
        const fg = lum(parse(getComputedStyle(t).fill));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5)
          out.push({ cell: `L${g.dataset.likelihood}/I${g.dataset.impact}`, cls: t.getAttribute('class'),
            ratio: Math.round(ratio * 100) / 100 });
      }
    }
    return out;
  });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/**
 * Runs fn(ctx) with a fresh server and browser; stops both even when fn fails.
 * ctx = { server, browser, base }
 */
export async function withKrisenfest(opts, fn) {
  const server = await startServer(opts);
  let browser, failed = false;
  try {
    browser = await launchBrowser();
    await fn({ server, browser, base: server.base });
  } catch (e) {
    failed = true;
    if (server.stderr && e instanceof Error) e.message += `\n--- krisenfest stderr ---\n${server.stderr.slice(-4000)}`;
    throw e;
  } finally {
    if (browser) await browser.close().catch(() => {});
    const ex = await server.stop();
    // a clean shutdown on SIGTERM: exit code 0 (or ended by the signal itself)
    if (!failed)
      assert.ok(ex && (ex.code === 0 || ex.sig === 'SIGTERM'), `krisenfest stopped uncleanly: ${JSON.stringify(ex)}`);
  }
}
