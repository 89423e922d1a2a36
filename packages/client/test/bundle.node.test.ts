import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { ${names} } from ${JSON.stringify(entry)};`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    // Naming conditions drops esbuild's default 'module' one; keep it, so dependencies resolve to
    // their ESM builds as in an app's bundler (@opentelemetry/api's CJS build is twice the size).
    conditions: ['@quidfin/source', 'module'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

// Budgets (esbuild, minified, brotli) with a little headroom. `npx size-limit` in this folder checks
// the same shapes with rolldown (about 17 kB and 40 kB today; it also subtracts an empty project).
describe('browser bundle', () => {
  it('the low-level client stays within its budget and never pulls in signing, the devnode or Node built-ins', async () => {
    const code = await bundle('createQuidnugClient');
    const size = brotliCompressSync(code).length;
    // 30 KiB: the hostile-node defences (streamed body cap, page checks, stream metadata check,
    // cross-check, their typed errors) cost about 2.3 kB, the ten /api/v2/guardian methods 1.5 kB,
    // the pool's poison-TRUST filter about 0.5 kB, @opentelemetry/api (spans and metrics) 2.6 kB
    // (31.4 kB without it after the client's folder restructuring).
    expect(size).toBeLessThan(34 * 1024);
    // Reading and submitting needs no elliptic-curve code: signing lives in appendEvent / grantTrust.
    for (const marker of [
      'createDevNode',
      'mineBlock',
      '"node:',
      'Buffer.from',
      'process.env',
      'secp256r1',
    ]) {
      expect(code.includes(marker), marker).toBe(false);
    }
  });

  it('the whole client with the invoice ledger stays within its budget', async () => {
    const code = await bundle('createQuidnugClient, InvoiceLedger');
    // 70 kB: chain of custody, verified trust, guardian routes, key history, the shared block
    // history and @opentelemetry/api (2.6 kB; 68.9 kB without it).
    expect(brotliCompressSync(code).length).toBeLessThan(72 * 1024);
    expect(code.includes('createDevNode')).toBe(false);
  });

  it('has no import-time side effects: an unused import bundles to nothing', async () => {
    const code = await bundle('isAbortError');
    expect(code.length).toBeLessThan(400);
  });
});
