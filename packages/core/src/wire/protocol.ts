// Facts of the Quidnug protocol the node enforces (PROTOCOL.md §1, §6): written once here, used by
// core's builders and schemas, the devnode's validators and anyone checking input early.

/**
 * A quid ID: the first 8 bytes of SHA-256 of the public key as 16 lowercase hex chars (PROTOCOL §1,
 * the node's `IsValidQuidID`). Every field holding a quid ID must match it.
 *
 * @example
 * ```ts
 * QUID_ID_PATTERN.test('c31907f180e6e1e0'); // true
 * QUID_ID_PATTERN.test('C31907F180E6E1E0'); // false: the node wants lowercase
 * ```
 */
export const QUID_ID_PATTERN: RegExp = /^[a-f0-9]{16}$/;

/**
 * True when `value` is a string in the quid-ID shape ({@link QUID_ID_PATTERN}).
 *
 * @example
 * ```ts
 * const owner: unknown = 'c31907f180e6e1e0';
 * if (isQuidId(owner)) console.log(owner.toUpperCase());
 * ```
 */
export function isQuidId(value: unknown): value is string {
  return typeof value === 'string' && QUID_ID_PATTERN.test(value);
}

/**
 * A transaction ID: lowercase hex SHA-256 (64 chars), as the node derives it (PROTOCOL §3).
 *
 * @example
 * ```ts
 * TRANSACTION_ID_PATTERN.test('843141dddd253ce0171c6de3f9283c1f4761bc1289dbcf9d4b360b85ef26674c'); // true
 * ```
 */
export const TRANSACTION_ID_PATTERN: RegExp = /^[a-f0-9]{64}$/;

/**
 * IPFS CIDs the node accepts for `payloadCid`: v0 (`Qm…`, base58) or v1 in base32 (`b…`).
 *
 * @example
 * ```ts
 * CID_PATTERN.test('bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'); // true
 * ```
 */
export const CID_PATTERN: RegExp = /^(?:Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$/;

/**
 * Longest `name`, `assetId`, `titleType` and TITLE subject ID the node accepts, in UTF-8 bytes
 * (Go `MaxNameLength`).
 *
 * @example
 * ```ts
 * if (utf8Length(name) > MAX_NAME_BYTES) throw new Error('the node would refuse this name');
 * ```
 */
export const MAX_NAME_BYTES = 256;

/**
 * Longest `description` (IDENTITY, TRUST) the node accepts, in UTF-8 bytes (Go
 * `MaxDescriptionLength`); tab, newline and carriage return are the only control characters allowed.
 *
 * @example
 * ```ts
 * const fits = utf8Length('verified; 7 yr good payment history') <= MAX_DESCRIPTION_BYTES;
 * ```
 */
export const MAX_DESCRIPTION_BYTES = 4096;

/**
 * Longest trust domain (and IDENTITY `homeDomain`) the node accepts, in UTF-8 bytes (Go
 * `MaxDomainLength`, the DNS name limit). A domain must also be registered on the node before
 * transactions in it are accepted, and holds no control characters.
 *
 * @example
 * ```ts
 * const fits = utf8Length('factoring.supply-chain.us') <= MAX_DOMAIN_BYTES;
 * ```
 */
export const MAX_DOMAIN_BYTES = 253;

/**
 * Longest EVENT `eventType`, in UTF-8 bytes (Go `MaxEventTypeLength`); it must not be empty.
 *
 * @example
 * ```ts
 * const fits = utf8Length('invoice.issued') <= MAX_EVENT_TYPE_BYTES;
 * ```
 */
export const MAX_EVENT_TYPE_BYTES = 64;

/**
 * Largest inline EVENT payload: Go's `json.Marshal(payload)` must be at most this many bytes (Go
 * `MaxPayloadSize`, 64 KiB).
 *
 * @example
 * ```ts
 * const fits = utf8Length(encodeGoJson({ invoiceId: 'inv-1' })) <= MAX_PAYLOAD_BYTES;
 * ```
 */
export const MAX_PAYLOAD_BYTES: number = 64 * 1024;

/**
 * The node's default request body limit (`MAX_BODY_SIZE_BYTES`, 1 MiB); larger bodies get 413.
 *
 * @example
 * ```ts
 * const fits = new TextEncoder().encode(JSON.stringify({ name: 'x' })).length <= DEFAULT_MAX_BODY_BYTES;
 * ```
 */
export const DEFAULT_MAX_BODY_BYTES: number = 1024 * 1024;

/**
 * Smallest TRUST `nonce` the node accepts (it must be > 0 and above the last committed nonce for
 * the truster-trustee pair, PROTOCOL §6).
 *
 * @example
 * ```ts
 * const first = MIN_NONCE; // a first grant to a trustee uses nonce 1
 * ```
 */
export const MIN_NONCE = 1;

/**
 * Smallest EVENT `sequence` worth sending: the node rewrites `0` to the next sequence after the
 * signature was made, which breaks it (PROTOCOL §6, G6).
 *
 * @example
 * ```ts
 * const firstOfStream = MIN_SEQUENCE; // a new stream starts at sequence 1
 * ```
 */
export const MIN_SEQUENCE = 1;

/**
 * Largest int64 value (`timestamp`, `nonce`, `sequence`, `updateNonce`, …) that survives a trip
 * through a JS number exactly: 2^53 − 1. The node would take larger ones; JS cannot write them.
 *
 * @example
 * ```ts
 * const ok = Number.isSafeInteger(7) && 7 <= MAX_WIRE_INTEGER;
 * ```
 */
export const MAX_WIRE_INTEGER: number = Number.MAX_SAFE_INTEGER;

/**
 * Number of UTF-8 bytes of `text` as the node counts them (Go `len(s)`), without allocating. A lone
 * UTF-16 surrogate counts 3 bytes: Go's JSON decoder and `[]byte(string)` turn it into U+FFFD, as
 * `TextEncoder` does.
 *
 * @example
 * ```ts
 * utf8Length('€'); // 3
 * utf8Length('\ud800'); // 3, as U+FFFD
 * ```
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      // Only a high surrogate followed by a low one is a 4-byte pair; the next unit is not skipped otherwise.
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
