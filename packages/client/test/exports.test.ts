import { describe, expect, it } from 'vitest';
import * as client from '../src/index.js';

describe('public exports', () => {
  it('every documented runtime export exists', () => {
    expect(Object.keys(client).sort()).toEqual(
      [
        'BlockHistory',
        'CommitTimeoutError',
        'HttpError',
        'IdentityTakeoverError',
        'InMemoryNonceStore',
        'InvoiceLedger',
        'LedgerVerificationError',
        'NetworkError',
        'NoHealthyNodeError',
        'NonceManager',
        'NotFoundError',
        'PayloadTooLargeError',
        'PendingPoolView',
        'QuidfinClientError',
        'QuidnugClient',
        'RateLimitError',
        'ResponseValidationError',
        'SequenceManager',
        'TimeoutError',
        'TransactionLostError',
        'TransactionRejectedError',
        'UnknownFieldError',
        'appendEvent',
        'createQuidnugClient',
        'grantTrust',
        'hasNextPage',
        'invoiceOwners',
        'isAbortError',
        'isCommitted',
        'isHttpError',
        'isPending',
        'isQuidfinClientError',
        'locateTransaction',
        'nodeAuthHeaders',
        'normalizeBaseUrl',
        'ownersAfterFactoring',
        'paginate',
        'poolKey',
        'readInvoice',
        'readTitleHistory',
        'sendTransaction',
        'waitForCommit',
        // verified trust and validator-aware routing (issue 18)
        'InMemoryTrustStore',
        'VerifiedTrust',
        'ValidatorRouter',
        'ValidatorRoutingError',
        'listKnownNodes',
        'GuardianRejectedError',
        'KEY_INVALIDATED_EVENT',
        'beginRecovery',
        'completeRecovery',
        'freezeKey',
        'guardianApi',
        'setGuardians',
        'vetoRecovery',
        'readKeyEvents',
      ].sort(),
    );
  });

  it('every error class has a literal code and is a quidfin error', () => {
    const details = { status: 400, url: 'http://x/', method: 'GET' };
    const errors = [
      new client.HttpError('HTTP_ERROR', 'm', details),
      new client.TransactionRejectedError('trust', 'm', details),
      new client.NotFoundError('m', { ...details, routeMissing: true }),
      new client.RateLimitError('ip', 'm', details),
      new client.PayloadTooLargeError('m', details),
      new client.UnknownFieldError('m', details),
      new client.NetworkError('GET', 'http://x/'),
      new client.TimeoutError('GET', 'http://x/', 'attempt', 1),
      new client.ResponseValidationError('GET', 'http://x/', [], null),
      new client.CommitTimeoutError('tx', 1),
      new client.TransactionLostError('tx'),
      new client.NoHealthyNodeError(['http://x/']),
      new client.LedgerVerificationError('BAD_SIGNATURE', 'e', 'm'),
      new client.IdentityTakeoverError({
        quidId: 'q',
        forgedKeyQuid: 'f',
        updateNonce: 2,
        transactionId: 't',
      }),
      new client.GuardianRejectedError('guardian: recovery delay has not elapsed', 'm', details),
    ];
    expect(errors.map((e) => e.code)).toEqual([
      'HTTP_ERROR',
      'TRANSACTION_REJECTED',
      'NOT_FOUND',
      'RATE_LIMITED',
      'PAYLOAD_TOO_LARGE',
      'UNKNOWN_FIELD',
      'NETWORK_ERROR',
      'TIMEOUT',
      'RESPONSE_VALIDATION',
      'COMMIT_TIMEOUT',
      'TRANSACTION_LOST',
      'NO_HEALTHY_NODE',
      'LEDGER_VERIFICATION',
      'IDENTITY_TAKEOVER',
      'GUARDIAN_REJECTED',
    ]);
    expect(errors.every((e) => client.isQuidfinClientError(e))).toBe(true);
    expect(new Set(errors.map((e) => e.name)).size).toBe(errors.length);
  });
});
