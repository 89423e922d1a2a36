import { describeValue } from '../describeValue.js';
import type { OwnershipStake } from '../types.js';
import { checkKnownKeys, checkQuid, checkString } from './checks.js';
import { Issues } from './Issues.js';

/** Shares must sum to 1.0 within this tolerance (the node's rule, PROTOCOL §6.4). */
export const SHARE_TOLERANCE = 1e-6;

/**
 * Checks an owners list: non-empty, quid IDs, no duplicates, positive finite shares summing to
 * 1.0 within 1e-6. Returns a normalised copy (stakeType dropped when empty). Internal.
 */
export function checkOwners(issues: Issues, path: string, owners: unknown): OwnershipStake[] {
  if (!Array.isArray(owners)) {
    issues.add(path, `expected an array of ownership stakes, got ${describeValue(owners)}`);
    return [];
  }
  if (owners.length === 0) issues.add(path, 'must list at least one owner (an empty list sums to 0)');
  const seen = new Set<string>();
  let sum = 0;
  const out: OwnershipStake[] = [];
  owners.forEach((stake: unknown, i) => {
    const p = `${path}[${i}]`;
    if (typeof stake !== 'object' || stake === null) {
      issues.add(p, `expected an ownership stake, got ${describeValue(stake)}`);
      return;
    }
    const s = stake as Partial<OwnershipStake>;
    const local = new Issues();
    checkKnownKeys(local, s, ['ownerId', 'percentage', 'stakeType']);
    for (const issue of local.list) issues.add(`${p}.${issue.path}`, issue.message);
    if (checkQuid(issues, `${p}.ownerId`, s.ownerId)) {
      if (seen.has(s.ownerId as string)) issues.add(`${p}.ownerId`, `duplicate owner ${s.ownerId}`);
      seen.add(s.ownerId as string);
    }
    const pct = s.percentage;
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct <= 0 || pct > 1) {
      issues.add(`${p}.percentage`, `expected a share in (0, 1], got ${describeValue(pct)}`);
    } else sum += pct;
    checkString(issues, `${p}.stakeType`, s.stakeType, { maxBytes: 64 });
    const copy: OwnershipStake = { ownerId: s.ownerId as string, percentage: pct as number };
    if (s.stakeType) copy.stakeType = s.stakeType;
    out.push(copy);
  });
  if (owners.length > 0 && Math.abs(sum - 1) > SHARE_TOLERANCE) {
    issues.add(path, `shares must sum to 1.0 within 1e-6, got ${sum}`);
  }
  return out;
}
