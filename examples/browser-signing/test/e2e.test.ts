// End to end: build the page with Vite, serve the build on 127.0.0.1 (a secure context, so
// WebCrypto is available), and click through it in Debian's headless Chromium with Playwright.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../shared/chromium.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = resolve(exampleDir, '../..');
const outDir = join(exampleDir, 'dist');
const screenshotPath = join(repoRoot, 'test-artifacts', 'browser-signing.png');
const passphrase = 'correct horse battery staple';
// PBKDF2 with 600 000 iterations takes a while on a busy CI machine.
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
let browser: Browser;
let page: Page;
const browserErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  await build({
    configFile: join(exampleDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await serve(outDir);
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

/** The verdict lines shown after "Verify", as `{ text, ok }`. */
async function verdicts(): Promise<{ text: string; ok: boolean }[]> {
  return page.$$eval('#verdicts li', (items) =>
    items.map((li) => ({ text: li.textContent ?? '', ok: li.getAttribute('data-ok') === 'true' })),
  );
}

describe('browser-signing page (headless Chromium)', () => {
  it('creates a supplier key whose private half cannot be exported', async () => {
    await page.fill('#passphrase', passphrase);
    await page.click('#create-key');
    await expect.poll(() => page.textContent('#quid-id'), patience).toMatch(/^[0-9a-f]{16}$/);

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

  it('signs an invoice document and its invoice.issued event, then verifies both', async () => {
    await page.click('#sign');
    await expect.poll(() => page.textContent('#invoice-hash'), patience).toMatch(/^[0-9a-f]{64}$/);
    const hash = await page.textContent('#invoice-hash');
    const wire: unknown = JSON.parse((await page.textContent('#wire-json')) ?? '{}');
    expect(wire).toMatchObject({
      type: 'EVENT',
      signature: expect.stringMatching(/^[0-9a-f]{128}$/),
      subjectType: 'TITLE',
      eventType: 'invoice.issued',
      sequence: 1,
      // 500 x 2.40 + 1 x 180.00 = 1380.00 net, plus 19 % VAT = 1642.20
      payload: {
        invoiceNumber: 'INV-2026-0042',
        currency: 'EUR',
        amountMinor: 164220,
        taxMinor: 26220,
        terms: 'NET-60',
        invoiceHash: hash,
      },
    });

    await page.click('#verify');
    await expect.poll(async () => (await verdicts()).length, patience).toBe(4);
    expect(await verdicts()).toEqual([
      { text: 'Invoice document: signature valid, matches invoice.issued', ok: true },
      { text: 'invoice.issued transaction: signature valid, signed by this quid', ok: true },
      { text: 'Tampered document (price changed): rejected, HASH_MISMATCH', ok: false },
      { text: 'Tampered transaction (amount changed): rejected, bad signature', ok: false },
    ]);

    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it('unlocks the saved key after a reload, and refuses a wrong passphrase', async () => {
    const quid = await page.textContent('#quid-id');
    await page.reload();
    await page.fill('#passphrase', 'not the passphrase');
    await page.click('#unlock-key');
    await expect.poll(() => page.textContent('#key-status'), patience).toContain('wrong passphrase');

    await page.fill('#passphrase', passphrase);
    await page.click('#unlock-key');
    await expect.poll(() => page.textContent('#quid-id'), patience).toBe(quid);
    await page.click('#sign');
    await page.click('#verify');
    await expect.poll(async () => (await verdicts()).filter((v) => v.ok).length, patience).toBe(2);
  });

  it('sent nothing anywhere and logged no errors', () => {
    const { port } = server.address() as AddressInfo;
    const elsewhere = requests.filter((url) => !url.startsWith(`http://127.0.0.1:${port}/`));
    expect(requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    // The wrong-passphrase attempt is reported on the page, not thrown.
    expect(browserErrors).toEqual([]);
  });
});
