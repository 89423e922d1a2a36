import {
  type BuyerAcknowledgedPayload,
  type BuyerDisputedPayload,
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  type CarrierDeliveredPayload,
  type CarrierShippedPayload,
  type DisputeResolvedPayload,
  DOCUMENT_KEYS_ATTRIBUTE,
  documentKeyAttribute,
  type EventTx,
  type FactorPurchasedPayload,
  type FraudSignalPayload,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianSetUpdate,
  type IdentityTx,
  type InvoiceCreditedPayload,
  type InvoiceDocument,
  type InvoiceIssuedPayload,
  type InvoiceSentPayload,
  invoiceHash,
  type JsonObject,
  type NonceAnchor,
  type PaymentReceivedPayload,
  type PoMatchedPayload,
  type PoMismatchPayload,
  quidIdFromPublicKey,
  type Signer,
  type TitleTx,
  type TrustTx,
} from '@quidfin/core';
import { appendEvent } from '../actions/appendEvent.js';
import { grantTrust } from '../actions/grantTrust.js';
import { ClientInputError } from '../errors/ClientInputError.js';
import { IdentityTakeoverError } from '../errors/IdentityTakeoverError.js';
import { LedgerVerificationError } from '../errors/LedgerVerificationError.js';
import { BlockHistory } from '../history/BlockHistory.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { traceLedger } from '../telemetry/traceLedger.js';
import type { CallOptions } from '../transport/Transport.js';
import { VerifiedTrust } from '../trust/VerifiedTrust.js';
import type {
  TrustReadParams,
  UnverifiedTrustResult,
  VerifiedTrustReading,
  VerifiedTrustResult,
} from '../trust/VerifiedTrustResult.js';
import type { ValidatorRouter } from '../validators/ValidatorRouter.js';
import { checkLedgerOptions } from './checkLedgerOptions.js';
import {
  beginRecovery,
  completeRecovery,
  freezeKey,
  type GuardianLedgerContext,
  type SetGuardiansInput,
  setGuardians,
  vetoRecovery,
} from './guardianOperations.js';
import { invoiceOwners, ownersAfterFactoring } from './invoiceOwners.js';
import type { KeyEventSource } from './KeyEventSource.js';
import { type InvoiceView, type ReadInvoiceOptions, readInvoice } from './readInvoice.js';

/**
 * Roles a participant can register with.
 *
 * @example
 * ```ts
 * await ledger.registerParticipant(signer, { name: 'acme', role: 'supplier' satisfies ParticipantRole });
 * ```
 */
export type ParticipantRole =
  | 'supplier'
  | 'buyer'
  | 'carrier'
  | 'financier'
  | 'credit-bureau'
  | (string & {});

/**
 * Options of {@link InvoiceLedger}.
 *
 * @example
 * ```ts
 * const ledger = new InvoiceLedger(client, { trustDomain: 'factoring.supply-chain.us', commitTimeoutMs: 60_000 });
 * ```
 */
export interface InvoiceLedgerOptions {
  /** Domain every transaction goes to (registered with `ensureDomain` on first use). */
  readonly trustDomain: string;
  /** Deadline of each commit wait in ms (default: the client's). */
  readonly commitTimeoutMs?: number;
  /**
   * Verified trust behind {@link InvoiceLedger.trustIn} (default: a `VerifiedTrust` on this
   * client with an in-memory store). Pass your own to persist it or to sync from a chosen node.
   */
  readonly trust?: VerifiedTrust;
  /**
   * The node's committed history as the ledger reads it, shared by `getInvoice`'s chain-of-custody
   * check and (unless `trust` is given) verified trust: each read fetches only new blocks.
   * Default: one per ledger, in memory. Pass the same one to several ledgers on one client.
   */
  readonly blocks?: BlockHistory;
  /**
   * Validator-aware routing: when given, every write goes to the domain's validator and is
   * confirmed committed there, `getInvoice` reads from a node caught up with the validator, and
   * trust is synced from the validator. Without it, the client's own node choice applies.
   */
  readonly validators?: ValidatorRouter;
  /**
   * Key history of signers for `getInvoice`. Default: the verified key events in the ledger's
   * block history plus a pending guardian recovery, which is what `nodeKeyEvents(client)` reads
   * but without a scan of the blocks per signer. It shows freezes and pending recoveries but no
   * rotation; see `KeyEventSource`.
   */
  readonly keyEvents?: KeyEventSource;
}

/**
 * Input of {@link InvoiceLedger.issueInvoice}: the invoice.issued payload minus what the ledger fills in.
 *
 * @example
 * ```ts
 * const input: IssueInvoiceInput = { invoiceId: 'inv-1', invoiceNumber: 'A-1', buyerQuid, amountMinor: 5_000_000, currency: 'USD', dueAt, terms: 'NET-60', invoiceHash: documentHash };
 * ```
 */
export type IssueInvoiceInput = Omit<InvoiceIssuedPayload, 'supplierQuid' | 'issuedAt' | 'invoiceHash'> & {
  readonly issuedAt?: number;
  /** Hex SHA-256 of the canonical off-chain document; computed from `document` when omitted. */
  readonly invoiceHash?: string;
  /** The off-chain invoice document (validate it with core's `parseInvoiceDocument` first). */
  readonly document?: InvoiceDocument;
  /** Financiers that may later buy the invoice: they become small co-owners of the title. */
  readonly financierQuids?: readonly string[];
};

/**
 * Input of {@link InvoiceLedger.registerParticipant} (the signer is its first argument).
 *
 * @example
 * ```ts
 * const input: RegisterParticipantInput = { name: 'acme', role: 'supplier', description: 'Acme Widgets' };
 * await ledger.registerParticipant(supplier, input);
 * ```
 */
export interface RegisterParticipantInput {
  readonly name: string;
  readonly role: ParticipantRole;
  /** Ed25519 public key (32 bytes) for off-chain invoice documents. */
  readonly documentKey?: Uint8Array;
  readonly description?: string;
}

/**
 * Input of {@link InvoiceLedger.transferToFinancier} (the issuer and the invoice id come first).
 *
 * @example
 * ```ts
 * const input: TransferToFinancierInput = { financierQuid: financier.quidId, previousOwnerSigners: [supplier, buyer, financier] };
 * await ledger.transferToFinancier(financier, 'inv-1', input);
 * ```
 */
export interface TransferToFinancierInput {
  readonly financierQuid: string;
  /** Signers of every current owner (each co-signs the transfer, PROTOCOL §6.4). */
  readonly previousOwnerSigners?: readonly Signer[];
  /** Owners' signatures collected out of band (core's `draftTitleTransfer` + `signTitleAsOwner`), by quid. */
  readonly ownerSignatures?: Readonly<Record<string, string>>;
  /**
   * Unix seconds of the transfer. With `ownerSignatures`, pass the timestamp of the draft the
   * owners signed (`draftTitleTransfer`): the signed bytes include it.
   */
  readonly timestamp?: number;
}

/**
 * Input of {@link InvoiceLedger.reportFraud}: the fraud kind (the event type becomes
 * `fraud.signal.<kind>`) and the signal's payload minus what the ledger fills in.
 *
 * @example
 * ```ts
 * const input: ReportFraudInput = { kind: 'invoice-forged', evidence: 'no such shipment', severity: 'high' };
 * await ledger.reportFraud(reporter, 'inv-1', input);
 * ```
 */
export type ReportFraudInput = Timed<Omit<FraudSignalPayload, 'reporterQuid'>, 'reportedAt'> & {
  /** e.g. `invoice-forged`, `double-financing`. */
  readonly kind: string;
};

/** The deprecated call shape of `registerParticipant`: the signer inside the input. */
type LegacyRegisterInput = RegisterParticipantInput & { readonly signer: Signer };
/** The deprecated call shape of `transferToFinancier`: issuer and invoice id inside the input. */
type LegacyTransferInput = TransferToFinancierInput & { readonly invoiceId: string; readonly issuer: Signer };

/** True for the deprecated forms that put the signing party inside the first argument. */
function holds<K extends string>(value: unknown, key: K): value is Record<K, Signer> {
  return typeof value === 'object' && value !== null && key in value && !('quidId' in value);
}

function quidOf(publicKey: string): string | undefined {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return undefined;
  }
}

type Timed<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
const now = (): number => Math.floor(Date.now() / 1000);

/**
 * The whole invoice-financing use case in a few calls on top of {@link QuidnugClient}: each
 * method signs, submits, and waits until its transaction has committed, so the next call's
 * dependencies (identities before titles, titles before events, previous events before the
 * next sequence) are always in place.
 *
 * Every write has one shape. With one signer: the signer first, then the invoice id (for writes on
 * an invoice), then the input, then the call options, e.g. `acknowledge(buyer, invoiceId, input)`,
 * `transferToFinancier(issuer, invoiceId, input)`, `registerParticipant(signer, input)`. With
 * several parties (the guardian operations `setGuardians`, `freezeKey`, `beginRecovery`,
 * `vetoRecovery`, `completeRecovery`): one input object naming each signer.
 *
 * @example
 * ```ts
 * const ledger = new InvoiceLedger(client, { trustDomain: 'factoring.supply-chain.us' });
 * await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
 * await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
 * await ledger.issueInvoice(supplier, { invoiceId: 'inv-1', invoiceNumber: 'A-1', buyerQuid: buyer.quidId,
 *   amountMinor: 5_000_000, currency: 'USD', dueAt, terms: 'NET-60', invoiceHash: documentHash });
 * await ledger.acknowledge(buyer, 'inv-1', { acknowledgedAmountMinor: 5_000_000 });
 * const view = await ledger.getInvoice('inv-1'); // view.lifecycle.state === 'Acknowledged'
 * ```
 */
export class InvoiceLedger {
  readonly client: QuidnugClient;
  readonly trustDomain: string;
  readonly #commitTimeoutMs: number | undefined;
  #domainReady: Promise<unknown> | undefined;
  /** Identities and titles already seen committed (`<quid>` / `title:<assetId>`). */
  readonly #known = new Set<string>();
  /** Relational trust computed from TRUST transactions the SDK verified itself. */
  readonly trust: VerifiedTrust;
  /** The block history behind custody checks and (by default) verified trust. */
  readonly blocks: BlockHistory;
  readonly #validators: ValidatorRouter | undefined;
  readonly #read: ReadInvoiceOptions;

  /** Checks every option first and throws `ClientOptionsError` listing every problem. */
  constructor(client: QuidnugClient, options: InvoiceLedgerOptions) {
    checkLedgerOptions(options);
    this.client = client;
    this.trustDomain = options.trustDomain;
    this.#commitTimeoutMs = options.commitTimeoutMs;
    this.blocks = options.blocks ?? new BlockHistory(client);
    this.trust = options.trust ?? new VerifiedTrust(client, { history: this.blocks });
    this.#validators = options.validators;
    this.#read = { ...(options.keyEvents ? { keyEvents: options.keyEvents } : {}), blocks: this.blocks };
  }

  /** With validator routing, pins the call (and its commit waits) to the domain's validator. */
  async #route(o: CallOptions): Promise<CallOptions> {
    if (!this.#validators || o.node !== undefined) return o;
    return { ...o, node: await this.#validators.validatorNode(this.trustDomain, o) };
  }

  async #domain(o: CallOptions): Promise<void> {
    this.#domainReady ??= this.client.ensureDomain(this.trustDomain, o).catch((error: unknown) => {
      this.#domainReady = undefined;
      throw error;
    });
    await this.#domainReady;
  }

  async #commit(tx: Parameters<QuidnugClient['waitForCommit']>[0], o: CallOptions): Promise<void> {
    await this.client.waitForCommit(tx, {
      signal: o.signal,
      node: o.node,
      ...(this.#commitTimeoutMs !== undefined ? { timeoutMs: this.#commitTimeoutMs } : {}),
    });
  }

  /**
   * Waits until every quid has a committed IDENTITY (a TITLE naming an owner without one is
   * refused, PROTOCOL §6.4). Quids already seen are not asked again.
   */
  async #identitiesCommitted(quids: readonly string[], o: CallOptions): Promise<void> {
    const missing = quids.filter((q) => !this.#known.has(q));
    if (missing.length === 0) return;
    await this.#commit(async (call) => {
      for (const q of missing) {
        if (this.#known.has(q)) continue;
        if (!(await this.client.findIdentity(q, call))) return false;
        this.#known.add(q);
      }
      return true;
    }, o);
  }

  /** Waits until the invoice TITLE is committed (events on it are refused before, §6.5). */
  async #titleCommitted(invoiceId: string, o: CallOptions): Promise<void> {
    if (this.#known.has(`title:${invoiceId}`)) return;
    await this.#commit(async (call) => (await this.client.findTitle(invoiceId, call)) !== undefined, o);
    this.#known.add(`title:${invoiceId}`);
  }

  /**
   * Registers (or keeps) a participant: an IDENTITY with `attributes.role` and, when given, the
   * Ed25519 public key it signs invoice documents with, added to `attributes.documentKeys`
   * (core's `documentKeyAttribute`). Does nothing when the same key already holds an identity with
   * that role listing that document key; otherwise sends an update with the next `updateNonce`.
   */
  registerParticipant(
    signer: Signer,
    input: RegisterParticipantInput,
    options?: CallOptions,
  ): Promise<IdentityTx>;
  /**
   * @deprecated Pass the signer first: `registerParticipant(signer, { name, role }, options)`.
   * This form keeps working until the next major release.
   */
  registerParticipant(
    input: RegisterParticipantInput & { readonly signer: Signer },
    options?: CallOptions,
  ): Promise<IdentityTx>;
  async registerParticipant(
    first: Signer | LegacyRegisterInput,
    second?: RegisterParticipantInput | CallOptions,
    third?: CallOptions,
  ): Promise<IdentityTx> {
    const [signer, input, options] = holds(first, 'signer')
      ? [first.signer, first as LegacyRegisterInput, (second ?? {}) as CallOptions]
      : [first as Signer, second as RegisterParticipantInput, third ?? {}];
    return traceLedger('registerParticipant', {}, () => this.#register(signer, input, options));
  }

  async #register(
    signer: Signer,
    input: RegisterParticipantInput,
    options: CallOptions,
  ): Promise<IdentityTx> {
    const o = await this.#route(options);
    await this.#domain(o);
    const existing = await this.client.findIdentity(signer.quidId, o);
    if (existing && (existing.quidId !== signer.quidId || quidOf(existing.publicKey) !== existing.quidId)) {
      // Someone re-registered this quid with its own key: provably forged (the key does not derive
      // to the quid). Outbidding its updateNonce is not a fix (it may be 2^53-1); say so instead.
      throw new IdentityTakeoverError({
        quidId: signer.quidId,
        forgedKeyQuid: quidOf(existing.publicKey),
        updateNonce: existing.updateNonce,
        transactionId: existing.id,
      });
    }
    const listed = existing?.attributes?.[DOCUMENT_KEYS_ATTRIBUTE];
    const keys = Array.isArray(listed) ? listed.filter((k): k is string => typeof k === 'string') : [];
    const wanted = input.documentKey ? documentKeyAttribute(input.documentKey) : undefined;
    const hasKey = wanted === undefined || keys.includes(wanted);
    if (
      existing &&
      existing.publicKey === signer.publicKey &&
      existing.attributes?.['role'] === input.role &&
      hasKey
    ) {
      this.#known.add(existing.quidId);
      return existing;
    }
    const attributes: JsonObject = { role: input.role };
    const documentKeys = hasKey ? keys : [...keys, wanted as string];
    if (documentKeys.length > 0) attributes[DOCUMENT_KEYS_ATTRIBUTE] = documentKeys;
    const tx = await buildIdentity({
      signer: signer,
      trustDomain: this.trustDomain,
      name: input.name,
      updateNonce: (existing?.updateNonce ?? 0) + 1,
      attributes,
      homeDomain: this.trustDomain,
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    await this.client.submitIdentity(tx, o);
    await this.#commit(tx, o);
    this.#known.add(tx.quidId);
    return tx;
  }

  /**
   * Issues an invoice: a TITLE co-owned by the supplier (largest share), the buyer, the carrier
   * and the financiers, then `invoice.issued` on its stream once the title has committed.
   */
  issueInvoice(
    supplier: Signer,
    input: IssueInvoiceInput,
    options: CallOptions = {},
  ): Promise<{ title: TitleTx; issued: EventTx }> {
    const facts = { invoiceId: input.invoiceId, eventType: 'invoice.issued' };
    return traceLedger('issueInvoice', facts, () => this.#issue(supplier, input, options));
  }

  async #issue(
    supplier: Signer,
    input: IssueInvoiceInput,
    options: CallOptions,
  ): Promise<{ title: TitleTx; issued: EventTx }> {
    const o = await this.#route(options);
    await this.#domain(o);
    const { financierQuids, document, ...fields } = input;
    const hash = input.invoiceHash ?? (document ? invoiceHash(document) : undefined);
    if (hash === undefined)
      throw new ClientInputError('invoiceHash', 'issueInvoice: give invoiceHash or the document to hash');
    const parties = [
      supplier.quidId,
      input.buyerQuid,
      ...(input.carrierQuid ? [input.carrierQuid] : []),
      ...(financierQuids ?? []),
    ];
    await this.#identitiesCommitted(parties, o);
    const title = await buildTitle({
      signer: supplier,
      trustDomain: this.trustDomain,
      assetId: input.invoiceId,
      titleType: 'invoice',
      owners: invoiceOwners({
        supplierQuid: supplier.quidId,
        buyerQuid: input.buyerQuid,
        carrierQuid: input.carrierQuid,
        financierQuids,
      }),
    });
    await this.client.submitTitle(title, o);
    await this.#commit(title, o);
    this.#known.add(`title:${input.invoiceId}`);
    const payload = {
      ...fields,
      supplierQuid: supplier.quidId,
      issuedAt: input.issuedAt ?? now(),
      invoiceHash: hash,
    } as unknown as JsonObject;
    const issued = await this.#append(supplier, input.invoiceId, 'invoice.issued', payload, o);
    return { title, issued };
  }

  #event(
    signer: Signer,
    invoiceId: string,
    eventType: string,
    payload: JsonObject,
    options: CallOptions,
  ): Promise<EventTx> {
    const facts = { invoiceId, eventType };
    return traceLedger('appendEvent', facts, () =>
      this.#append(signer, invoiceId, eventType, payload, options),
    );
  }

  async #append(
    signer: Signer,
    invoiceId: string,
    eventType: string,
    payload: JsonObject,
    options: CallOptions,
  ): Promise<EventTx> {
    const o = await this.#route(options);
    await this.#identitiesCommitted([signer.quidId], o);
    await this.#titleCommitted(invoiceId, o);
    const { tx } = await appendEvent(
      this.client,
      {
        signer,
        trustDomain: this.trustDomain,
        subjectId: invoiceId,
        subjectType: 'TITLE',
        eventType,
        payload,
      },
      o,
    );
    await this.#commit(tx, o);
    return tx;
  }

  /** The carrier reports shipment (`carrier.shipped`). */
  attestShipment(
    carrier: Signer,
    invoiceId: string,
    input: Timed<Omit<CarrierShippedPayload, 'carrierQuid'>, 'shippedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { carrierQuid: carrier.quidId, ...input, shippedAt: input.shippedAt ?? now() };
    return this.#event(carrier, invoiceId, 'carrier.shipped', payload, o);
  }

  /** The shipping carrier confirms delivery (`carrier.delivered`). */
  attestDelivery(
    carrier: Signer,
    invoiceId: string,
    input: Timed<Omit<CarrierDeliveredPayload, 'carrierQuid'>, 'deliveredAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { carrierQuid: carrier.quidId, ...input, deliveredAt: input.deliveredAt ?? now() };
    return this.#event(carrier, invoiceId, 'carrier.delivered', payload, o);
  }

  /** The buyer acknowledges the amount it owes (`buyer.acknowledged`). */
  acknowledge(
    buyer: Signer,
    invoiceId: string,
    input: Timed<Omit<BuyerAcknowledgedPayload, 'buyerQuid'>, 'acknowledgedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { buyerQuid: buyer.quidId, ...input, acknowledgedAt: input.acknowledgedAt ?? now() };
    return this.#event(buyer, invoiceId, 'buyer.acknowledged', payload as unknown as JsonObject, o);
  }

  /** The buyer disputes part or all of the invoice (`buyer.disputed`). */
  dispute(
    buyer: Signer,
    invoiceId: string,
    input: Timed<Omit<BuyerDisputedPayload, 'buyerQuid'>, 'disputedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { buyerQuid: buyer.quidId, ...input, disputedAt: input.disputedAt ?? now() };
    return this.#event(buyer, invoiceId, 'buyer.disputed', payload, o);
  }

  /** The supplier or the buyer resolves a dispute (`dispute.resolved`). */
  resolveDispute(
    signer: Signer,
    invoiceId: string,
    input: Timed<DisputeResolvedPayload, 'resolvedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { ...input, resolvedAt: input.resolvedAt ?? now() };
    return this.#event(signer, invoiceId, 'dispute.resolved', payload as unknown as JsonObject, o);
  }

  /** The supplier issues a credit note (`invoice.credited`). */
  credit(
    supplier: Signer,
    invoiceId: string,
    input: Timed<InvoiceCreditedPayload, 'creditedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { ...input, creditedAt: input.creditedAt ?? now() };
    return this.#event(supplier, invoiceId, 'invoice.credited', payload as unknown as JsonObject, o);
  }

  /**
   * The supplier records that the invoice reached the buyer's channel (`invoice.sent`, state
   * `Sent`): the channel, and the SHA-256 of the file sent (e.g. the UBL XML) as `documentHash`.
   */
  recordSent(
    supplier: Signer,
    invoiceId: string,
    input: Timed<Omit<InvoiceSentPayload, 'supplierQuid'>, 'sentAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { supplierQuid: supplier.quidId, ...input, sentAt: input.sentAt ?? now() };
    return this.#event(supplier, invoiceId, 'invoice.sent', payload, o);
  }

  /**
   * The buyer approves the invoice against its purchase order (`po.matched`, state `PoMatched`).
   * Only the buyer's verdict counts: the read path refuses a `po.*` event signed by anyone else.
   */
  recordPoMatch(
    buyer: Signer,
    invoiceId: string,
    input: Timed<Omit<PoMatchedPayload, 'buyerQuid'>, 'matchedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { buyerQuid: buyer.quidId, ...input, matchedAt: input.matchedAt ?? now() };
    return this.#event(buyer, invoiceId, 'po.matched', payload as unknown as JsonObject, o);
  }

  /**
   * The buyer could not match the invoice to its purchase order (`po.mismatch`, with reason
   * codes per line); a later `recordPoMatch` supersedes it.
   */
  recordPoMismatch(
    buyer: Signer,
    invoiceId: string,
    input: Timed<Omit<PoMismatchPayload, 'buyerQuid'>, 'mismatchedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { buyerQuid: buyer.quidId, ...input, mismatchedAt: input.mismatchedAt ?? now() };
    return this.#event(buyer, invoiceId, 'po.mismatch', payload as unknown as JsonObject, o);
  }

  /** A financier records that it bought the invoice (`factor.purchased`). */
  recordFactorPurchase(
    financier: Signer,
    invoiceId: string,
    input: Timed<Omit<FactorPurchasedPayload, 'financierQuid'>, 'factoredAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { financierQuid: financier.quidId, ...input, factoredAt: input.factoredAt ?? now() };
    return this.#event(financier, invoiceId, 'factor.purchased', payload as unknown as JsonObject, o);
  }

  /**
   * Transfers the invoice title to the financier: the supplier's and the financier's shares swap.
   * Every current owner must co-sign (PROTOCOL §6.4): pass their signers, or signatures collected
   * out of band with core's `draftTitleTransfer` + `signTitleAsOwner`. Refuses with
   * `LedgerVerificationError` `TITLE_OVERWRITTEN` when the node's current title is a version the
   * chain of custody rejects (a takeover or replay), and whatever `getInvoice` throws.
   */
  transferToFinancier(
    issuer: Signer,
    invoiceId: string,
    input: TransferToFinancierInput,
    options?: CallOptions,
  ): Promise<TitleTx>;
  /**
   * @deprecated Pass the issuer and the invoice id first:
   * `transferToFinancier(issuer, invoiceId, { financierQuid, previousOwnerSigners }, options)`.
   * This form keeps working until the next major release.
   */
  transferToFinancier(
    input: TransferToFinancierInput & { readonly invoiceId: string; readonly issuer: Signer },
    options?: CallOptions,
  ): Promise<TitleTx>;
  async transferToFinancier(
    first: Signer | LegacyTransferInput,
    second?: string | CallOptions,
    third?: TransferToFinancierInput,
    fourth?: CallOptions,
  ): Promise<TitleTx> {
    if (holds(first, 'issuer')) {
      const legacy = first as LegacyTransferInput;
      return this.#transfer(legacy.issuer, legacy.invoiceId, legacy, (second ?? {}) as CallOptions);
    }
    return this.#transfer(first as Signer, second as string, third as TransferToFinancierInput, fourth ?? {});
  }

  #transfer(
    issuer: Signer,
    invoiceId: string,
    input: TransferToFinancierInput,
    options: CallOptions,
  ): Promise<TitleTx> {
    const run = () => this.#transferTitle(issuer, invoiceId, input, options);
    return traceLedger('transferToFinancier', { invoiceId }, run);
  }

  async #transferTitle(
    issuer: Signer,
    invoiceId: string,
    input: TransferToFinancierInput,
    options: CallOptions,
  ): Promise<TitleTx> {
    const o = await this.#route(options);
    await this.#identitiesCommitted([input.financierQuid], o);
    const current = await this.client.getTitle(invoiceId, o);
    // The node wants previousOwners equal to its current title; if that title is an overwrite the
    // chain of custody refuses, the owners would be co-signing on top of the intruder's version.
    const { title } = await readInvoice(this.client, invoiceId, o, this.#read);
    if (title.id !== current.id || title.signature !== current.signature) {
      throw new LedgerVerificationError(
        'TITLE_OVERWRITTEN',
        current.id,
        `the node's current title of ${invoiceId} is not the last version its chain of custody accepts (${title.id}): refusing to transfer on top of it`,
      );
    }
    const tx = await buildTitleTransfer({
      signer: issuer,
      current,
      owners: ownersAfterFactoring(current.owners ?? [], input.financierQuid),
      ...(input.previousOwnerSigners ? { previousOwnerSigners: input.previousOwnerSigners } : {}),
      ...(input.ownerSignatures ? { ownerSignatures: input.ownerSignatures } : {}),
      ...(input.timestamp !== undefined ? { timestamp: input.timestamp } : {}),
    });
    await this.client.submitTitle(tx, o);
    await this.#commit(tx, o);
    return tx;
  }

  /** The supplier or the purchasing financier records a payment (`payment.received`). */
  recordPayment(
    signer: Signer,
    invoiceId: string,
    input: Timed<PaymentReceivedPayload, 'receivedAt'>,
    o: CallOptions = {},
  ): Promise<EventTx> {
    const payload = { ...input, receivedAt: input.receivedAt ?? now() };
    return this.#event(signer, invoiceId, 'payment.received', payload as unknown as JsonObject, o);
  }

  /**
   * Any co-owner reports fraud (`fraud.signal.<kind>`, e.g. `invoice-forged`, `double-financing`).
   * Throws `ClientInputError` (`INVALID_INPUT`, path `kind`) when `kind` is not a non-empty string.
   */
  reportFraud(
    reporter: Signer,
    invoiceId: string,
    input: ReportFraudInput,
    options?: CallOptions,
  ): Promise<EventTx>;
  /**
   * @deprecated Put the kind into the input:
   * `reportFraud(reporter, invoiceId, { kind, evidence, severity }, options)`.
   * This form keeps working until the next major release.
   */
  reportFraud(
    reporter: Signer,
    invoiceId: string,
    kind: string,
    input: Timed<Omit<FraudSignalPayload, 'reporterQuid'>, 'reportedAt'>,
    options?: CallOptions,
  ): Promise<EventTx>;
  reportFraud(
    reporter: Signer,
    invoiceId: string,
    third: ReportFraudInput | string,
    fourth?: Timed<Omit<FraudSignalPayload, 'reporterQuid'>, 'reportedAt'> | CallOptions,
    fifth?: CallOptions,
  ): Promise<EventTx> {
    const [kind, fields, o] =
      typeof third === 'string'
        ? [third, fourth as Timed<Omit<FraudSignalPayload, 'reporterQuid'>, 'reportedAt'>, fifth ?? {}]
        : (() => {
            const { kind: k, ...rest } = third;
            return [k, rest, (fourth ?? {}) as CallOptions] as const;
          })();
    if (typeof kind !== 'string' || kind === '') {
      return Promise.reject(
        new ClientInputError(
          'kind',
          `reportFraud: must be a non-empty string (e.g. 'invoice-forged'), got ${JSON.stringify(kind)}`,
        ),
      );
    }
    const payload = { reporterQuid: reporter.quidId, ...fields, reportedAt: fields.reportedAt ?? now() };
    return this.#event(reporter, invoiceId, `fraud.signal.${kind}`, payload, o);
  }

  /** Publishes a TRUST edge (nonce from the client's nonce store), optionally expiring (`validUntil`, Unix seconds). */
  publishTrust(
    signer: Signer,
    input: { trustee: string; trustLevel: number; validUntil?: number; description?: string },
    options: CallOptions = {},
  ): Promise<TrustTx> {
    return traceLedger('publishTrust', {}, async () => {
      const o = await this.#route(options);
      await this.#domain(o);
      const { tx } = await grantTrust(this.client, { signer, trustDomain: this.trustDomain, ...input }, o);
      await this.#commit(tx, o);
      return tx;
    });
  }

  /**
   * Reads an invoice: its title, its stream with every signature verified and every signer
   * checked against the role entitled to sign, and its lifecycle state. Refuses forged data.
   */
  getInvoice(invoiceId: string, o: CallOptions = {}): Promise<InvoiceView> {
    return traceLedger('getInvoice', { invoiceId }, async () => {
      const read =
        this.#validators && o.node === undefined
          ? await this.#validators.readOptions(this.trustDomain, {}, o)
          : o;
      return readInvoice(this.client, invoiceId, read, this.#read);
    });
  }

  /**
   * Relational trust of `observer` in `target`, verified: computed by the SDK from TRUST
   * transactions it checked itself (synced from the node's blocks first). Forged edges do not
   * count and are listed in `findings`. This is the reading to decide on.
   */
  trustIn(
    observer: string,
    target: string,
    params: TrustReadParams = {},
    o: CallOptions = {},
  ): Promise<VerifiedTrustResult> {
    return this.#route(o).then((r) => this.trust.trustIn(observer, target, params, r));
  }

  /** {@link InvoiceLedger.trustIn} as a `TrustReading` for `@quidfin/factoring`. */
  trustReading(
    observer: string,
    target: string,
    params: TrustReadParams = {},
    o: CallOptions = {},
  ): Promise<VerifiedTrustReading> {
    return this.#route(o).then((r) => this.trust.trustReading(observer, target, params, r));
  }

  /** The node's own trust answer, labelled `verified: false` (it counts edges signed by any key). */
  nodeTrust(observer: string, target: string, o: CallOptions = {}): Promise<UnverifiedTrustResult> {
    return this.trust.nodeTrust(observer, target, { domain: this.trustDomain }, o);
  }

  // ---- key recovery (logic in ./guardianOperations.ts) ------------------------------------

  #guardianContext(): GuardianLedgerContext {
    return { client: this.client, trustDomain: this.trustDomain, commit: (t, o) => this.#commit(t, o) };
  }

  /** Installs or replaces the subject's guardian set (see `setGuardians`). */
  setGuardians(input: SetGuardiansInput, o: CallOptions = {}): Promise<GuardianSetUpdate> {
    return setGuardians(this.#guardianContext(), input, o);
  }

  /** The owner freezes its own key epoch (see `freezeKey`). */
  freezeKey(
    input: { signer: Signer; fromEpoch?: number; maxAcceptedOldNonce?: number },
    o: CallOptions = {},
  ): Promise<{ anchor: NonceAnchor; event: EventTx }> {
    return freezeKey(this.#guardianContext(), input, o);
  }

  /** Guardians open a time-locked recovery to a new key (see `beginRecovery`). */
  beginRecovery(
    input: Parameters<typeof beginRecovery>[1],
    o: CallOptions = {},
  ): Promise<{ init: GuardianRecoveryInit; recoveryAnchorHash: string; maturityUnix: number }> {
    return beginRecovery(this.#guardianContext(), input, o);
  }

  /** The owner (or a guardian threshold) cancels the pending recovery (see `vetoRecovery`). */
  vetoRecovery(
    input: Parameters<typeof vetoRecovery>[1],
    o: CallOptions = {},
  ): Promise<GuardianRecoveryVeto> {
    return vetoRecovery(this.#guardianContext(), input, o);
  }

  /** Commits the matured recovery and re-registers the new key (see `completeRecovery`). */
  completeRecovery(
    input: Parameters<typeof completeRecovery>[1],
    o: CallOptions = {},
  ): Promise<{ commit: GuardianRecoveryCommit; identity?: IdentityTx }> {
    return completeRecovery(this.#guardianContext(), input, o);
  }
}
