import {
  authorizedSignerRoles,
  checkEventSigner,
  deriveInvoiceLifecycle,
  deriveInvoiceParties,
  type EventTx,
  type InvoiceLifecycle,
  type QuidnugTx,
  quidIdFromPublicKey,
  type TitleTx,
  type VerifiedInvoiceEvent,
  verifyTransactionAsync,
} from '@quidfin/core';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';
import { LedgerVerificationError } from './LedgerVerificationError.js';

/**
 * An event the ledger did not count: genuine on the node, but not from the party entitled to it.
 *
 * @example
 * ```ts
 * for (const r of view.rejected) console.warn(r.event.eventType, r.code, r.message);
 * ```
 */
export interface RejectedInvoiceEvent {
  readonly event: VerifiedInvoiceEvent;
  readonly code: string;
  readonly message: string;
}

/**
 * An invoice as the ledger reads it: title, verified stream and lifecycle.
 *
 * @example
 * ```ts
 * const view: InvoiceView = await ledger.getInvoice('inv-1');
 * console.log(view.lifecycle.state, view.events.length, view.title.owners);
 * ```
 */
export interface InvoiceView {
  readonly invoiceId: string;
  /** The committed TITLE (its signature verified). */
  readonly title: TitleTx;
  /** Every event whose signature verified and whose signer is entitled to it, in commit order. */
  readonly events: readonly VerifiedInvoiceEvent[];
  /** Genuine events refused because the signer's role does not allow them. */
  readonly rejected: readonly RejectedInvoiceEvent[];
  /** Lifecycle state and facts from `deriveInvoiceLifecycle`. */
  readonly lifecycle: InvoiceLifecycle;
  /** Role each signer registered in its IDENTITY (`attributes.role`). */
  readonly roles: Readonly<Record<string, string>>;
}

async function verified(tx: QuidnugTx): Promise<boolean> {
  try {
    return await verifyTransactionAsync(tx);
  } catch {
    return false;
  }
}

/**
 * Reads an invoice and checks everything the node returned before using it: the title's and every
 * event's signature, that each event is on this invoice's stream, that its key is the signer's
 * registered key and that the signer is a co-owner; then drops events whose signer's role may not
 * sign them (checked with core's `checkEventSigner`) and derives the lifecycle.
 * Anything forged or altered throws `LedgerVerificationError`.
 *
 * @example
 * ```ts
 * const view = await readInvoice(client, 'inv-1');
 * console.log(view.lifecycle.state, view.events.length);
 * ```
 */
export async function readInvoice(
  client: QuidnugClient,
  invoiceId: string,
  o: CallOptions = {},
): Promise<InvoiceView> {
  const title = await client.getTitle(invoiceId, o);
  if (title.assetId !== invoiceId || !(await verified(title))) {
    throw new LedgerVerificationError('BAD_TITLE', title.id, `title of ${invoiceId} does not verify`);
  }
  const owners = [...(title.owners ?? []), ...(title.previousOwners ?? [])];
  const ownerIds = new Set(owners.map((x) => x.ownerId));
  // Checked against the stream metadata: a node withholding an event throws, never reads as an earlier state.
  const raw: readonly EventTx[] = (await client.readStream(invoiceId, o)).events;

  const keys = new Map<string, { publicKey: string; role: string }>();
  const identity = async (quid: string): Promise<{ publicKey: string; role: string } | undefined> => {
    if (!keys.has(quid)) {
      const id = await client.findIdentity(quid, o);
      if (!id) return undefined;
      const role = id.attributes?.['role'];
      keys.set(quid, { publicKey: id.publicKey, role: typeof role === 'string' ? role : '' });
    }
    return keys.get(quid);
  };

  const events: VerifiedInvoiceEvent[] = [];
  for (const e of raw) {
    if (e.subjectId !== invoiceId || e.subjectType !== 'TITLE') {
      throw new LedgerVerificationError(
        'WRONG_SUBJECT',
        e.id,
        `event belongs to ${e.subjectType} ${e.subjectId}`,
      );
    }
    if (!(await verified(e))) {
      throw new LedgerVerificationError(
        'BAD_SIGNATURE',
        e.id,
        `signature of ${e.eventType} #${e.sequence} does not verify`,
      );
    }
    const signerQuid = quidIdFromPublicKey(e.publicKey);
    const registered = ownerIds.has(signerQuid) ? await identity(signerQuid) : undefined;
    if (!registered) {
      throw new LedgerVerificationError(
        'UNKNOWN_SIGNER',
        e.id,
        `signer ${signerQuid} is not a registered co-owner`,
      );
    }
    if (registered.publicKey !== e.publicKey) {
      throw new LedgerVerificationError(
        'KEY_MISMATCH',
        e.id,
        `signer ${signerQuid} signed with a key it never registered`,
      );
    }
    events.push({
      id: e.id,
      eventType: e.eventType,
      payload: e.payload,
      signerQuid,
      sequence: e.sequence,
      timestamp: e.timestamp,
    });
  }

  const titleOwners = (title.owners ?? []).map((x) => ({
    ownerId: x.ownerId,
    ...(x.stakeType ? { stakeType: x.stakeType } : {}),
  }));
  const parties = deriveInvoiceParties(events, titleOwners);
  const accepted: VerifiedInvoiceEvent[] = [];
  const rejected: RejectedInvoiceEvent[] = [];
  for (const event of events) {
    const role = keys.get(event.signerQuid)?.role ?? '';
    const allowed = authorizedSignerRoles(event.eventType) as readonly string[];
    if (!allowed.includes(role)) {
      rejected.push({
        event,
        code: 'ROLE_NOT_ENTITLED',
        message: `${event.eventType} may not be signed by a ${role || 'party without a role'}`,
      });
      continue;
    }
    const check = parties ? checkEventSigner(event, parties) : undefined;
    if (check && !check.ok) {
      rejected.push({ event, code: check.code, message: check.message });
      continue;
    }
    accepted.push(event);
  }
  const lifecycle = deriveInvoiceLifecycle(accepted, { invoiceId, titleOwners });
  const roles = Object.fromEntries([...keys].map(([quid, k]) => [quid, k.role]));
  return { invoiceId, title, events: accepted, rejected, lifecycle, roles };
}
