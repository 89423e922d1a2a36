// End to end: build the portal with Vite, serve the build on 127.0.0.1 (a secure context, so
// WebCrypto is available), and drive it in Debian's headless Chromium with Playwright: keys,
// registration, a signed invoice issued on the in-page devnode and read back verified, the
// carrier, buyer and financier acting on it; then the same against a node URL (CORS).
// Screenshots go to test-artifacts/browser-signing/ (kept by CI, ignored by git).
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type StartedDevNode, startDevNode } from '@quidfin/devnode/node';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../shared/chromium.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(exampleDir, '../..');
const outDir = join(exampleDir, 'dist');
const artifacts = join(repoRoot, 'test-artifacts', 'browser-signing');
const passphrase = 'correct horse battery staple';
const TRUST_DOMAIN = 'factoring.supply-chain.us';
// PBKDF2 with 600 000 iterations and block waits take a while on a busy CI machine.
const patience = { timeout: 30_000, interval: 100 };

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A tiny static server for `dist`, bound to loopback only. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res
        .writeHead(200, { 'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

let server: Server;
let origin: string;
let browser: Browser;

/** A fresh browser context (its own IndexedDB) and page that records requests and errors. */
async function openPage(query = '') {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/${query}`);
  return { context, page, errors, requests };
}

const shot = async (page: Page, name: string) => {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
};

/** The checks list as `{ text, pass, background }`. */
function checks(page: Page) {
  return page.$$eval('#checks li', (items) =>
    items.map((li) => ({
      label: li.querySelector('.label')?.textContent ?? '',
      outcome: li.querySelector('.outcome')?.textContent ?? '',
      pass: li.getAttribute('data-pass') === 'true',
      background: getComputedStyle(li).backgroundColor,
    })),
  );
}
const timeline = (page: Page) =>
  page.$$eval('#timeline li', (items) => items.map((li) => li.getAttribute('data-event')));

async function createKeyAndRegister(page: Page): Promise<string> {
  await page.fill('#passphrase', passphrase);
  await page.click('#create-key');
  await expect.poll(() => page.textContent('#quid-id'), patience).toMatch(/^[0-9a-f]{16}$/);
  await expect.poll(() => page.isEnabled('#register'), patience).toBe(true);
  await page.click('#register');
  await expect.poll(() => page.textContent('#register-status'), patience).toContain('Registered as Acme');
  return (await page.textContent('#quid-id')) ?? '';
}

beforeAll(async () => {
  await build({
    configFile: join(exampleDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

describe('supplier portal on the in-page devnode (headless Chromium)', () => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  let quid = '';

  beforeAll(async () => {
    ({ page, errors, requests } = await openPage());
  });

  it('shows no empty key labels and no ledger results before anything exists', async () => {
    expect(await page.isVisible('#key-info')).toBe(false);
    expect(await page.isVisible('#ledger-view')).toBe(false);
    expect(await page.isVisible('#decision')).toBe(false);
    await expect.poll(() => page.inputValue('#buyer-quid'), patience).toMatch(/^[0-9a-f]{16}$/);
  });

  it('creates a supplier key whose private half cannot be exported, then registers it', async () => {
    quid = await createKeyAndRegister(page);
    expect(await page.isVisible('#key-info')).toBe(true);
    // Read the stored key back from IndexedDB, as any script on the page could, and try to export it.
    const key = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('quidfin-supplier');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const record = await new Promise<{
        quidKeyPair: CryptoKeyPair;
        documentKey: { ciphertext: ArrayBuffer };
      }>((ok, fail) => {
        const request = db.transaction('keys').objectStore('keys').get('supplier');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      db.close();
      const { privateKey, publicKey } = record.quidKeyPair;
      const exported = await crypto.subtle.exportKey('pkcs8', privateKey).then(
        () => 'exported',
        (error: Error) => error.name,
      );
      return {
        isCryptoKey: privateKey instanceof CryptoKey,
        extractable: privateKey.extractable,
        algorithm: (privateKey.algorithm as EcKeyAlgorithm).namedCurve,
        usages: privateKey.usages,
        publicExtractable: publicKey.extractable,
        exported,
        documentKeyBytes: record.documentKey.ciphertext.byteLength,
      };
    });
    expect(key).toEqual({
      isCryptoKey: true,
      extractable: false,
      algorithm: 'P-256',
      usages: ['sign'],
      publicExtractable: true,
      exported: 'InvalidAccessError',
      // 32-byte Ed25519 seed + 16-byte AES-GCM tag: stored encrypted, never in the clear.
      documentKeyBytes: 48,
    });
  });

  it('a bad amount is reported by field name, without schema paths, and issues nothing', async () => {
    await page.fill('[aria-label="Line 2 unit price"]', '18O.00');
    await page.click('#issue');
    await expect
      .poll(() => page.textContent('#issue-status'), patience)
      .toBe('Line 2 unit price: "18O.00" is not an amount in EUR.');
    expect(await page.getAttribute('#issue-status', 'class')).toContain('error');
    expect(await page.isVisible('#ledger-view')).toBe(false);
    await page.fill('[aria-label="Line 2 unit price"]', '180.00');
  });

  it('signs the document, issues TITLE + invoice.issued, and shows the verified timeline read back', async () => {
    await page.click('#issue');
    await expect.poll(() => page.textContent('#invoice-state'), patience).toBe('Issued');
    expect(await page.textContent('#issue-status')).toBe(
      // 500 x 2.40 + 1 x 180.00 = 1380.00 net, plus 19 % VAT = 1642.20
      'Issued INV-2026-0042 for €1,642.20: signed in this browser, committed on the node.',
    );
    expect(await page.textContent('#invoice-id')).toBe(`${quid}:INV-2026-0042`);
    expect(await page.textContent('#invoice-hash')).toMatch(/^[0-9a-f]{64}$/);
    expect(await timeline(page)).toEqual(['invoice.issued']);
    expect(await page.textContent('#timeline li .who')).toBe('signed by Acme Components GmbH (supplier)');
  });

  it('draws every check green, the correctly rejected tampered copies included', async () => {
    const list = await checks(page);
    expect(list.map(({ outcome, pass }) => [outcome, pass])).toEqual([
      ['verified', true],
      ['1 verified', true],
      ['rejected: HASH_MISMATCH', true],
      ['rejected: bad signature', true],
    ]);
    const green = list[0]?.background;
    expect(green).toBe('rgb(234, 246, 238)');
    expect(new Set(list.map((c) => c.background))).toEqual(new Set([green]));
  });

  it('the carrier delivers, the buyer acknowledges, and the financier approves with an offer', async () => {
    await page.click('#deliver');
    await expect.poll(() => page.textContent('#invoice-state'), patience).toBe('Delivered');
    await page.click('#acknowledge');
    await expect.poll(() => page.textContent('#invoice-state'), patience).toBe('Acknowledged');
    expect(await timeline(page)).toEqual([
      'invoice.issued',
      'carrier.shipped',
      'carrier.delivered',
      'buyer.acknowledged',
    ]);
    expect((await checks(page))[1]).toMatchObject({ outcome: '4 verified', pass: true });

    await page.click('#decide');
    await expect.poll(() => page.textContent('#decision-outcome'), patience).toBe('APPROVE');
    expect(await page.textContent('#decision-offer')).toMatch(
      /^advance €1,\d{3}\.\d{2} now, fee €\d+\.\d{2} \(\d+\.\d{2} %\)$/,
    );
    await shot(page, 'portal-approved');
  });

  it('the same invoice number cannot be issued twice (the node would take a second title)', async () => {
    await page.click('#issue');
    await expect
      .poll(() => page.textContent('#issue-status'), patience)
      .toBe('Invoice number: INV-2026-0042 is already on the ledger; use a new number.');
    expect(await page.isVisible('#ledger-view')).toBe(false);
  });

  it('a failed attempt clears the previous results instead of leaving them on screen', async () => {
    await page.fill('#invoice-number', 'INV-2026-0043');
    await page.click('#issue');
    await expect.poll(() => page.textContent('#invoice-state'), patience).toBe('Issued');
    expect(await page.isVisible('#ledger-view')).toBe(true);

    await page.fill('#invoice-number', 'INV-2026-0044');
    await page.fill('[aria-label="Line 1 quantity"]', 'five hundred');
    await page.click('#issue');
    await expect
      .poll(() => page.textContent('#issue-status'), patience)
      .toBe('Line 1 quantity: "five hundred" is not a number.');
    expect(await page.isVisible('#ledger-view')).toBe(false);
    expect(await page.isVisible('#decision')).toBe(false);
    expect(await page.$$('#checks li')).toEqual([]);
    await shot(page, 'portal-form-error');
  });

  it('unlocks the saved key after a reload, and refuses a wrong passphrase in plain words', async () => {
    await page.reload();
    await page.fill('#passphrase', 'not the passphrase');
    await page.click('#unlock-key');
    await expect
      .poll(() => page.textContent('#key-status'), patience)
      .toBe('That passphrase does not unlock the saved key.');
    await page.fill('#passphrase', passphrase);
    await page.click('#unlock-key');
    await expect.poll(() => page.textContent('#quid-id'), patience).toBe(quid);
  });

  it('sent nothing beyond the page origin (the node runs in the page) and logged no errors', () => {
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`));
    expect(requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('supplier portal against a node URL (?node=)', () => {
  let node: StartedDevNode | undefined;
  afterAll(async () => node?.close());

  it('issues on a node that lists the page origin in its CORS origins (EXPLORER_CORS_ORIGINS)', async () => {
    node = await startDevNode({
      corsOrigins: [origin],
      limits: 'off',
      blockIntervalMs: 200,
      domains: [TRUST_DOMAIN],
    });
    const { context, page, errors, requests } = await openPage(`?node=${encodeURIComponent(node.url)}`);
    try {
      expect(await page.textContent('#node-label')).toBe(node.url);
      await expect.poll(() => page.inputValue('#buyer-quid'), patience).toMatch(/^[0-9a-f]{16}$/);
      const quid = await createKeyAndRegister(page);
      await page.click('#issue');
      await expect.poll(() => page.textContent('#invoice-state'), patience).toBe('Issued');
      // The title is on the node itself, not only in the page.
      const title = await fetch(
        `${node.url}/api/v1/registry/title?asset_id=${encodeURIComponent(`${quid}:INV-2026-0042`)}`,
      );
      expect(title.status).toBe(200);
      expect(requests.some((url) => url.startsWith(node?.url ?? '-'))).toBe(true);
      // Chromium logs every 4xx response; the client's lookups expect some (404 for an identity
      // not registered yet, 400 for a domain that exists). Anything else is an error.
      const expected = /^Failed to load resource: the server responded with a status of 40[04] /;
      expect(errors.filter((e) => !expected.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a node that does not allow the page origin gets a message naming EXPLORER_CORS_ORIGINS', async () => {
    const closed = await startDevNode({ limits: 'off', blockIntervalMs: 200, domains: [TRUST_DOMAIN] });
    const { context, page } = await openPage(`?node=${encodeURIComponent(closed.url)}`);
    try {
      await expect
        .poll(() => page.textContent('#register-status'), patience)
        .toContain('EXPLORER_CORS_ORIGINS');
      expect(await page.textContent('#register-status')).toMatch(
        /^Cannot reach the node at http:\/\/127\.0\.0\.1:\d+\./,
      );
      await shot(page, 'portal-cors-refused');
    } finally {
      await context.close();
      await closed.close();
    }
  });
});
