// Type tests: the client's public response types name fields in camelCase; the node's snake_case
// names survive only as deprecated aliases.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Health,
  IdentityRegistryEntry,
  NodeInfo,
  OwnedTitle,
  SubmitResult,
  TitleRegistryEntry,
  TrustRegistryEdge,
} from '../../src/index.js';

/** The keys of T that contain an underscore. */
type SnakeKeys<T> = { [K in keyof T]-?: K extends `${string}_${string}` ? K : never }[keyof T];

describe('one naming convention in response types', () => {
  it('Health names the node like NodeInfo does (nodeId beside nodeQuid), node_id only as an alias', () => {
    expectTypeOf<Health['nodeId']>().toEqualTypeOf<string>();
    expectTypeOf<NodeInfo['nodeQuid']>().toEqualTypeOf<string>();
    expectTypeOf<SnakeKeys<Health>>().toEqualTypeOf<'node_id'>();
  });

  it('registry entries carry camelCase fields; snake_case ones are the deprecated aliases', () => {
    expectTypeOf<TrustRegistryEdge['trustLevel']>().toEqualTypeOf<number>();
    expectTypeOf<SnakeKeys<TrustRegistryEdge>>().toEqualTypeOf<'trust_level'>();
    expectTypeOf<IdentityRegistryEntry['quidId']>().toEqualTypeOf<string>();
    expectTypeOf<SnakeKeys<IdentityRegistryEntry>>().toEqualTypeOf<'quid_id'>();
    expectTypeOf<OwnedTitle['assetId']>().toEqualTypeOf<string>();
    expectTypeOf<OwnedTitle['stakeType']>().toEqualTypeOf<string>();
    expectTypeOf<SnakeKeys<OwnedTitle>>().toEqualTypeOf<'asset_id' | 'stake_type'>();
    expectTypeOf<TitleRegistryEntry['assetId']>().toEqualTypeOf<string>();
    expectTypeOf<SnakeKeys<TitleRegistryEntry>>().toEqualTypeOf<'asset_id'>();
    expectTypeOf<SnakeKeys<SubmitResult>>().toEqualTypeOf<never>();
  });
});
