// A party's quid written so that it matches no party: upper case, spaces, invisible characters.

// Whitespace, format characters (bidi controls, zero-width joiners, soft hyphen, BOM) and every
// other character Unicode says to draw as nothing: a fixed list of them missed the rest (U+202C).
const NOT_SHOWN = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const QUID = /^[0-9a-f]{16}$/;

/**
 * The quid `text` stands for when it is a quid written another way (upper or mixed case, a
 * leading or trailing space, a tab, an invisible or format character, full-width letters), else
 * undefined: a canonical quid
 * (16 lower-case hex characters) and text that is no quid at all (a group name, an ERP id) are
 * left as they are. Such an entry would match no party, so its limit, exposure or history would
 * silently count for nothing.
 *
 * @example
 * ```ts
 * miswrittenQuid('b0b0b0b0b0b0b0b0 '); // 'b0b0b0b0b0b0b0b0'
 * miswrittenQuid('B0B0B0B0B0B0B0B0'); // 'b0b0b0b0b0b0b0b0'
 * miswrittenQuid('b0b0b0b0b0b0b0b0'); // undefined: already canonical
 * miswrittenQuid('ACME HOLDING'); // undefined: no quid
 * ```
 */
export function miswrittenQuid(text: string): string | undefined {
  if (QUID.test(text)) return undefined;
  // NFKC folds compatibility forms (full-width 'ｂ' is 'b') before the invisible ones are dropped.
  const quid = text.normalize('NFKC').replace(NOT_SHOWN, '').toLowerCase();
  return QUID.test(quid) ? quid : undefined;
}

/**
 * The message for an entry keyed or naming a party by a miswritten quid.
 *
 * @example
 * ```ts
 * miswrittenMessage('B0B0B0B0B0B0B0B0', 'b0b0b0b0b0b0b0b0');
 * // '"B0B0B0B0B0B0B0B0" is the quid b0b0b0b0b0b0b0b0 written another way (...): ...'
 * ```
 */
export function miswrittenMessage(text: string, quid: string): string {
  return `${JSON.stringify(text)} is the quid ${quid} written another way (quids are 16 lower-case hex characters, no spaces or invisible characters), so this entry would match no party`;
}

/**
 * A name as it reads: compatibility forms folded (NFKC), whitespace and invisible characters
 * dropped, case folded. Two group names with one reading are one group written two ways.
 *
 * @example
 * ```ts
 * nameAsRead(' Parent\u200b'); // 'parent'
 * ```
 */
export function nameAsRead(text: string): string {
  return text.normalize('NFKC').replace(NOT_SHOWN, '').toLowerCase();
}
