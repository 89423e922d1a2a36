// Plain TypeScript shapes of the four Quidnug transactions, exactly as they travel on the wire.
// Field order in these interfaces mirrors the node's Go struct order (see serializer), which is
// the order of the signable bytes.

/**
 * Any JSON value that survives a round-trip through the node's Go decoder.
 *
 * @example
 * ```ts
 * const v: JsonValue = { amountMinor: 5000000, tags: ['a', 'b'], paid: false, note: null };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/**
 * A JSON object (Go `map[string]any`): payloads and attributes.
 *
 * @example
 * ```ts
 * const payload: JsonObject = { invoiceId: 'inv-1', amountMinor: 5000000, currency: 'USD' };
 * ```
 */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The four transaction types the node accepts on its v1 routes.
 *
 * @example
 * ```ts
 * const t: TxType = tx.type; // 'TRUST' | 'IDENTITY' | 'TITLE' | 'EVENT'
 * ```
 */
export type TxType = 'TRUST' | 'IDENTITY' | 'TITLE' | 'EVENT';

/**
 * Fields shared by every transaction; always serialized first, in this order, never omitted.
 *
 * @example
 * ```ts
 * const { id, type, trustDomain, timestamp, signature, publicKey }: BaseTx = tx;
 * ```
 */
export interface BaseTx {
  id: string;
  type: TxType;
  trustDomain: string;
  /** Unix seconds. */
  timestamp: number;
  /** 128 lowercase hex chars: raw r||s. `''` while unsigned. */
  signature: string;
  /** 130 lowercase hex chars: uncompressed SEC1 P-256 point. */
  publicKey: string;
}

/**
 * A TRUST edge from `truster` to `trustee`.
 *
 * @example
 * ```ts
 * const edge: TrustTx = await buildTrust({ signer, trustDomain: 'd', trustee: 'c31907f180e6e1e0', trustLevel: 0.9, nonce: 1 });
 * ```
 */
export interface TrustTx extends BaseTx {
  type: 'TRUST';
  truster: string;
  trustee: string;
  /** 0 to 1 inclusive; 0 is a revocation edge. */
  trustLevel: number;
  /** Must beat the last committed nonce for (truster, trustee). */
  nonce: number;
  description?: string;
  /** Unix seconds; omitted (or 0) for no expiry. */
  validUntil?: number;
}

/**
 * Registers or updates a quid's identity.
 *
 * @example
 * ```ts
 * const me: IdentityTx = await buildIdentity({ signer, trustDomain: 'd', name: 'Acme Ltd', updateNonce: 1 });
 * ```
 */
export interface IdentityTx extends BaseTx {
  type: 'IDENTITY';
  quidId: string;
  name: string;
  description?: string;
  attributes?: JsonObject;
  creator: string;
  updateNonce: number;
  homeDomain?: string;
}

/**
 * One owner's share of a title.
 *
 * @example
 * ```ts
 * const stake: OwnershipStake = { ownerId: 'c31907f180e6e1e0', percentage: 0.96, stakeType: 'supplier' };
 * ```
 */
export interface OwnershipStake {
  ownerId: string;
  /** Shares of a title sum to 1.0 (or 100.0) within 1e-6. */
  percentage: number;
  stakeType?: string;
}

/**
 * A title (asset ownership record); a transfer when `previousOwners` is set.
 *
 * @example
 * ```ts
 * const title: TitleTx = await buildTitle({ signer, trustDomain: 'd', assetId: 'inv-1', owners: [{ ownerId: signer.quidId, percentage: 1 }] });
 * ```
 */
export interface TitleTx extends BaseTx {
  type: 'TITLE';
  assetId: string;
  owners: OwnershipStake[] | null;
  previousOwners?: OwnershipStake[];
  /** Previous owners' co-signatures keyed by owner quid; `{}` on a new title. */
  signatures: Record<string, string> | null;
  /** Unix seconds; never enforced by the node. */
  expiryDate?: number;
  titleType?: string;
}

/**
 * The subject kinds an event stream can belong to.
 *
 * @example
 * ```ts
 * const subjectType: SubjectType = 'TITLE'; // an invoice's event stream
 * ```
 */
export type SubjectType = 'QUID' | 'TITLE';

/**
 * An event appended to the stream of a quid or a title.
 *
 * @example
 * ```ts
 * const ev: EventTx = await buildEvent({ signer, trustDomain: 'd', subjectId: 'inv-1', subjectType: 'TITLE', sequence: 1, eventType: 'invoice.issued', payload: { amountMinor: 100 } });
 * ```
 */
export interface EventTx extends BaseTx {
  type: 'EVENT';
  subjectId: string;
  subjectType: SubjectType;
  sequence: number;
  eventType: string;
  payload?: JsonObject;
  payloadCid?: string;
  previousEventId?: string;
}

/**
 * Any transaction the node accepts on its v1 routes.
 *
 * @example
 * ```ts
 * function kind(tx: QuidnugTx): string { return tx.type === 'EVENT' ? tx.eventType : tx.type; }
 * ```
 */
export type QuidnugTx = TrustTx | IdentityTx | TitleTx | EventTx;

/**
 * Something that can sign Quidnug transactions: an in-memory key, a non-extractable WebCrypto
 * key, an HSM or a KMS.
 *
 * @example
 * ```ts
 * const signer: Signer = signerFromPrivateKey(privateKeyHex);
 * const sig = await signer.sign(signableBytes(tx));
 * ```
 */
export interface Signer {
  /** Uncompressed SEC1 public key, 130 lowercase hex chars. */
  readonly publicKey: string;
  /** `quidIdFromPublicKey(publicKey)`. */
  readonly quidId: string;
  /**
   * ECDSA P-256 over SHA-256 of `message` (the signer hashes). Returns raw r||s as 128 lowercase
   * hex chars.
   */
  sign(message: Uint8Array): Promise<string>;
}
