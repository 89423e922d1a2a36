// Chain of custody of an invoice TITLE: which committed versions the owners really agreed to.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../wire/hex.js';
import { ownerSignableBytes } from '../wire/ownerSignableBytes.js';
import { quidIdFromPublicKey } from '../wire/quidIdFromPublicKey.js';
import { transactionId } from '../wire/transactionId.js';
import type { OwnershipStake, TitleTx } from '../wire/types.js';
import { verifyOwnerSignature } from '../wire/verifyOwnerSignature.js';
import { verifyTransaction } from '../wire/verifyTransaction.js';

/**
 * Why a TITLE version is not part of the chain of custody:
 *
 * | code | the version |
 * |---|---|
 * | `BAD_TITLE_SIGNATURE` | has an issuer signature that does not verify |
 * | `WRONG_ASSET` | is for another asset |
 * | `FIRST_ISSUER_NOT_SUPPLIER` | would be the first valid one, but is not issued by its owner with stakeType "supplier" |
 * | `TITLE_OVERWRITE` | follows a valid version without `previousOwners` (the node lets anyone overwrite, or replay an old title) |
 * | `TITLE_REPLAYED` | is a transfer the chain already accepted, resubmitted (the node has no replay check): the same bytes its previous owners co-signed, whatever its issuer signature |
 * | `PREVIOUS_OWNERS_MISMATCH` | names `previousOwners` other than the owners of the last valid version |
 * | `OWNER_SIGNATURE_MISSING` | lacks a previous owner's co-signature |
 * | `OWNER_KEY_UNKNOWN` | has a co-signature from an owner whose key (deriving to its quid) is not known |
 * | `BAD_OWNER_SIGNATURE` | has a co-signature that does not verify with the key deriving to the owner's quid |
 * | `ISSUER_KEY_INVALID` | was issued with a key the `keyRefusal` option refuses at its commit time (frozen, superseded) |
 * | `CO_SIGNER_KEY_INVALID` | was co-signed with a key the `keyRefusal` option refuses at its commit time |
 *
 * @example
 * ```ts
 * const code: TitleCustodyCode = 'TITLE_OVERWRITE';
 * ```
 */
export type TitleCustodyCode =
  | 'BAD_TITLE_SIGNATURE'
  | 'WRONG_ASSET'
  | 'FIRST_ISSUER_NOT_SUPPLIER'
  | 'TITLE_OVERWRITE'
  | 'TITLE_REPLAYED'
  | 'PREVIOUS_OWNERS_MISMATCH'
  | 'OWNER_SIGNATURE_MISSING'
  | 'OWNER_KEY_UNKNOWN'
  | 'BAD_OWNER_SIGNATURE'
  | 'ISSUER_KEY_INVALID'
  | 'CO_SIGNER_KEY_INVALID';

/**
 * A TITLE version refused by {@link checkTitleCustody}.
 *
 * @example
 * ```ts
 * const v: TitleCustodyViolation = {
 *   titleId: 'ab…', version: 2, issuerQuid: '1f2e3d4c5b6a7980', code: 'TITLE_OVERWRITE', message: 'no previousOwners',
 * };
 * ```
 */
export interface TitleCustodyViolation {
  /** Transaction id of the refused version. */
  readonly titleId: string;
  /** Position of the version in the history given (0 = first). */
  readonly version: number;
  /** Quid of the key that issued the version. */
  readonly issuerQuid: string | undefined;
  readonly code: TitleCustodyCode;
  readonly message: string;
}

/**
 * Result of {@link checkTitleCustody}.
 *
 * @example
 * ```ts
 * const c: TitleCustody = checkTitleCustody(versions, keyOf);
 * if (c.current) console.log(c.current.owners, c.supplierQuid, c.violations.length);
 * ```
 */
export interface TitleCustody {
  /** The last version the chain of custody accepts (undefined when none is valid). */
  readonly current: TitleTx | undefined;
  /** The invoice's supplier: the issuer of the first valid version. */
  readonly supplierQuid: string | undefined;
  /** Versions accepted, in order. */
  readonly accepted: readonly TitleTx[];
  readonly violations: readonly TitleCustodyViolation[];
  /** False when the history given may not start at the first version (see the options). */
  readonly complete: boolean;
}

/**
 * Options of {@link checkTitleCustody}.
 *
 * @example
 * ```ts
 * checkTitleCustody([currentOnly], keyOf, { complete: false } satisfies TitleCustodyOptions);
 * ```
 */
export interface TitleCustodyOptions {
  /**
   * True (default) when `versions` is the whole committed history of the asset. False when it may
   * start later (only the current version could be read): the first version given is then checked
   * on its own (a transfer's co-signatures must still verify, but its `previousOwners` cannot be
   * compared with anything) and `complete` stays false so callers can flag what is unproven.
   */
  readonly complete?: boolean;
  /**
   * The quid a version's issuer key speaks for (default: the quid the key derives to). A reader
   * with a verified key history passes one that also maps a quid's recovered key to that quid;
   * undefined refuses the version (`BAD_TITLE_SIGNATURE`).
   */
  readonly issuerOf?: (tx: TitleTx) => string | undefined;
  /**
   * Why `publicKey` could not speak for `quid` when `tx` was committed (its owner froze it, a
   * recovery replaced it, the commit time is unknown for a key that changed), or undefined when it
   * could. Asked for the issuer's key and each previous owner's co-signing key of every version; a
   * refusal refuses the version (`ISSUER_KEY_INVALID`, `CO_SIGNER_KEY_INVALID`). The node keeps
   * accepting a frozen key's signatures, so a reader with a verified key history must pass this:
   * without it a thief holding a frozen key can still move the title.
   */
  readonly keyRefusal?: (quid: string, publicKey: string, tx: TitleTx) => string | undefined;
}

type Refusal = readonly [TitleCustodyCode, string];

function quidOf(publicKey: string): string | undefined {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return undefined;
  }
}

function sameStakes(a: readonly OwnershipStake[], b: readonly OwnershipStake[]): boolean {
  if (a.length !== b.length) return false;
  const shares = new Map(b.map((s) => [s.ownerId, s.percentage]));
  return a.every((s) => shares.get(s.ownerId) === s.percentage);
}

/**
 * What identifies one signed transfer: the digest of the bytes its previous owners co-sign (every
 * field but the issuer's key and signature and the co-signatures). Not the id, which leaves out
 * previousOwners (PROTOCOL §3), nor a signature, which another issuer or a re-signing can change
 * while the co-signatures stay valid. An empty id is derived first, as the node does.
 */
function consentDigest(tx: TitleTx): string | undefined {
  try {
    const view = tx.id === '' ? { ...tx, id: transactionId(tx, { loneSurrogates: 'replace' }) } : tx;
    return bytesToHex(sha256(ownerSignableBytes(view, { loneSurrogates: 'replace' })));
  } catch {
    return undefined;
  }
}

const supplierOf = (stakes: readonly OwnershipStake[] | null | undefined): string | undefined =>
  stakes?.find((s) => s.stakeType === 'supplier')?.ownerId;

/** Why the previous owners' co-signatures of `tx` do not hold, or undefined when they all do. */
function coSignatureProblem(
  tx: TitleTx,
  keyOf: (quid: string) => string | undefined,
  keyRefusal: TitleCustodyOptions['keyRefusal'],
): Refusal | undefined {
  for (const owner of tx.previousOwners ?? []) {
    if (typeof tx.signatures?.[owner.ownerId] !== 'string') {
      return ['OWNER_SIGNATURE_MISSING', `previous owner ${owner.ownerId} did not co-sign`];
    }
    const key = keyOf(owner.ownerId);
    // Only a key that derives to the owner's quid speaks for it; the node would take any key
    // registered under the quid, and anyone can register one.
    if (key === undefined || quidOf(key) !== owner.ownerId) {
      return ['OWNER_KEY_UNKNOWN', `no key deriving to previous owner ${owner.ownerId} is known`];
    }
    if (!verifyOwnerSignature(tx, owner.ownerId, key)) {
      return [
        'BAD_OWNER_SIGNATURE',
        `co-signature of previous owner ${owner.ownerId} does not verify with the key deriving to its quid`,
      ];
    }
    const refused = keyRefusal?.(owner.ownerId, key, tx);
    if (refused !== undefined) {
      return [
        'CO_SIGNER_KEY_INVALID',
        `previous owner ${owner.ownerId} co-signed with a key it could not use: ${refused}`,
      ];
    }
  }
  return undefined;
}

/**
 * Checks the chain of custody of an invoice TITLE, version by version in commit order. The node
 * keeps only the latest version and accepts a TITLE without `previousOwners` from any key as a
 * plain overwrite (PROTOCOL §6.4, G11), and it verifies co-signatures with whatever key is
 * registered under an owner's quid (which anyone can replace, §6.3). So here:
 *
 * - the first valid version must be issued by its own owner with stakeType "supplier" (that
 *   issuer is the invoice's supplier);
 * - every later version must name the owners of the last valid version as `previousOwners` (same
 *   quids and shares) and carry each one's co-signature, verified with the key that derives to
 *   that owner's quid (`keyOf` supplies it; anything else it returns is ignored);
 * - a transfer already accepted is not accepted again (`TITLE_REPLAYED`): the node has no replay
 *   check, and after a buyback an old transfer's previousOwners match the owners again;
 * - a version that fails is a violation and changes nothing: custody stays with the last valid
 *   version.
 *
 * Pure and synchronous. Issuer signatures are verified too, so a tampered history is caught.
 *
 * @example
 * ```ts
 * const custody = checkTitleCustody(titleVersions, (quid) => genuineKeys.get(quid));
 * for (const v of custody.violations) console.warn(v.version, v.code, v.message);
 * const owners = custody.current?.owners ?? [];
 * ```
 */
export function checkTitleCustody(
  versions: readonly TitleTx[],
  keyOf: (quid: string) => string | undefined,
  options: TitleCustodyOptions = {},
): TitleCustody {
  const complete = options.complete ?? true;
  const assetId = versions[0]?.assetId;
  const accepted: TitleTx[] = [];
  const violations: TitleCustodyViolation[] = [];
  let current: TitleTx | undefined;
  let supplierQuid: string | undefined;
  /** Consent digests of the accepted versions. */
  const consents = new Set<string>();
  /** Why version `version` is refused, or undefined (then it becomes the current one). */
  const judge = (
    tx: TitleTx,
    version: number,
    issuerQuid: string | undefined,
    digest: string | undefined,
  ): Refusal | undefined => {
    if (tx.assetId !== assetId) return ['WRONG_ASSET', `version is for asset ${tx.assetId}`];
    if (issuerQuid === undefined || !verifyTransaction(tx)) {
      return ['BAD_TITLE_SIGNATURE', 'issuer signature does not verify'];
    }
    const refused = options.keyRefusal?.(issuerQuid, tx.publicKey, tx);
    if (refused !== undefined)
      return ['ISSUER_KEY_INVALID', `issued with a key ${issuerQuid} could not use: ${refused}`];
    const previous = tx.previousOwners ?? [];
    if (current === undefined && version === 0 && !complete && previous.length > 0) {
      // Partial history starting at a transfer: its co-signatures are all that can be checked.
      const problem = coSignatureProblem(tx, keyOf, options.keyRefusal);
      if (!problem) supplierQuid = supplierOf(previous) ?? supplierOf(tx.owners);
      return problem;
    }
    if (current === undefined) {
      // The first valid version (an invalid one before it confers nothing): issued by the
      // supplier it names.
      const supplier = supplierOf(tx.owners);
      if (supplier === undefined || supplier !== issuerQuid) {
        return [
          'FIRST_ISSUER_NOT_SUPPLIER',
          `first version issued by ${issuerQuid}, not by its supplier owner ${supplier ?? '(none)'}`,
        ];
      }
      supplierQuid = issuerQuid;
      return undefined;
    }
    if (previous.length === 0) {
      return [
        'TITLE_OVERWRITE',
        `version issued by ${issuerQuid} replaces the owners without the previous owners' co-signatures`,
      ];
    }
    // After a buyback an old transfer's previousOwners match again and its co-signatures still
    // verify: only remembering what was accepted tells the replay from a new transfer.
    if (digest !== undefined && consents.has(digest)) {
      return ['TITLE_REPLAYED', 'repeats a transfer the chain of custody already accepted'];
    }
    if (!sameStakes(previous, current.owners ?? [])) {
      return ['PREVIOUS_OWNERS_MISMATCH', 'previousOwners are not the owners of the last valid version'];
    }
    return coSignatureProblem(tx, keyOf, options.keyRefusal);
  };
  for (const [version, tx] of versions.entries()) {
    const issuerQuid = options.issuerOf ? options.issuerOf(tx) : quidOf(tx.publicKey);
    const digest = consentDigest(tx);
    const refusal = judge(tx, version, issuerQuid, digest);
    if (refusal) {
      violations.push({ titleId: tx.id, version, issuerQuid, code: refusal[0], message: refusal[1] });
      continue;
    }
    current = tx;
    accepted.push(tx);
    if (digest !== undefined) consents.add(digest);
  }
  return { current, supplierQuid, accepted, violations, complete };
}
