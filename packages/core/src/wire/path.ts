// Builds the human-readable paths used in error messages: `payload.terms.a[2]`, `owners[0].ownerId`.

const IDENT_RE = /^[A-Za-z_$][\w$]*$/;

/** `parent.key`, or `parent["odd key"]` when the key is not an identifier. */
export function childPath(parent: string, key: string): string {
  if (IDENT_RE.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** `parent[index]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** A path, or a function computing it: paths are only built when an error is raised. */
export type LazyPath = string | (() => string);

/** The path text of a {@link LazyPath}. */
export function resolvePath(path: LazyPath): string {
  return typeof path === 'string' ? path : path();
}
