// Barrel of the wire layer: keys, Go-exact serialization, signing, verification, builders.
export { CryptoUnavailableError } from '../errors/CryptoUnavailableError.js';
export { EncodingError } from '../errors/EncodingError.js';
export { SignatureError, type SignatureErrorCode } from '../errors/SignatureError.js';

export { type BuildEventInput, buildEvent } from './build/buildEvent.js';
export { type BuildIdentityInput, buildIdentity } from './build/buildIdentity.js';
export { type BuildTitleInput, buildTitle } from './build/buildTitle.js';
export {
  type BuildTitleTransferInput,
  buildTitleTransfer,
  type DraftTitleTransferInput,
  draftTitleTransfer,
} from './build/buildTitleTransfer.js';
export { type BuildTrustInput, buildTrust } from './build/buildTrust.js';
export type { BuilderBase } from './build/common.js';
export { type EncodeGoJsonOptions, encodeGoJson } from './encodeGoJson.js';
export { generatePrivateKey } from './generatePrivateKey.js';
export { generateSigner } from './generateSigner.js';
export type { LoneSurrogateMode } from './goString.js';
export { MAX_JSON_NESTING } from './maxJsonNesting.js';
export { ownerSignableBytes } from './ownerSignableBytes.js';
export {
  parseEventTx,
  parseIdentityTx,
  parseTitleTx,
  parseTransaction,
  parseTrustTx,
} from './parse/parseTransaction.js';
export {
  CID_PATTERN,
  DEFAULT_MAX_BODY_BYTES,
  isQuidId,
  MAX_DESCRIPTION_BYTES,
  MAX_DOMAIN_BYTES,
  MAX_EVENT_TYPE_BYTES,
  MAX_NAME_BYTES,
  MAX_PAYLOAD_BYTES,
  MAX_WIRE_INTEGER,
  MIN_NONCE,
  MIN_SEQUENCE,
  QUID_ID_PATTERN,
  TRANSACTION_ID_PATTERN,
  utf8Length,
} from './protocol.js';
export { publicKeyFromPrivateKey } from './publicKeyFromPrivateKey.js';
export { quidIdFromPublicKey } from './quidIdFromPublicKey.js';
export { signableBytes, signableJson, type WireEncodeOptions } from './signableBytes.js';
export { signerFromPrivateKey } from './signerFromPrivateKey.js';
export { signTitleAsOwner } from './signTitleAsOwner.js';
export { signTransaction } from './signTransaction.js';
export { toWireJson } from './toWireJson.js';
export { transactionId } from './transactionId.js';
export type {
  BaseTx,
  EventTx,
  IdentityTx,
  JsonObject,
  JsonValue,
  OwnershipStake,
  QuidnugTx,
  Signer,
  SubjectType,
  TitleTx,
  TrustTx,
  TxType,
} from './types.js';
export { verifyOwnerSignature } from './verifyOwnerSignature.js';
export { verifySignature } from './verifySignature.js';
export { verifySignatureAsync } from './verifySignatureAsync.js';
export { verifyTransaction } from './verifyTransaction.js';
export { verifyTransactionAsync } from './verifyTransactionAsync.js';
export { createWebCryptoSigner, generateWebCryptoSigner } from './webCryptoSigner.js';
