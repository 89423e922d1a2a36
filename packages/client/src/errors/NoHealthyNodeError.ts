import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * None of the configured nodes answered its health check. `cause` holds the last failure.
 *
 * @example
 * ```ts
 * try {
 *   await client.health();
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'NO_HEALTHY_NODE') {
 *     const { nodes } = e as NoHealthyNodeError;
 *     console.log(nodes);
 *   }
 * }
 * ```
 */
export class NoHealthyNodeError extends QuidfinClientError<'NO_HEALTHY_NODE'> {
  override readonly name: string = 'NoHealthyNodeError';
  readonly nodes: readonly string[];

  constructor(nodes: readonly string[], options?: ErrorOptions) {
    super('NO_HEALTHY_NODE', `no healthy node among ${nodes.join(', ')}`, options);
    this.nodes = nodes;
  }
}
