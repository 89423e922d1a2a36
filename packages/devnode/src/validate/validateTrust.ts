// ValidateTrustTransaction (internal/core/validation.go), against committed state only.

import { isQuidId, MAX_DESCRIPTION_BYTES, MAX_DOMAIN_BYTES, MIN_NONCE } from '@quidfin/core';
import type { GoValue } from '../json/goStruct.js';
import { pairGet } from '../state/state.js';
import type { ValidationContext } from './context.js';
import { validateStringField } from './fieldRules.js';
import { issuerSignableBytes } from './signatures.js';

/** True when the node would accept this TRUST now. */
export function validateTrust(ctx: ValidationContext, tx: GoValue): boolean {
  const domain = tx['trustDomain'] as string;
  if (domain !== '' && !ctx.state.domains.has(domain)) return false;
  const nonce = tx['nonce'] as number;
  if (nonce < MIN_NONCE) return false;
  const truster = tx['truster'] as string;
  const trustee = tx['trustee'] as string;
  // The nonce registry is per (truster, trustee) and global across domains; pending ignored.
  if (nonce <= (pairGet(ctx.state.trustNonces, truster, trustee) ?? 0)) return false;
  const level = tx['trustLevel'] as number;
  if (!Number.isFinite(level) || level < 0 || level > 1) return false;
  const validUntil = tx['validUntil'] as number;
  if (validUntil !== 0) {
    const ts = tx['timestamp'] as number;
    const ref = ts === 0 ? ctx.nowSeconds() : ts;
    if (validUntil <= ref) return false;
  }
  if (truster !== '' && !isQuidId(truster)) return false;
  if (trustee !== '' && !isQuidId(trustee)) return false;
  if (domain !== '' && !validateStringField(domain, MAX_DOMAIN_BYTES)) return false;
  const description = tx['description'] as string;
  if (description !== '' && !validateStringField(description, MAX_DESCRIPTION_BYTES)) return false;
  const sig = tx['signature'] as string;
  const pub = tx['publicKey'] as string;
  if (sig === '' || pub === '') return false;
  return ctx.signatures.check(tx, 'issuer', pub, () => issuerSignableBytes('TRUST', tx), sig);
}
