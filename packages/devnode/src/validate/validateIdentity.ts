// ValidateIdentityTransaction (internal/core/validation.go), against committed state only.

import { isQuidId, MAX_DESCRIPTION_BYTES, MAX_DOMAIN_BYTES, MAX_NAME_BYTES } from '@quidfin/core';
import type { GoValue } from '../json/goStruct.js';
import type { ValidationContext } from './context.js';
import { validateStringField } from './fieldRules.js';
import { issuerSignableBytes } from './signatures.js';

/** True when the node would accept this IDENTITY now. */
export function validateIdentity(ctx: ValidationContext, tx: GoValue): boolean {
  const domain = tx['trustDomain'] as string;
  if (domain !== '' && !ctx.state.domains.has(domain)) return false;
  const quidId = tx['quidId'] as string;
  const creator = tx['creator'] as string;
  if (quidId !== '' && !isQuidId(quidId)) return false;
  if (creator !== '' && !isQuidId(creator)) return false;
  if (domain !== '' && !validateStringField(domain, MAX_DOMAIN_BYTES)) return false;
  const name = tx['name'] as string;
  if (name !== '' && !validateStringField(name, MAX_NAME_BYTES)) return false;
  const description = tx['description'] as string;
  if (description !== '' && !validateStringField(description, MAX_DESCRIPTION_BYTES)) return false;
  const existing = ctx.state.identities.get(quidId);
  if (existing) {
    // Updates need a higher nonce and the original creator; the key is never bound (PROTOCOL §6.3).
    if ((tx['updateNonce'] as number) <= (existing['updateNonce'] as number)) return false;
    if (creator !== existing['creator']) return false;
  }
  const sig = tx['signature'] as string;
  const pub = tx['publicKey'] as string;
  if (sig === '' || pub === '') return false;
  return ctx.signatures.check(tx, 'issuer', pub, () => issuerSignableBytes('IDENTITY', tx), sig);
}
