// Turns any failure into a sentence for the person at the keyboard, plus the technical detail
// (kept out of sight in a collapsed box) for whoever debugs it.
import { isClientError } from '@quidfin/client';
import { FormError } from './FormError.js';

/** What the page shows for a failure. */
export interface ErrorText {
  readonly text: string;
  /** The original message (may contain schema paths or node wording); `''` when `text` says it all. */
  readonly detail: string;
}

/** `nodeLabel` names the node in connection errors. */
export function describeError(error: unknown, nodeLabel: string): ErrorText {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof FormError) return { text: error.message, detail: '' };
  if (error instanceof Error && error.message === 'wrong passphrase') {
    return { text: 'That passphrase does not unlock the saved key.', detail: '' };
  }
  if (isClientError(error)) {
    switch (error.code) {
      case 'NETWORK_ERROR':
        return {
          text: `Cannot reach the node at ${nodeLabel}. Is it running, and does its EXPLORER_CORS_ORIGINS list this page's origin (${location.origin})?`,
          detail,
        };
      case 'RATE_LIMITED':
        return { text: 'The node is busy (rate limit). Try again in a minute.', detail };
      case 'COMMIT_TIMEOUT':
        return {
          text: 'The node accepted the transaction but has not committed it yet. Try again shortly.',
          detail,
        };
      case 'TRANSACTION_REJECTED':
        return {
          text: 'The node refused the transaction. The invoice may already exist on the ledger.',
          detail,
        };
      case 'LEDGER_VERIFICATION':
        return { text: 'What the node returned did not verify, so it is not shown.', detail };
      default:
        return { text: 'The node could not complete the request.', detail };
    }
  }
  return { text: 'Something went wrong.', detail };
}
