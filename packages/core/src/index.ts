export * from './document/index.js';
export { isSdkError, SdkError } from './errors/SdkError.js';
export { ValidationError, type ValidationIssue } from './errors/ValidationError.js';
export * from './guardian/index.js';
export * from './invoice/index.js';
export * from './money/index.js';
export * from './trust/index.js';
export * from './wire/index.js';
