// The EVENT type of an owner's key freeze, shared by the write and the read side.

/**
 * The EVENT type that carries an owner's QDP-0001 invalidation (payload `{ anchor }`) on its own
 * QUID stream.
 *
 * @example
 * ```ts
 * const page = await client.listStreamEvents(supplier.quidId);
 * const freezes = page.items.filter((e) => e.eventType === KEY_INVALIDATED_EVENT);
 * ```
 */
export const KEY_INVALIDATED_EVENT = 'key.invalidated';
