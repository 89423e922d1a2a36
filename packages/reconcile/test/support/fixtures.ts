import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of a fixture under test/fixtures (tests are Node-only, so node:fs is fine here). */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))));
}

/** Text of a fixture. */
export function fixtureText(path: string): string {
  return new TextDecoder().decode(fixture(path));
}
