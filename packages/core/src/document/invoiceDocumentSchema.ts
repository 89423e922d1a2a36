// Internal zod/mini schema of the off-chain invoice document, built lazily on first use.
import * as z from 'zod/mini';
import { type CurrencyCode, isCurrencyCode } from '../money/currencies.js';
import { isValidIban } from '../money/iban.js';
import { QUID_ID_PATTERN } from '../wire/protocol.js';

/** Integer minor units as a canonical decimal string (no sign, no leading zeros), at most 30 digits. */
export const MINOR_STRING: RegExp = /^(0|[1-9]\d{0,29})$/;
/** Non-negative plain decimal, at most 30 digits before and 18 after the point. */
export const DECIMAL_STRING: RegExp = /^(0|[1-9]\d{0,29})(\.\d{1,18})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function build() {
  const text = (max: number) =>
    z
      .string()
      .check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));
  const minor = () =>
    z
      .string('must be a decimal string of minor units')
      .check(
        z.regex(
          MINOR_STRING,
          'must be integer minor units as a decimal string without sign or leading zeros, e.g. "1050"',
        ),
      );
  const decimal = () =>
    z
      .string('must be a decimal string')
      .check(z.regex(DECIMAL_STRING, 'must be a non-negative plain decimal string such as "1.25"'));
  const date = () =>
    z.string('must be a date string').check(z.refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD'));
  const party = () =>
    z.strictObject({
      quid: z.string().check(z.regex(QUID_ID_PATTERN, 'must be a quid id: 16 lowercase hex characters')),
      name: text(256),
      taxId: z.optional(text(64)),
      address: z.optional(text(1024)),
      iban: z.optional(
        z.string().check(z.refine(isValidIban, 'must be a valid IBAN in electronic format (mod-97)')),
      ),
    });
  return z.strictObject({
    invoiceNumber: text(128),
    issueDate: date(),
    dueDate: date(),
    currency: z.custom<CurrencyCode>((v) => isCurrencyCode(v), {
      error: 'must be a known ISO 4217 currency code',
    }),
    supplier: party(),
    buyer: party(),
    lineItems: z
      .array(
        z.strictObject({
          description: text(1024),
          quantity: decimal(),
          unitPriceMinor: decimal(),
          taxRateBps: z
            .int('must be integer basis points')
            .check(z.minimum(0, 'must not be negative'), z.maximum(10_000, 'must be at most 10000')),
          amountMinor: minor(),
        }),
      )
      .check(
        z.minLength(1, 'must have at least one line'),
        z.maxLength(10_000, 'must have at most 10000 lines'),
      ),
    subtotalMinor: minor(),
    taxMinor: minor(),
    totalMinor: minor(),
    paymentReference: z.optional(text(140)),
    poReference: z.optional(text(128)),
    notes: z.optional(text(4096)),
  });
}

let cache: ReturnType<typeof build> | undefined;

/** The lazily built document schema (internal); callers cast its output to `InvoiceDocument`. */
export function invoiceDocumentSchema(): z.ZodMiniType<unknown> {
  cache ??= build();
  return cache;
}
