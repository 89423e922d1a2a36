// Reads BAI2 record by record, emitting each 16 as soon as its 88 continuations are complete and
// checking every 49/98/99 trailer (control totals and record counts) against what was read.
import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction } from '../model/BankTransaction.js';
import type { Bai2Options } from './Bai2Options.js';
import { type Bai2Record, bai2Date, bai2Detail } from './bai2Detail.js';
import { TWO_DIGITS } from './digitStrings.js';
import { integrityIssue } from './IntegrityOptions.js';
import type { StatementSink } from './StatementSink.js';

interface Totals {
  sum: bigint;
  records: number;
}

interface Account extends Totals {
  readonly id: string;
  /** The account number (the id's last part), and the id's prefix for its transactions' ids. */
  readonly accountId: string;
  readonly idPrefix: string;
  readonly currency: string;
  count: number;
  /** Detail amounts not yet added to `sum`: a number while it stays exact, so no bigint per detail. */
  unsummed: number;
}

/** The account's control total so far: `sum` with the amounts still held as a number added in. */
function accountSum(a: Account): bigint {
  if (a.unsummed !== 0) {
    a.sum += BigInt(a.unsummed);
    a.unsummed = 0;
  }
  return a.sum;
}

/**
 * Could `line` hold another record after a "/" (what `/\/\s+(?=\d{2},)/` needs)? Only if a "/"
 * before its last character is followed by a blank or a character that is not plain ASCII; the
 * split then decides.
 */
function mayHoldSeveral(line: string): boolean {
  const last = line.length - 1;
  for (let s = line.indexOf('/'); s >= 0 && s < last; s = line.indexOf('/', s + 1)) {
    const c = line.charCodeAt(s + 1);
    if (c <= 32 || c >= 127) return true;
  }
  return false;
}

function fail(where: { path: string; line: number }, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', 'bai2', where, message);
}

function signed(v: string | undefined, where: { path: string; line: number }, what: string): bigint {
  const t = (v ?? '').trim();
  if (t === '') return 0n;
  if (!/^[+-]?\d+$/.test(t)) fail(where, `${what} "${t}" is not a signed integer`);
  return BigInt(t);
}

/** Sum of the amounts in an 03 record's (type, amount, count, funds[, funds details]) groups. */
function summaryAmounts(fields: readonly string[], where: { path: string; line: number }): bigint {
  let sum = 0n;
  let i = 2;
  while (i < fields.length) {
    const code = (fields[i] ?? '').trim();
    if (code === '') {
      i++;
      continue;
    }
    if (!/^\d{3}$/.test(code)) fail(where, `type code "${code}" in the account record is not three digits`);
    sum += signed(fields[i + 1], where, `amount of type ${code}`);
    const funds = (fields[i + 3] ?? '').trim();
    i += 4;
    if (funds === 'S') i += 3;
    else if (funds === 'V') i += 2;
    else if (funds === 'D') i += 1 + 2 * Number(fields[i] ?? '0');
  }
  return sum;
}

/**
 * Incremental BAI2 reader: feed physical lines with {@link Bai2Reader.line}, then call
 * {@link Bai2Reader.end}. Record counts include every 88 continuation, as the BAI2 trailers do.
 *
 * @example
 * ```ts
 * const sink = collectingSink();
 * const r = new Bai2Reader({}, sink);
 * text.split('\n').forEach((l, i) => r.line(l, i + 1));
 * r.end();
 * ```
 */
export class Bai2Reader {
  private readonly options: Bai2Options;
  private readonly sink: StatementSink;
  private pending: Bai2Record | undefined;
  private pendingContinuations = 0;
  private first = true;
  private fileSeen = false;
  private fileDone = false;
  private file: Totals & { groups: number } = { sum: 0n, records: 0, groups: 0 };
  private group: (Totals & { accounts: number; id: string; currency?: string; asOf?: string }) | undefined;
  private account: Account | undefined;

  constructor(options: Bai2Options, sink: StatementSink) {
    this.options = options;
    this.sink = sink;
  }

  /** Feeds one physical line. */
  line(physical: string, lineNo: number): void {
    const line = physical.trim();
    if (line === '') return;
    const prev = this.pending;
    const c0 = line.charCodeAt(0);
    const c1 = line.charCodeAt(1);
    // What /^\d{2},/ says, without a regex per line.
    if (!(c0 >= 48 && c0 <= 57 && c1 >= 48 && c1 <= 57 && line.charCodeAt(2) === 44)) {
      // A physical line that is no record: the previous record wrapped (seen in bank files).
      if (prev === undefined) {
        this.start({ code: line.slice(0, 2), fields: [], body: '', text: '', line: lineNo });
        return;
      }
      // (A 16 keeps its fields in `body`, whose last field is its end.)
      if (prev.code === '16') prev.body = `${prev.body.replace(/\/$/, '').trimEnd()} ${line}`;
      else prev.text += `\n${line}`;
      return;
    }
    // Several records may share one physical line, each ending with "/" (seen in bank files).
    // Only a "/" before the last character followed by a blank can start another record.
    if (mayHoldSeveral(line)) {
      const segments = line.split(/\/\s+(?=\d{2},)/);
      if (segments.length > 1) {
        for (const seg of segments) this.line(seg, lineNo);
        return;
      }
    }
    const code = TWO_DIGITS[(c0 - 48) * 10 + c1 - 48] as string;
    let rest = line.slice(3);
    if (code === '16') {
      this.start({ code, fields: [], body: rest, text: '', line: lineNo });
      return;
    }
    if (rest.charCodeAt(rest.length - 1) === 47) rest = rest.slice(0, -1);
    if (code === '88') {
      if (prev === undefined) {
        this.start({ code, fields: [], body: '', text: line.slice(3), line: lineNo });
        return;
      }
      this.pendingContinuations++;
      prev.text += `\n${rest}`;
      if (prev.code !== '16') prev.fields.push(...rest.split(','));
      return;
    }
    this.start({ code, fields: rest.split(','), body: '', text: '', line: lineNo });
  }

  /** Ends the input: the last record is processed and missing trailers are reported. */
  end(): void {
    this.flush();
    if (this.first) fail({ path: '', line: 1 }, 'file must start with an 01 file header record');
    if (this.account !== undefined)
      this.missing('49', 'account trailer (49) missing: the file may be truncated');
    if (this.group !== undefined) this.missing('98', 'group trailer (98) missing: the file may be truncated');
    if (!this.fileDone) this.missing('99', 'file trailer (99) missing: the file may be truncated');
  }

  private count(): void {
    this.file.records++;
    if (this.group) this.group.records++;
    if (this.account) this.account.records++;
  }

  private start(r: Bai2Record): void {
    this.flush();
    this.pending = r;
  }

  private flush(): void {
    const r = this.pending;
    const more = this.pendingContinuations;
    this.pending = undefined;
    this.pendingContinuations = 0;
    if (r === undefined) return;
    // A trailer counts itself before it is compared; any other record after it opened its scope.
    const trailer = r.code === '49' || r.code === '98' || r.code === '99';
    if (trailer) for (let i = 0; i <= more; i++) this.count();
    this.process(r);
    if (!trailer) for (let i = 0; i <= more; i++) this.count();
  }

  private missing(path: string, message: string): void {
    integrityIssue(this.options.integrity, this.sink.warnings, 'bai2', 'TRAILER_MISSING', { path }, message);
    if (path === '49') this.closeAccount();
    if (path === '98') this.group = undefined;
  }

  private mismatch(
    where: { path: string; line: number },
    what: string,
    written: bigint | number,
    read: bigint | number,
  ): void {
    if (BigInt(written) === BigInt(read)) return;
    integrityIssue(
      this.options.integrity,
      this.sink.warnings,
      'bai2',
      'CONTROL_TOTAL_MISMATCH',
      where,
      `${what}: trailer says ${written}, the records give ${read}`,
    );
  }

  private closeAccount(): void {
    const a = this.account;
    if (a === undefined) return;
    this.sink.statement({
      id: a.id,
      format: 'bai2',
      accountId: a.accountId,
      currency: a.currency,
    });
    if (this.group) {
      this.group.sum += accountSum(a);
      this.group.accounts++;
    }
    this.account = undefined;
  }

  private process(r: Bai2Record): void {
    const where = { path: r.code, line: r.line };
    if (this.first) {
      this.first = false;
      if (r.code !== '01') fail(where, 'file must start with an 01 file header record');
    }
    if (this.fileDone) fail(where, `record ${r.code} after the 99 file trailer`);
    switch (r.code) {
      case '01':
        if (this.fileSeen) fail(where, 'a second 01 file header inside the file (two files concatenated?)');
        this.fileSeen = true;
        bai2Date(r.fields[2], where);
        break;
      case '02': {
        if (this.account !== undefined)
          this.missing('49', 'account trailer (49) missing before the next group');
        if (this.group !== undefined) this.missing('98', 'group trailer (98) missing before the next group');
        this.group = {
          sum: 0n,
          records: 0,
          accounts: 0,
          id: r.fields[1] ?? '',
          ...(r.fields[5] ? { currency: r.fields[5] } : {}),
          ...(() => {
            const asOf = bai2Date(r.fields[3], where);
            return asOf === undefined ? {} : { asOf };
          })(),
        };
        break;
      }
      case '03': {
        if (this.group === undefined) fail(where, 'account record outside a group (no 02 before it)');
        if (this.account !== undefined)
          this.missing('49', 'account trailer (49) missing before the next account');
        const number = r.fields[0] ?? '';
        if (number === '') fail(where, 'account record without an account number');
        const currency = r.fields[1] || this.group.currency || this.options.defaultCurrency || 'USD';
        if (currencyExponent(currency) === undefined) fail(where, `invalid currency "${currency}"`);
        const id = `${this.group.id}:${this.group.asOf ?? ''}:${number}`;
        this.account = {
          id,
          accountId: id.slice(id.lastIndexOf(':') + 1),
          idPrefix: `${id}:`,
          currency,
          sum: summaryAmounts(r.fields, where),
          records: 0,
          count: 0,
          unsummed: 0,
        };
        break;
      }
      case '16': {
        const a = this.account;
        if (a === undefined) fail(where, '16 record outside an account (no 03 before it)');
        const tx: BankTransaction = bai2Detail(
          r,
          a.id,
          a.accountId,
          a.currency,
          this.group?.asOf,
          a.idPrefix + (a.count + 1),
          this.sink.warnings,
        );
        a.count++;
        // Amounts are whole and not negative: add them as numbers while the total stays exact.
        if (tx.amountMinor > Number.MAX_SAFE_INTEGER - a.unsummed) accountSum(a);
        a.unsummed += tx.amountMinor;
        this.sink.transaction(tx);
        break;
      }
      case '49': {
        const a = this.account;
        if (a === undefined) fail(where, 'account trailer (49) without an account record (03)');
        this.mismatch(
          where,
          'account control total',
          signed(r.fields[0], where, 'control total'),
          accountSum(a),
        );
        this.mismatch(where, 'account record count', signed(r.fields[1], where, 'record count'), a.records);
        this.closeAccount();
        break;
      }
      case '98': {
        const g = this.group;
        if (g === undefined) fail(where, 'group trailer (98) without a group header (02)');
        if (this.account !== undefined)
          this.missing('49', 'account trailer (49) missing before the group trailer');
        this.mismatch(where, 'group control total', signed(r.fields[0], where, 'control total'), g.sum);
        this.mismatch(where, 'group account count', signed(r.fields[1], where, 'account count'), g.accounts);
        this.mismatch(where, 'group record count', signed(r.fields[2], where, 'record count'), g.records);
        this.file.sum += g.sum;
        this.file.groups++;
        this.group = undefined;
        break;
      }
      case '99': {
        if (this.account !== undefined)
          this.missing('49', 'account trailer (49) missing before the file trailer');
        if (this.group !== undefined)
          this.missing('98', 'group trailer (98) missing before the file trailer');
        this.mismatch(
          where,
          'file control total',
          signed(r.fields[0], where, 'control total'),
          this.file.sum,
        );
        this.mismatch(where, 'file group count', signed(r.fields[1], where, 'group count'), this.file.groups);
        this.mismatch(
          where,
          'file record count',
          signed(r.fields[2], where, 'record count'),
          this.file.records,
        );
        this.fileDone = true;
        break;
      }
      case '88':
        break;
      default:
        fail(where, `unknown record code "${r.code}"`);
    }
  }
}
