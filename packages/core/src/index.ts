// @quidfin/core: the Quidnug wire model (Go-exact bytes, keys, builders), money, signed invoice
// documents, invoice events and lifecycle, trust and guardian reads. Layers, lowest first:
// errors → wire → validation → money → document → invoice → guardian → trust; nothing imports upward.
//
// Intentionally not exported (internal, free to change): the builders' field rules (wire/build/
// checks.ts, Issues), the zod schemas behind the parse functions (wire/parse/schemas.ts,
// invoice/payloadSchemas.ts, document/invoiceDocumentSchema.ts, document/zodIssues.ts), the Go
// encoders' pieces (goNumber, goString, encodeGoJsonValue, encodeTransaction, path), hex and base64url
// helpers, decimalMath, privateKey and subtle, and describeValue. Protocol facts are public, in
// wire/protocol.ts.
export * from './document/index.js';
export { type CoreError, type CoreValidationCode, isCoreError } from './errors/CoreError.js';
export { isQuidfinError, QuidfinError } from './errors/QuidfinError.js';
export { isSdkError, SdkError } from './errors/SdkError.js';
export { ValidationError, type ValidationIssue } from './errors/ValidationError.js';
export * from './guardian/index.js';
export * from './invoice/index.js';
export * from './money/index.js';
export * from './trust/index.js';
export { OptionsChecker, type Presence } from './validation/OptionsChecker.js';
export * from './wire/index.js';
