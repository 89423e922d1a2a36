// Reads MT940/MT942 line by line, emitting each :61: as soon as its :86: is complete and checking
// every message's balances (opening + entries = closing) when it ends.
import { StatementParseError } from '../errors/StatementParseError.js';
import { TWO_DIGITS } from './digitStrings.js';
import { formatMinor, integrityIssue } from './IntegrityOptions.js';
import type { Mt940Options } from './Mt940Options.js';
import { type Mt940Balance, mt940Balance } from './mt940Balance.js';
import { mt940StatementLine } from './mt940StatementLine.js';
import type { StatementSink } from './StatementSink.js';

interface Field {
  readonly tag: string;
  value: string;
  readonly line: number;
}

const KNOWN = new Set('20 21 25 28 28C 60F 60M 61 62F 62M 64 65 86 13 13D 34F 90D 90C 940 942'.split(' '));

/**
 * Where a field tag line's tag ends (the index of its second ':'), or -1: what
 * `/^:(\d{2}[A-Z]?):/` says, read by character (this runs for every line).
 */
function fieldTagEnd(line: string): number {
  if (line.charCodeAt(0) !== 58) return -1;
  const d1 = line.charCodeAt(1);
  const d2 = line.charCodeAt(2);
  if (d1 < 48 || d1 > 57 || d2 < 48 || d2 > 57) return -1;
  const c3 = line.charCodeAt(3);
  if (c3 === 58) return 3;
  return c3 >= 65 && c3 <= 90 && line.charCodeAt(4) === 58 ? 4 : -1;
}

/**
 * Incremental MT940 reader: feed it lines with {@link Mt940Reader.line}, then call
 * {@link Mt940Reader.end}. A message ends at a line that is exactly `-` (SWIFT's end of text
 * block; trailing blanks ignored), at `-}` / `}`, or at a new `:20:`; a `:86:` continuation line
 * that merely starts with `-` is text.
 *
 * @example
 * ```ts
 * const sink = collectingSink();
 * const r = new Mt940Reader({}, sink);
 * text.split('\n').forEach((l, i) => r.line(l, i + 1));
 * r.end();
 * ```
 */
export class Mt940Reader {
  private readonly options: Mt940Options;
  private readonly sink: StatementSink;
  private field: Field | undefined;
  private msg = this.fresh();
  private messages = 0;

  constructor(options: Mt940Options, sink: StatementSink) {
    this.options = options;
    this.sink = sink;
  }

  private fresh() {
    return {
      started: false,
      reference: undefined as string | undefined,
      statementNo: undefined as string | undefined,
      account: undefined as string | undefined,
      opening: undefined as Mt940Balance | undefined,
      closing: undefined as Mt940Balance | undefined,
      pending: undefined as Field | undefined,
      count: 0,
      net: 0n,
      // Entries not yet added to `net`: a number while it stays exact, so no bigint per line.
      unsummed: 0,
      hasEntries: false,
      lastLine: 0,
      // The statement id and currency as last worked out: every line of a message shares them,
      // so they are made once, and again only when a field they come from is read.
      id: undefined as string | undefined,
      ccy: undefined as string | undefined,
      ccyKnown: false,
    };
  }

  /** Feeds one physical line (without its line break). */
  line(raw: string, lineNo: number): void {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('{')) {
      // SWIFT envelope: {1:...}{2:...}{4: then fields; "-}" closes it.
      const idx = line.indexOf('{4:');
      if (idx < 0) return;
      line = line.slice(idx + 3);
      if (line === '') return;
    }
    const trimmed = line.trimEnd();
    if (trimmed === '-' || trimmed.startsWith('-}') || trimmed === '}') {
      this.endMessage();
      return;
    }
    const tagEnd = fieldTagEnd(line);
    if (tagEnd > 0) {
      // Two-digit tags (:61:, :86:, ...) from a table of shared strings, not cut out per line.
      const tag =
        tagEnd === 3
          ? (TWO_DIGITS[(line.charCodeAt(1) - 48) * 10 + line.charCodeAt(2) - 48] as string)
          : line.slice(1, tagEnd);
      this.complete();
      if (tag === '20' && this.msg.reference !== undefined) this.endMessage();
      this.field = { tag, value: line.slice(tagEnd + 1), line: lineNo };
      return;
    }
    if (line.trim() === '') return;
    if (this.field === undefined) {
      this.sink.warnings.push({
        code: 'PREAMBLE_LINE',
        message: `text before the first field: "${line.slice(0, 40)}"`,
        location: { path: '', line: lineNo },
      });
      return;
    }
    this.field.value += `\n${line}`;
  }

  /** Ends the input: finishes the last message. Throws if there was no MT940 at all. */
  end(): void {
    this.endMessage();
    if (this.messages === 0) {
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'mt940',
        { path: '', line: 1 },
        'no MT940 fields (":20:") found',
      );
    }
  }

  /**
   * `:20:` reference and `:28C:` number, then `@` and the opening balance's date: many banks send
   * every day's statement as `:20:STARTUMS` / `:28C:00000`, and ids that repeat from day to day
   * made two days' lines one transaction (refused as already processed, or a second payment
   * posted under the first one's payment id).
   */
  private get statementId(): string {
    const msg = this.msg;
    if (msg.id !== undefined) return msg.id;
    const ref = msg.reference || `MT940-${this.messages + 1}`;
    const numbered = msg.statementNo ? `${ref}/${msg.statementNo}` : ref;
    msg.id = msg.opening === undefined ? numbered : `${numbered}@${msg.opening.date}`;
    return msg.id;
  }

  private currency(): string | undefined {
    const msg = this.msg;
    if (msg.ccyKnown) return msg.ccy;
    msg.ccy =
      msg.opening?.currency ??
      (msg.account === undefined ? undefined : /([A-Z]{3})$/.exec(msg.account)?.[1]) ??
      this.options.defaultCurrency;
    msg.ccyKnown = true;
    return msg.ccy;
  }

  /** The field being read is complete: act on it. */
  private complete(): void {
    const f = this.field;
    this.field = undefined;
    if (f === undefined) return;
    const msg = this.msg;
    msg.lastLine = f.line;
    if (f.tag === '86' && msg.pending !== undefined) {
      this.flushLine(f);
      return;
    }
    this.flushLine(undefined);
    if (f.tag === '20' || f.tag === '61') msg.started = true;
    switch (f.tag) {
      case '20':
        msg.reference = f.value.trim();
        msg.id = undefined;
        break;
      case '28':
      case '28C':
        msg.statementNo = f.value.trim();
        msg.id = undefined;
        break;
      case '25':
        msg.account = f.value.trim();
        msg.ccyKnown = false;
        break;
      case '60F':
      case '60M':
        if (msg.opening === undefined) msg.opening = mt940Balance(f.tag, f.value, f.line);
        msg.ccyKnown = false;
        break;
      case '62F':
      case '62M':
        msg.closing = mt940Balance(f.tag, f.value, f.line);
        break;
      case '64':
      case '65':
        mt940Balance(f.tag, f.value, f.line);
        break;
      case '61':
        msg.pending = f;
        break;
      default:
        if (!KNOWN.has(f.tag)) {
          this.sink.warnings.push({
            code: 'UNKNOWN_FIELD',
            message: `unknown field :${f.tag}:`,
            location: { path: `:${f.tag}:`, line: f.line },
          });
        }
    }
  }

  private flushLine(info: Field | undefined): void {
    const msg = this.msg;
    const f = msg.pending;
    if (f === undefined) return;
    msg.pending = undefined;
    const tx = mt940StatementLine(
      f,
      info,
      {
        id: `${this.statementId}:${msg.count + 1}`,
        statementId: this.statementId,
        account: msg.account,
        currency: this.currency(),
      },
      this.sink.warnings,
    );
    msg.count++;
    msg.hasEntries = true;
    const signed = tx.direction === 'credit' ? tx.amountMinor : -tx.amountMinor;
    if (Math.abs(msg.unsummed) > Number.MAX_SAFE_INTEGER - tx.amountMinor) {
      msg.net += BigInt(msg.unsummed);
      msg.unsummed = 0;
    }
    msg.unsummed += signed;
    this.sink.transaction(tx);
  }

  private endMessage(): void {
    this.complete();
    this.flushLine(undefined);
    const msg = this.msg;
    if (msg.started) {
      this.checkBalances();
      const currency = this.currency();
      this.sink.statement({
        id: this.statementId,
        format: 'mt940',
        ...(msg.account === undefined ? {} : { accountId: msg.account }),
        ...(currency === undefined ? {} : { currency }),
      });
      this.messages++;
    }
    this.msg = this.fresh();
  }

  /** Opening + entries = closing, in one currency, with both balances present (SWIFT makes both mandatory). */
  private checkBalances(): void {
    const { opening, closing, lastLine } = this.msg;
    const net = this.msg.net + BigInt(this.msg.unsummed);
    const issue = (check: string, where: { path: string; line: number }, message: string): void =>
      integrityIssue(
        this.options.integrity,
        this.sink.warnings,
        'mt940',
        check,
        where,
        `statement ${this.statementId}: ${message}`,
      );
    if (opening === undefined) {
      issue('BALANCE_MISSING', { path: ':60F:', line: lastLine }, 'no opening balance (:60F:/:60M:)');
      return;
    }
    if (closing === undefined) {
      issue('BALANCE_MISSING', { path: ':62F:', line: lastLine }, 'no closing balance (:62F:/:62M:)');
      return;
    }
    const where = { path: `:${closing.tag}:`, line: closing.line };
    if (closing.currency !== opening.currency) {
      issue(
        'CURRENCY_MISMATCH',
        where,
        `closing balance currency ${closing.currency} differs from opening ${opening.currency}`,
      );
      return;
    }
    const expected = opening.minor + net;
    if (expected !== closing.minor) {
      issue(
        'BALANCE_MISMATCH',
        where,
        `opening ${formatMinor(opening.minor, opening.exponent)} + entries ${formatMinor(net, opening.exponent)} = ${formatMinor(expected, opening.exponent)} ${opening.currency}, closing balance says ${formatMinor(closing.minor, closing.exponent)}`,
      );
    }
  }
}
