// Reads the public sample e-invoices kept in test/fixtures (see its README for sources).
import { readFileSync } from 'node:fs';

/** The text of a fixture file. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** The public sample files, each of which must parse, validate and round-trip. */
export const SAMPLES: readonly string[] = [
  'peppol-base-example.xml',
  'peppol-base-creditnote-correction.xml',
  'peppol-Allowance-example.xml',
  'en16931-CII_example3.xml',
  'en16931-CII_example6.xml',
  'en16931-XRechnung-O.xml',
];
