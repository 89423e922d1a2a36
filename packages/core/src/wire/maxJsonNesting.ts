// The deepest JSON nesting the node's decoder accepts, shared by the serializer and the checks.

/**
 * Most nested arrays and objects the Quidnug node's JSON decoder accepts in one request body (Go
 * `encoding/json`'s limit). The transaction object is the first level, so a payload or attributes
 * map may nest `MAX_JSON_NESTING - 1` levels (itself included). core's serializer writes anything
 * up to this depth without recursion and refuses deeper values with an `EncodingError`.
 *
 * @example
 * ```ts
 * if (depthOf(payload) > MAX_JSON_NESTING - 1) console.warn('the node would refuse this payload');
 * ```
 */
export const MAX_JSON_NESTING = 10_000;
