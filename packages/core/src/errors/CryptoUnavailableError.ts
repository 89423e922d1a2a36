// WebCrypto is missing: the runtime is old or the page is not a secure context.
import { QuidfinError } from './QuidfinError.js';

/**
 * WebCrypto (`crypto.subtle`) is not available: old runtime, or a browser page that is not a
 * secure context (https or localhost). Use the in-memory `@noble/curves` signer instead, or serve
 * the page over https.
 *
 * @example
 * ```ts
 * try { await generateWebCryptoSigner(); }
 * catch (e) { if (isCoreError(e) && e.code === 'CRYPTO_UNAVAILABLE') useNobleSigner(); }
 * ```
 */
export class CryptoUnavailableError extends QuidfinError<'CRYPTO_UNAVAILABLE'> {
  override readonly name: string = 'CryptoUnavailableError';

  constructor(message: string, options?: ErrorOptions) {
    super('CRYPTO_UNAVAILABLE', message, options);
  }
}
