#!/usr/bin/env bash
# Packs every package, installs the tarballs into a clean consumer project and proves they work
# the way users consume them: ESM import, CommonJS require(esm), and type-checking under
# `nodenext` and `bundler` resolution. Run after `npm run build` (through npm, for Node 22).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages=(core devnode client factoring reconcile einvoice)

for p in "${packages[@]}"; do
  (cd "$root/packages/$p" && npm pack --silent --pack-destination "$work" >/dev/null)
done
cd "$work"
cat > package.json <<'JSON'
{ "name": "quidfin-consumer-smoke", "private": true, "version": "1.0.0" }
JSON
npm install --no-audit --no-fund --silent ./quidfin-*.tgz zod@4 typescript@6.0.3 @types/node@22 >/dev/null

cat > esm.mjs <<'JS'
import * as core from '@quidfin/core';
import * as client from '@quidfin/client';
import * as devnode from '@quidfin/devnode';
import * as devnodeNode from '@quidfin/devnode/node';
import * as factoring from '@quidfin/factoring';
import * as reconcile from '@quidfin/reconcile';
import * as einvoice from '@quidfin/einvoice';
const need = { core: [core, ['signableBytes', 'transactionId', 'toWireJson', 'signTransaction', 'verifyTransaction', 'quidIdFromPublicKey', 'signerFromPrivateKey']],
  client: [client, ['createQuidnugClient']], devnode: [devnode, ['createDevNode']], devnodeNode: [devnodeNode, ['listen', 'startDevNode']],
  factoring: [factoring, []], reconcile: [reconcile, []],
  einvoice: [einvoice, ['parseEInvoice', 'writeEInvoice', 'matchPurchaseOrder']] };
for (const [name, [mod, names]] of Object.entries(need)) {
  if (Object.keys(mod).length === 0) throw new Error(`${name}: no exports`);
  for (const n of names) if (typeof mod[n] !== 'function') throw new Error(`${name}: missing ${n}`);
}
const signer = core.signerFromPrivateKey(new Uint8Array(32).fill(7));
const tx = await core.buildTrust({ signer, trustee: 'aaed0498f455b5ca', trustLevel: 0.5, nonce: 1, trustDomain: 'default' });
if (!core.verifyTransaction(tx)) throw new Error('built transaction does not verify');
console.log('esm ok', signer.quidId);
JS
cat > cjs.cjs <<'JS'
const core = require('@quidfin/core');
const client = require('@quidfin/client');
const factoring = require('@quidfin/factoring');
const reconcile = require('@quidfin/reconcile');
if (typeof core.transactionId !== 'function') throw new Error('require(esm) did not expose named exports');
if (typeof client.createQuidnugClient !== 'function') throw new Error('client: createQuidnugClient missing');
if (!Object.keys(factoring).length || !Object.keys(reconcile).length) throw new Error('empty package');
console.log('cjs ok');
JS
cat > check.ts <<'TS'
import { quidIdFromPublicKey, type QuidnugTx, type Signer } from '@quidfin/core';
import { createQuidnugClient } from '@quidfin/client';
import { createDevNode } from '@quidfin/devnode';
const id: string = quidIdFromPublicKey('04' + 'ab'.repeat(64));
const tx: QuidnugTx | undefined = undefined;
const s: Signer | undefined = undefined;
void id; void tx; void s; void createQuidnugClient; void createDevNode;
TS
cat > tsconfig.nodenext.json <<'JSON'
{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "strict": true, "noEmit": true, "lib": ["es2022", "dom"], "types": [] }, "files": ["check.ts"] }
JSON
cat > tsconfig.bundler.json <<'JSON'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "strict": true, "noEmit": true, "lib": ["es2022", "dom"], "types": [] }, "files": ["check.ts"] }
JSON
node esm.mjs
node cjs.cjs
npx tsc -p tsconfig.nodenext.json
npx tsc -p tsconfig.bundler.json
echo "consumer smoke: ESM, CommonJS require(esm), nodenext and bundler type-checks all passed"
