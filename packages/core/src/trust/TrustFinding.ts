// What the SDK found wrong (or worth telling) about one TRUST transaction the node committed.

/**
 * Why a committed TRUST transaction was not counted, or what is unusual about one that was:
 *
 * | code | kind | meaning |
 * |---|---|---|
 * | `BAD_SIGNATURE` | forged | the signature does not verify over the node's signable bytes |
 * | `SIGNER_NOT_TRUSTER` | forged | signed by a key that is not the truster's (the node does not check this) |
 * | `SELF_ENDORSEMENT` | forged | signed by the trustee itself: a party vouching for itself in someone else's name |
 * | `TRUSTER_KEY_REVOKED` | forged | signed with a key of the truster that its key history says was frozen or superseded when the block committed it (a thief with a stolen key; the node accepts it) |
 * | `REPLAYED` | refused | nonce not above the last edge counted for the pair (an old edge seen again) |
 * | `NONCE_CONFLICT` | refused | two different edges for one pair with one nonce: the pair counts as no edge until a higher nonce |
 * | `UNVERIFIABLE` | refused | `validUntil` is an integer beyond 2^53 that JavaScript cannot hold exactly, and the signature does not verify over the digits it holds |
 * | `INVALID_EDGE` | refused | a field the node should have refused (level outside 0..1, nonce < 1, bad quid, expiry not after timestamp, `type` not TRUST) |
 * | `VALID_UNTIL_NANOSECONDS` | notice | counted, but `validUntil` is not in seconds: the node never expires it, the SDK expires it on the date it encodes |
 *
 * @example
 * ```ts
 * const code: TrustFindingCode = 'SELF_ENDORSEMENT';
 * ```
 */
export type TrustFindingCode =
  | 'BAD_SIGNATURE'
  | 'SIGNER_NOT_TRUSTER'
  | 'SELF_ENDORSEMENT'
  | 'TRUSTER_KEY_REVOKED'
  | 'REPLAYED'
  | 'NONCE_CONFLICT'
  | 'UNVERIFIABLE'
  | 'INVALID_EDGE'
  | 'VALID_UNTIL_NANOSECONDS';

/**
 * `forged`: someone other than the truster made the edge; `refused`: genuine or not, the edge may
 * not count; `notice`: counted, with a caveat.
 *
 * @example
 * ```ts
 * const kind: TrustFindingKind = trustFindingKind('BAD_SIGNATURE'); // 'forged'
 * ```
 */
export type TrustFindingKind = 'forged' | 'refused' | 'notice';

/**
 * Where a TRUST transaction was committed: the block (as the serving node lists it) and the
 * block's position in that node's `GET /blocks` list.
 *
 * @example
 * ```ts
 * const origin: TrustTxOrigin = { blockIndex: 12, blockHash: 'ab…', offset: 31, domain: 'factoring.supply-chain.us' };
 * ```
 */
export interface TrustTxOrigin {
  readonly blockIndex: number;
  readonly blockHash: string;
  /** Position of the block in the serving node's `GET /blocks` list. */
  readonly offset: number;
  readonly domain: string;
  /**
   * Unix seconds of the committing block: the time a key history judges the signing key at (the
   * transaction's own `timestamp` is its signer's choice, so a thief could backdate it).
   */
  readonly blockTimestamp?: number;
}

/**
 * One finding about one TRUST transaction, with enough to act on it (who, what, where).
 *
 * @example
 * ```ts
 * for (const f of graph.findings) if (f.kind === 'forged') alert(`${f.code}: ${f.message}`);
 * ```
 */
export interface TrustFinding {
  readonly code: TrustFindingCode;
  readonly kind: TrustFindingKind;
  readonly txId: string;
  /** The truster the transaction claims. */
  readonly truster: string;
  readonly trustee: string;
  readonly trustLevel: number;
  readonly nonce: number;
  /** Quid of the key that signed it (`''` when the key is not a valid P-256 point). */
  readonly signerQuid: string;
  readonly origin: TrustTxOrigin | undefined;
  readonly message: string;
}

/**
 * The kind of a finding code.
 *
 * @example
 * ```ts
 * trustFindingKind('REPLAYED'); // 'refused'
 * ```
 */
export function trustFindingKind(code: TrustFindingCode): TrustFindingKind {
  switch (code) {
    case 'BAD_SIGNATURE':
    case 'SIGNER_NOT_TRUSTER':
    case 'SELF_ENDORSEMENT':
    case 'TRUSTER_KEY_REVOKED':
      return 'forged';
    case 'VALID_UNTIL_NANOSECONDS':
      return 'notice';
    default:
      return 'refused';
  }
}
