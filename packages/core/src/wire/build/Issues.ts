import { ValidationError, type ValidationIssue } from '../../errors/ValidationError.js';

/** Collects every problem of a builder input, then throws them together. Internal. */
export class Issues {
  readonly list: ValidationIssue[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Throws `ValidationError('INVALID_TRANSACTION')` listing every issue, if any. */
  throwIfAny(): void {
    if (this.list.length) throw new ValidationError('INVALID_TRANSACTION', this.list);
  }
}
