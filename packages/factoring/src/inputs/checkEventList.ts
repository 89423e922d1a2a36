// Refuses an event list the engine cannot read (not a list, an event that is not an object, a
// type, id, signer or subject that is not a string) before any rule runs.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { shownValue } from '../errors/shownValue.js';
import type { VerifiedEvent } from './events.js';

/**
 * True when every event of `events` has the shape the engine reads: an object whose `eventType`,
 * `id` and `signerQuid` are strings and whose `subjectId` is a string or absent. No allocation:
 * this runs once per decision. (Sequences, timestamps and payloads are judged per event: an
 * unplaceable or invalid event is held for review, not refused.)
 */
function isReadableList(events: unknown): boolean {
  if (!Array.isArray(events)) return false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as VerifiedEvent | null;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.eventType !== 'string' ||
      typeof e.id !== 'string' ||
      typeof e.signerQuid !== 'string' ||
      (e.subjectId !== undefined && typeof e.subjectId !== 'string')
    ) {
      return false;
    }
  }
  return true;
}

const FIELDS = ['eventType', 'id', 'signerQuid'] as const;

/**
 * Adds to `issues` (at `path`, e.g. `events` or `items[3].rejectedEvents`) every problem of an event
 * list the engine cannot read, and returns the list (undefined while none is found). A type that
 * is a number threw a raw `TypeError` half way through a batch, after approvals had been streamed;
 * an id that is a number was ordered against strings (no order at all). `optional` lists may be
 * absent.
 *
 * @example
 * ```ts
 * eventListIssues(undefined, [{ id: 'e1', eventType: 5 }], 'events'); // [{ path: 'events[0].eventType', ... }]
 * ```
 */
export function eventListIssues(
  issues: ValidationIssue[] | undefined,
  events: unknown,
  path: string,
  optional = false,
): ValidationIssue[] | undefined {
  if ((optional && events === undefined) || isReadableList(events)) return issues;
  const out = issues ?? [];
  if (!Array.isArray(events)) {
    out.push({ path, message: `must be a list of events, got ${events === null ? 'null' : typeof events}` });
    return out;
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      out.push({
        path: `${path}[${i}]`,
        message: `must be an event (an object), got ${e === null ? 'null' : typeof e}`,
      });
      continue;
    }
    for (const f of FIELDS) {
      if (typeof e[f] !== 'string') {
        out.push({ path: `${path}[${i}].${f}`, message: `must be a string, got ${shown(e[f])}` });
      }
    }
    if (e['subjectId'] !== undefined && typeof e['subjectId'] !== 'string') {
      out.push({
        path: `${path}[${i}].subjectId`,
        message: `must be a string when present, got ${shown(e['subjectId'])}`,
      });
    }
  }
  return out;
}

function shown(v: unknown): string {
  return typeof v === 'string' || v === null ? shownValue(v) : `${typeof v} ${shownValue(v)}`;
}

/**
 * Throws `FactoringInputError('INVALID_INPUT')` at `events[i].<field>` / `rejectedEvents[i]...`
 * when either list cannot be read (see {@link eventListIssues}); `rejected` may be absent.
 *
 * @example
 * ```ts
 * checkEventLists(request.events, request.rejectedEvents);
 * ```
 */
export function checkEventLists(events: unknown, rejected: unknown): void {
  if (isReadableList(events) && (rejected === undefined || isReadableList(rejected))) return;
  const issues = eventListIssues(
    eventListIssues(undefined, events, 'events'),
    rejected,
    'rejectedEvents',
    true,
  );
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}
