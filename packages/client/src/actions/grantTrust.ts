import { buildTrust, type Signer, type TrustTx } from '@quidfin/core';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { SubmitResult } from '../schemas/types.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * Input of {@link grantTrust}: a TRUST to sign; the nonce comes from the client's nonce store.
 *
 * @example
 * ```ts
 * const input: GrantTrustInput = { signer: bureau, trustDomain, trustee: supplierQuid, trustLevel: 0.85, validUntil: 1_800_000_000 };
 * ```
 */
export interface GrantTrustInput {
  readonly signer: Signer;
  readonly trustDomain: string;
  readonly trustee: string;
  /** 0..1; 0 revokes. */
  readonly trustLevel: number;
  readonly description?: string;
  /** Unix seconds; the edge stops counting after it. */
  readonly validUntil?: number;
}

/**
 * Signs and sends a TRUST with the next nonce from the client's `NonceManager` (above the last
 * nonce for the pair and the last one of the truster in the domain).
 *
 * @example
 * ```ts
 * const { tx } = await grantTrust(client, { signer: bureau, trustDomain, trustee: supplierQuid, trustLevel: 0.85 });
 * await client.waitForCommit(tx);
 * ```
 */
export async function grantTrust(
  client: QuidnugClient,
  input: GrantTrustInput,
  o: CallOptions = {},
): Promise<SubmitResult & { tx: TrustTx }> {
  const nonce = await client.nonces.next({
    truster: input.signer.quidId,
    trustee: input.trustee,
    trustDomain: input.trustDomain,
  });
  const tx = await buildTrust({ ...input, nonce });
  return { ...(await client.submitTrust(tx, o)), tx };
}
