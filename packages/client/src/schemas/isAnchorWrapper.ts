// The node's pending pool also lists guardian anchor wrappers (type `GUARDIAN_*`, id ""): not
// transactions this client can submit or locate, so pool pages leave them out. Internal.

/** True for a guardian anchor wrapper as the node lists it in `GET /transactions`. */
export const isAnchorWrapper = (t: unknown): boolean =>
  typeof t === 'object' && t !== null && /^GUARDIAN_/.test(String((t as { type?: unknown }).type));
