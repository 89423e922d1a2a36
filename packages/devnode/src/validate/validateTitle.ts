// ValidateTitleTransaction (internal/core/validation.go), against committed state only.

import { isQuidId, MAX_DOMAIN_BYTES, MAX_NAME_BYTES } from '@quidfin/core';
import type { GoValue } from '../json/goStruct.js';
import type { ValidationContext } from './context.js';
import { validateStringField } from './fieldRules.js';
import { issuerSignableBytes, ownerSignableBytes } from './signatures.js';

const FRACTION_TOLERANCE = 1e-6;

type Stake = { ownerId: string; percentage: number };

function stakesEqual(a: readonly Stake[], b: readonly Stake[]): boolean {
  // The node compares lengths, then ownerId → percentage maps built from each list.
  if (a.length !== b.length) return false;
  const ma = new Map<string, number>();
  const mb = new Map<string, number>();
  for (const s of a) ma.set(s.ownerId, s.percentage);
  for (const s of b) mb.set(s.ownerId, s.percentage);
  for (const [owner, pct] of ma) if ((mb.get(owner) ?? 0) !== pct) return false;
  return true;
}

/** True when the node would accept this TITLE (new or transfer) now. */
export function validateTitle(ctx: ValidationContext, tx: GoValue): boolean {
  const { state } = ctx;
  const domain = tx['trustDomain'] as string;
  if (domain !== '' && !state.domains.has(domain)) return false;
  const assetId = tx['assetId'] as string;
  if (assetId === '' || !validateStringField(assetId, MAX_NAME_BYTES)) return false;
  const owners = (tx['owners'] as Stake[] | null) ?? [];
  for (const s of owners) if (s.ownerId !== '' && !isQuidId(s.ownerId)) return false;
  for (const s of owners) if (!state.identities.has(s.ownerId)) return false;
  if (domain !== '' && !validateStringField(domain, MAX_DOMAIN_BYTES)) return false;
  const titleType = tx['titleType'] as string;
  if (titleType !== '' && !validateStringField(titleType, MAX_NAME_BYTES)) return false;
  let total = 0;
  for (const s of owners) total += s.percentage;
  const fraction = total > 1 - FRACTION_TOLERANCE && total < 1 + FRACTION_TOLERANCE;
  const percent = total > 100 - FRACTION_TOLERANCE && total < 100 + FRACTION_TOLERANCE;
  if (!fraction && !percent) return false;
  const sig = tx['signature'] as string;
  const pub = tx['publicKey'] as string;
  if (sig === '' || pub === '') return false;
  if (!ctx.signatures.check(tx, 'issuer', pub, () => issuerSignableBytes('TITLE', tx), sig)) return false;
  const previous = (tx['previousOwners'] as Stake[] | null) ?? [];
  if (previous.length === 0) return true; // a new title, or an overwrite (PROTOCOL G11)
  const current = state.titles.get(assetId);
  if (current && !stakesEqual(previous, (current['owners'] as Stake[] | null) ?? [])) return false;
  const signatures = (tx['signatures'] as Record<string, string> | null) ?? {};
  for (const s of previous) {
    const identity = state.identities.get(s.ownerId);
    if (!identity) return false;
    const ownerKey = identity['publicKey'] as string;
    if (ownerKey === '') return false;
    const ownerSig = Object.hasOwn(signatures, s.ownerId) ? signatures[s.ownerId]! : '';
    if (ownerSig === '') return false;
    if (!ctx.signatures.check(tx, 'owner', ownerKey, () => ownerSignableBytes(tx), ownerSig)) return false;
  }
  return true;
}
