// Learns a domain's validators from every configured node's /domains, /health and /nodes, and
// maps them onto the client's nodes by node id.

import { ValidatorRoutingError } from '../errors/ValidatorRoutingError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';
import type { DomainTopology, NodeView } from './DomainTopology.js';
import { type KnownNode, listKnownNodes } from './listKnownNodes.js';

function validatorSet(d: NonNullable<NodeView['domain']>): string[] {
  const ids = new Set(d.validatorNodes ?? []);
  for (const [id, weight] of Object.entries(d.validators ?? {})) if (weight > 0) ids.add(id);
  return [...ids].sort();
}

/**
 * Asks every configured node for its `node_id`, its view of `domain` and its peers, and works out
 * the domain's validators: the nodes that know the domain must agree on them
 * (`VALIDATOR_DISAGREEMENT` otherwise), one must know it (`DOMAIN_UNKNOWN`), and at least one
 * validator must be among the configured nodes (`VALIDATOR_NOT_CONFIGURED`, naming its address
 * from `/nodes`). Unreachable nodes are left out of the view.
 *
 * @example
 * ```ts
 * const t = await learnDomainTopology(client, 'factoring.supply-chain.us');
 * console.log(t.validators, t.validatorIndexes);
 * ```
 */
export async function learnDomainTopology(
  client: QuidnugClient,
  domain: string,
  o: CallOptions = {},
): Promise<DomainTopology> {
  const urls = client.transport.settings.nodes;
  const views = await Promise.all(
    urls.map(async (url, index): Promise<NodeView & { peers: KnownNode[] }> => {
      const pinned = { ...o, node: index };
      try {
        const [health, domains, peers] = await Promise.all([
          client.health(pinned),
          client.listDomains(pinned),
          listKnownNodes(client, pinned).catch(() => []),
        ]);
        return {
          index,
          url,
          nodeId: health.node_id,
          domain: domains.find((d) => d.name === domain),
          peers,
        };
      } catch {
        // An unreachable node is simply not part of the view.
        if (o.signal?.aborted) throw o.signal.reason;
        return { index, url, nodeId: undefined, domain: undefined, peers: [] };
      }
    }),
  );
  const knowing = views.filter((v) => v.domain !== undefined);
  if (knowing.length === 0) {
    throw new ValidatorRoutingError(
      'DOMAIN_UNKNOWN',
      domain,
      'no reachable configured node knows this domain; register it on the node that is to validate it (`client.ensureDomain(name, { node })`)',
    );
  }
  const sets = knowing.map((v) => validatorSet(v.domain as NonNullable<NodeView['domain']>).join(','));
  if (new Set(sets).size > 1) {
    const detail = knowing.map((v, i) => `${v.url} names [${sets[i]}]`).join('; ');
    throw new ValidatorRoutingError(
      'VALIDATOR_DISAGREEMENT',
      domain,
      `nodes disagree on the validators: ${detail}`,
    );
  }
  const validators = (sets[0] as string).split(',').filter((x) => x !== '');
  const order = client.transport.pool.order();
  const validatorIndexes = order.filter((i) => {
    const id = views[i]?.nodeId;
    return id !== undefined && validators.includes(id);
  });
  const peers = views.flatMap((v) => v.peers);
  if (validatorIndexes.length === 0) {
    const where = validators
      .map(
        (id) =>
          `${id}${peers.find((p) => p.id === id && p.address) ? ` at ${peers.find((p) => p.id === id)?.address}` : ''}`,
      )
      .join(', ');
    throw new ValidatorRoutingError(
      'VALIDATOR_NOT_CONFIGURED',
      domain,
      `the validator (${where || 'none listed'}) is not among the configured nodes; add it to \`nodes\``,
    );
  }
  return {
    domain,
    validators,
    validatorIndexes,
    nodes: views.map(({ peers: _peers, ...v }) => v),
    peers,
    learnedAt: Date.now(),
  };
}
