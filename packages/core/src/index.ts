export { type CoreError, type CoreValidationCode, isCoreError } from './errors/CoreError.js';
export { isQuidfinError, QuidfinError } from './errors/QuidfinError.js';
export { isSdkError, SdkError } from './errors/SdkError.js';
export { ValidationError, type ValidationIssue } from './errors/ValidationError.js';
export * from './guardian/index.js';
export * from './invoice/index.js';
export * from './trust/index.js';
export { OptionsChecker, type Presence } from './validation/OptionsChecker.js';
export * from './wire/index.js';
