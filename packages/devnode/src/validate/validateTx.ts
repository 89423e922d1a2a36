import type { StoredTx } from '../state/state.js';
import type { ValidationContext } from './context.js';
import { validateEvent } from './validateEvent.js';
import { validateIdentity } from './validateIdentity.js';
import { validateTitle } from './validateTitle.js';
import { validateTrust } from './validateTrust.js';

/**
 * Block-time revalidation, dispatched on the `type` field as the node does after its JSON
 * round-trip: a TRUST whose `type` is not "TRUST" fails here and poisons its block (PROTOCOL G7).
 */
export function revalidate(ctx: ValidationContext, stored: StoredTx): boolean {
  // A struct re-read under another type's layout can never carry a valid signature.
  if (stored.tx['type'] !== stored.kind) return false;
  switch (stored.kind) {
    case 'TRUST':
      return validateTrust(ctx, stored.tx);
    case 'IDENTITY':
      return validateIdentity(ctx, stored.tx);
    case 'TITLE':
      return validateTitle(ctx, stored.tx);
    case 'EVENT':
      return validateEvent(ctx, stored.tx);
  }
}
