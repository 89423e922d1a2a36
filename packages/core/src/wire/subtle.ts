import { CryptoUnavailableError } from '../errors/CryptoUnavailableError.js';

/** `crypto.subtle` when this runtime has it, else `undefined`. Internal. */
export function findSubtle(): SubtleCrypto | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle ?? undefined;
}

/** `crypto.subtle`, or a clear `CryptoUnavailableError` saying why it is missing. Internal. */
export function requireSubtle(): SubtleCrypto {
  const subtle = findSubtle();
  if (subtle) return subtle;
  const insecure = (globalThis as { isSecureContext?: boolean }).isSecureContext === false;
  throw new CryptoUnavailableError(
    insecure
      ? 'crypto.subtle is missing because this page is not a secure context: serve it over https (or localhost), or use signerFromPrivateKey'
      : 'crypto.subtle (WebCrypto) is not available in this runtime: use signerFromPrivateKey instead',
  );
}
