// Refuses a portfolio with a key the engine does not read: a misspelt limit would be no limit.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { shownValue } from '../errors/shownValue.js';
import { MAX_UNIX_SECONDS } from '../math/unixSeconds.js';
import { knownInvoiceIssues } from './checkKnownInvoices.js';
import { isCurrencyCode } from './isCurrencyCode.js';
import { miswrittenMessage, miswrittenQuid, nameAsRead } from './miswrittenQuid.js';
import type { Portfolio } from './portfolio.js';

/** Every field of {@link Portfolio}: the compiler fails here when one is added and not listed. */
const PORTFOLIO_FIELDS: Readonly<Record<keyof Portfolio, true>> = {
  currency: true,
  buyerExposureMinor: true,
  buyerLimitMinor: true,
  supplierExposureMinor: true,
  supplierLimitMinor: true,
  totalExposureMinor: true,
  facilityLimitMinor: true,
  supplierLedger: true,
  buyerAging: true,
  knownInvoices: true,
  financedFingerprints: true,
  buyerGroup: true,
  groupExposureMinor: true,
  groupLimitMinor: true,
};

const LEDGER_FIELDS: Readonly<Record<string, true>> = { totalOpenMinor: true, byBuyerOpenMinor: true };
const AGING_FIELDS: Readonly<Record<string, true>> = { openMinor: true, over90Minor: true };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NOT_PLAIN =
  'must be a plain object (a record or JSON), not a class instance: the engine copies plain data once and would read an instance live';

/** A plain object: its prototype is Object.prototype or null (JSON and object literals). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Unknown keys of the entries of a per-quid map whose entries have fixed fields. */
function entryKeys(
  issues: ValidationIssue[],
  name: string,
  map: unknown,
  fields: Readonly<Record<string, true>>,
): void {
  if (!isObject(map)) return;
  for (const [quid, entry] of Object.entries(map)) {
    if (!isObject(entry)) continue;
    for (const key of Object.keys(entry)) {
      if (!Object.hasOwn(fields, key)) {
        issues.push({ path: `portfolio.${name}.${quid}.${key}`, message: 'is not a field (misspelt?)' });
      }
    }
  }
}

/** The portfolio's maps keyed by a party's quid. */
const QUID_KEYED = [
  'buyerExposureMinor',
  'buyerLimitMinor',
  'supplierExposureMinor',
  'supplierLimitMinor',
  'supplierLedger',
  'buyerAging',
  'buyerGroup',
] as const;

/**
 * Keys of the quid-keyed maps (and of each ledger's byBuyerOpenMinor) that are quids written
 * another way: in upper case, or with a space or an invisible character (a CSV export's trailing
 * blank). No invoice's party would ever match them: the limit would silently not apply, the
 * exposure or the ageing count for nothing.
 */
function quidKeys(issues: ValidationIssue[], p: Record<string, unknown>): void {
  for (const name of QUID_KEYED) {
    const map = p[name];
    if (!isObject(map)) continue;
    for (const [key, entry] of Object.entries(map)) {
      miswritten(issues, `portfolio.${name}.${key}`, key);
      if (name !== 'supplierLedger' || !isObject(entry) || !isObject(entry['byBuyerOpenMinor'])) continue;
      for (const buyer of Object.keys(entry['byBuyerOpenMinor'])) {
        miswritten(issues, `portfolio.supplierLedger.${key}.byBuyerOpenMinor.${buyer}`, buyer);
      }
    }
  }
}

/** Every per-party (or per-group) map of {@link Portfolio}. */
const MAPS = [...QUID_KEYED, 'groupExposureMinor', 'groupLimitMinor'] as const;

/** What `v` is, for a message: `number 5000000`, `null`, `a list`. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${shownValue(v)}`;
}

/**
 * The parts of the book that must be objects and are not: a map given as a number (a buyer's
 * exposure written as its total) or a ledger entry given as null was read as empty, so its
 * exposures, limits and concentration counted for nothing.
 */
function shapes(issues: ValidationIssue[], p: Record<string, unknown>): void {
  for (const name of MAPS) {
    const map = p[name];
    if (map === undefined) continue;
    if (!isObject(map)) {
      issues.push({
        path: `portfolio.${name}`,
        message: `must be an object keyed by quid, got ${kindOf(map)}`,
      });
      continue;
    }
    for (const [key, entry] of Object.entries(map)) {
      const path = `portfolio.${name}.${key}`;
      if (name === 'supplierLedger' || name === 'buyerAging') {
        if (!isObject(entry)) issues.push({ path, message: `must be an object, got ${kindOf(entry)}` });
        else if (name === 'supplierLedger' && !isObject(entry['byBuyerOpenMinor'])) {
          issues.push({
            path: `${path}.byBuyerOpenMinor`,
            message: `must be an object keyed by buyer quid, got ${kindOf(entry['byBuyerOpenMinor'])}`,
          });
        }
      } else if (name === 'buyerGroup' && !(typeof entry === 'string' && entry !== '')) {
        issues.push({ path, message: `must be a group name (a non-empty string), got ${kindOf(entry)}` });
      }
    }
  }
  const fps = p['financedFingerprints'];
  if (fps !== undefined) {
    if (!Array.isArray(fps) && !(fps instanceof Set)) {
      // A string would be read as the set of its characters: no fingerprint would ever be found.
      issues.push({
        path: 'portfolio.financedFingerprints',
        message: `must be a list or a Set of fingerprint strings, got ${kindOf(fps)}`,
      });
    } else {
      let i = 0;
      for (const fp of fps as Iterable<unknown>) {
        if (typeof fp !== 'string') {
          issues.push({
            path: `portfolio.financedFingerprints[${i}]`,
            message: `must be a string, got ${kindOf(fp)}`,
          });
          break;
        }
        fingerprintParties(issues, `portfolio.financedFingerprints[${i}]`, fp);
        i++;
      }
    }
  }
  knownInvoiceIssues(issues, p['knownInvoices']);
}

const MAX_FINGERPRINT_DAY = Math.floor(MAX_UNIX_SECONDS / 86_400);

/**
 * A fingerprint (`number|supplier|buyer|amount|day`; the number may hold `|`) made from an issue
 * date in milliseconds, or whose supplier or buyer is a quid written another way: made from a record in upper case, it matches no invoice,
 * so the receivable it stands for could be bought again.
 */
function fingerprintParties(issues: ValidationIssue[], path: string, fp: string): void {
  const parts = fp.split('|');
  if (parts.length < 5) return;
  // The last field is the UTC day of issue: one past the year 5138 was made from milliseconds and
  // matches no invoice.
  const day = parts[parts.length - 1] as string;
  if (/^\d+$/.test(day) && Number(day) > MAX_FINGERPRINT_DAY) {
    issues.push({
      path,
      message: `fingerprint ${JSON.stringify(fp)}: day ${day} is past the year 5138, made from an issue date in milliseconds instead of seconds`,
    });
    return;
  }
  for (const party of [parts[parts.length - 4] as string, parts[parts.length - 3] as string]) {
    const quid = miswrittenQuid(party);
    if (quid !== undefined) {
      issues.push({ path, message: `fingerprint ${JSON.stringify(fp)}: ${miswrittenMessage(party, quid)}` });
      return;
    }
  }
}

/**
 * Keys of the group limits and exposures that name a group of `buyerGroup` written another way
 * (`'PARENT '`, `'parent'`): the group's limit or exposure would apply to no one, and its buyers
 * were funded past the group limit. A key naming no group at all is left to the caller.
 */
function groupKeys(issues: ValidationIssue[], p: Record<string, unknown>): void {
  const groups = p['buyerGroup'];
  if (!isObject(groups)) return;
  const named = new Map<string, string>();
  const exact = new Set<string>();
  for (const g of Object.values(groups)) {
    if (typeof g !== 'string') continue;
    named.set(nameAsRead(g), g);
    exact.add(g);
  }
  for (const name of ['groupLimitMinor', 'groupExposureMinor'] as const) {
    const map = p[name];
    if (!isObject(map)) continue;
    for (const key of Object.keys(map)) {
      if (exact.has(key)) continue;
      const group = named.get(nameAsRead(key));
      if (group === undefined) continue;
      issues.push({
        path: `portfolio.${name}.${key}`,
        message: `${JSON.stringify(key)} names no group of buyerGroup, which names ${JSON.stringify(group)}: written another way (spaces, case), this entry would apply to no buyer`,
      });
    }
  }
}

function miswritten(issues: ValidationIssue[], path: string, key: string): void {
  const quid = miswrittenQuid(key);
  if (quid !== undefined) issues.push({ path, message: miswrittenMessage(key, quid) });
}

/**
 * Checks that a portfolio has only the fields of {@link Portfolio} (and its ledger and ageing
 * entries only theirs): `buyerLimitsMinor` or `facilityLimit` would otherwise be read as no limit
 * at all, as a policy typo is refused by `compilePolicy`; and that `currency`, when set, is an
 * ISO 4217 code (three upper-case letters); a key of a per-party map that is a quid written another
 * way (upper case, a space, an invisible character) is refused too (its limit would apply to no one). A `PortfolioState` (the running book
 * `createPortfolioState` makes) is refused too: read as a portfolio it would be an empty book.
 * Throws `FactoringInputError('INVALID_INPUT')` at each path, every one at once.
 *
 * @example
 * ```ts
 * checkPortfolio({ buyerLimitMinor: { 'buyer-x': 1_000_000 } }); // passes
 * checkPortfolio({ buyerLimitsMinor: {} }); // throws at portfolio.buyerLimitsMinor
 * ```
 */
export function checkPortfolio(portfolio: Portfolio): void {
  const p = portfolio as unknown;
  if (!isObject(p)) {
    throw new FactoringInputError('INVALID_INPUT', [{ path: 'portfolio', message: 'must be an object' }]);
  }
  if (typeof p['buyerExposure'] === 'function') {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'portfolio',
        message:
          'is a PortfolioState (a running book); pass the Portfolio it was made from (evaluateBatch builds its own)',
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  // A class instance (an ORM entity, a getter-backed record) is read live, not copied: a limit
  // its getter answered the check with could be another by the time it is applied.
  if (!isPlain(p)) issues.push({ path: 'portfolio', message: NOT_PLAIN });
  for (const key of Object.keys(p)) {
    if (!Object.hasOwn(PORTFOLIO_FIELDS, key)) {
      issues.push({ path: `portfolio.${key}`, message: 'is not a portfolio field (misspelt?)' });
      continue;
    }
    const v = p[key];
    if (isObject(v) && !(v instanceof Set) && !isPlain(v))
      issues.push({ path: `portfolio.${key}`, message: NOT_PLAIN });
  }
  const currency = p['currency'];
  if (currency !== undefined && !isCurrencyCode(currency)) {
    issues.push({
      path: 'portfolio.currency',
      message: `must be an ISO 4217 code (three upper-case letters), got ${shownValue(currency)}`,
    });
  }
  shapes(issues, p);
  quidKeys(issues, p);
  groupKeys(issues, p);
  entryKeys(issues, 'supplierLedger', p['supplierLedger'], LEDGER_FIELDS);
  entryKeys(issues, 'buyerAging', p['buyerAging'], AGING_FIELDS);
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
}
