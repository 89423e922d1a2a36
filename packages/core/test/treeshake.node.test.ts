// Bundles small consumer snippets from core's source the way an app's bundler would and checks
// which dependencies end up inside: importing schemas or money helpers must not drag in the
// P-256 / Ed25519 crypto, and every bundle stays tree-shakeable (no module-level side effects).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const coreRoot = fileURLToPath(new URL('..', import.meta.url));

async function bundledInputs(imports: string): Promise<string[]> {
  const result = await build({
    stdin: {
      contents: `import { ${imports} } from '@quidfin/core';\nglobalThis.__keep = [${imports}];`,
      resolveDir: coreRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['@quidfin/source'],
    metafile: true,
    logLevel: 'silent',
  });
  // Only inputs that contributed bytes to the output: parsed-then-shaken files do not count.
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error('esbuild produced no output');
  return Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
}

const fromNoble = (inputs: string[]) => inputs.filter((p) => p.includes('@noble/'));

describe('tree-shaking of @quidfin/core', () => {
  it('parsing transactions pulls in no crypto', async () => {
    const inputs = await bundledInputs('parseTransaction');
    expect(fromNoble(inputs)).toEqual([]);
    expect(inputs.some((p) => p.includes('canonicalize'))).toBe(false);
  });

  it('invoice payload schemas and money pull in no crypto', async () => {
    const inputs = await bundledInputs('parseInvoiceEventPayload, parseMoney, deriveInvoiceLifecycle');
    expect(fromNoble(inputs)).toEqual([]);
  });

  it('signing transactions pulls in P-256 but not Ed25519 or canonicalize', async () => {
    const inputs = await bundledInputs('signTransaction, signerFromPrivateKey');
    expect(inputs.some((p) => p.includes('@noble/curves'))).toBe(true);
    expect(inputs.some((p) => p.includes('@noble/ed25519'))).toBe(false);
    expect(inputs.some((p) => p.includes('canonicalize'))).toBe(false);
  });

  it('signing invoice documents pulls in Ed25519 and canonicalize but not P-256', async () => {
    const inputs = await bundledInputs('signInvoiceDocument');
    expect(inputs.some((p) => p.includes('@noble/ed25519'))).toBe(true);
    expect(inputs.some((p) => p.includes('canonicalize'))).toBe(true);
    expect(inputs.some((p) => p.includes('@noble/curves'))).toBe(false);
  });
});
