import { describe, expect, it } from 'vitest';
import {
  buildEvent,
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  buildTrust,
} from '../../src/wire/index.js';
import { signerFromPrivateKey } from '../../src/wire/signerFromPrivateKey.js';
import type { QuidnugTx, TitleTx } from '../../src/wire/types.js';
import { keys, type VectorCase, vectorCases } from './vectorCases.js';

// Differential check: rebuilding each vector through the safe builders gives the exact signed
// transaction the vector pins down (same bytes, same id, same RFC 6979 signature).

async function rebuild(c: VectorCase): Promise<QuidnugTx> {
  const signer = signerFromPrivateKey(c.key.private_scalar_hex);
  const tx = c.input;
  const base = { signer, trustDomain: tx.trustDomain, timestamp: tx.timestamp };
  switch (tx.type) {
    case 'TRUST':
      return buildTrust({
        ...base,
        trustee: tx.trustee,
        trustLevel: tx.trustLevel,
        nonce: tx.nonce,
        ...(tx.description === undefined ? {} : { description: tx.description }),
        ...(tx.validUntil === undefined ? {} : { validUntil: tx.validUntil }),
      });
    case 'IDENTITY':
      return buildIdentity({
        ...base,
        name: tx.name,
        updateNonce: tx.updateNonce,
        ...(tx.description === undefined ? {} : { description: tx.description }),
        ...(tx.attributes === undefined ? {} : { attributes: tx.attributes }),
        ...(tx.homeDomain === undefined ? {} : { homeDomain: tx.homeDomain }),
      });
    case 'TITLE': {
      const opt = {
        ...(tx.titleType === undefined ? {} : { titleType: tx.titleType }),
        ...(tx.expiryDate === undefined ? {} : { expiryDate: tx.expiryDate }),
      };
      if (!tx.previousOwners)
        return buildTitle({ ...base, assetId: tx.assetId, owners: tx.owners ?? [], ...opt });
      const current: TitleTx = { ...tx, owners: tx.previousOwners, signatures: {} };
      delete current.previousOwners;
      const ownerSigners = Object.values(keys)
        .filter((k) => tx.previousOwners?.some((o) => o.ownerId === k.quid_id))
        .map((k) => signerFromPrivateKey(k.private_scalar_hex));
      return buildTitleTransfer({
        ...base,
        current,
        owners: tx.owners ?? [],
        previousOwnerSigners: ownerSigners,
        ...opt,
      });
    }
    case 'EVENT':
      return buildEvent({
        ...base,
        subjectId: tx.subjectId,
        subjectType: tx.subjectType,
        sequence: tx.sequence,
        eventType: tx.eventType,
        ...(tx.payload === undefined ? {} : { payload: tx.payload }),
        ...(tx.payloadCid === undefined ? {} : { payloadCid: tx.payloadCid }),
        ...(tx.previousEventId === undefined ? {} : { previousEventId: tx.previousEventId }),
      });
  }
}

describe('builders reproduce the vectors', () => {
  it.each(vectorCases().map((c) => [`${c.file} ${c.name}`, c] as const))('%s', async (_, c) => {
    const built = await rebuild(c);
    expect(built).toEqual(c.input);
  });
});
