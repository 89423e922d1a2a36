// An input problem the supplier can fix, worded for the supplier (no schema paths).

/** Thrown while reading the invoice form; `field` is the id of the input to focus. */
export class FormError extends Error {
  override readonly name = 'FormError';
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}
