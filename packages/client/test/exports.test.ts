import { describe, expect, it } from 'vitest';
import * as client from '../src/index.js';

describe('public exports', () => {
  it('every documented runtime export exists', () => {
    expect(Object.keys(client).sort()).toEqual(
      [
        'CommitTimeoutError',
        'CrossCheckError',
        'HttpError',
        'InMemoryNonceStore',
        'InvoiceLedger',
        'LedgerVerificationError',
        'NetworkError',
        'NoHealthyNodeError',
        'NonceManager',
        'NotFoundError',
        'PaginationError',
        'PayloadTooLargeError',
        'PendingPoolView',
        'QuidfinClientError',
        'QuidnugClient',
        'RateLimitError',
        'ResponseTooLargeError',
        'ResponseValidationError',
        'SequenceManager',
        'StreamIntegrityError',
        'TimeoutError',
        'TransactionLostError',
        'TransactionOutcomeUnknownError',
        'TransactionRejectedError',
        'UnknownFieldError',
        'appendEvent',
        'canonicalSignature',
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
        'readStream',
        'sendTransaction',
        'waitForCommit',
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
      new client.ResponseTooLargeError('GET', 'http://x/', 1, 2),
      new client.TransactionOutcomeUnknownError('tx'),
      new client.PaginationError('OFFSET_MISMATCH', 0, 1, 'm'),
      new client.StreamIntegrityError('MISSING_EVENTS', 's', 'm'),
      new client.CrossCheckError('w', ['http://a/', 'http://b/'], 'm'),
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
      'RESPONSE_TOO_LARGE',
      'OUTCOME_UNKNOWN',
      'PAGINATION',
      'STREAM_INTEGRITY',
      'CROSS_CHECK_MISMATCH',
    ]);
    expect(errors.every((e) => client.isQuidfinClientError(e))).toBe(true);
    expect(new Set(errors.map((e) => e.name)).size).toBe(errors.length);
  });
});
