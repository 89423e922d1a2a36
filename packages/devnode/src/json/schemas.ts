// The node's Go structs (internal/core/types.go) as field lists, in declaration order.

import type { FieldSpec, StructSchema } from './goStruct.js';

const base: readonly FieldSpec[] = [
  { name: 'id', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'trustDomain', kind: 'string' },
  { name: 'timestamp', kind: 'int64' },
  { name: 'signature', kind: 'string' },
  { name: 'publicKey', kind: 'string' },
];

/** OwnershipStake. */
export const STAKE_SCHEMA: StructSchema = {
  fields: [
    { name: 'ownerId', kind: 'string' },
    { name: 'percentage', kind: 'float64' },
    { name: 'stakeType', kind: 'string', omitEmpty: true },
  ],
};

/** TrustTransaction. */
export const TRUST_SCHEMA: StructSchema = {
  fields: [
    ...base,
    { name: 'truster', kind: 'string' },
    { name: 'trustee', kind: 'string' },
    { name: 'trustLevel', kind: 'float64' },
    { name: 'nonce', kind: 'int64' },
    { name: 'description', kind: 'string', omitEmpty: true },
    { name: 'validUntil', kind: 'int64', omitEmpty: true },
  ],
};

/** IdentityTransaction. */
export const IDENTITY_SCHEMA: StructSchema = {
  fields: [
    ...base,
    { name: 'quidId', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'description', kind: 'string', omitEmpty: true },
    { name: 'attributes', kind: 'mapAny', omitEmpty: true },
    { name: 'creator', kind: 'string' },
    { name: 'updateNonce', kind: 'int64' },
    { name: 'homeDomain', kind: 'string', omitEmpty: true },
  ],
};

/** TitleTransaction. */
export const TITLE_SCHEMA: StructSchema = {
  fields: [
    ...base,
    { name: 'assetId', kind: 'string' },
    { name: 'owners', kind: { slice: STAKE_SCHEMA } },
    { name: 'previousOwners', kind: { slice: STAKE_SCHEMA }, omitEmpty: true },
    { name: 'signatures', kind: 'mapString' },
    { name: 'expiryDate', kind: 'int64', omitEmpty: true },
    { name: 'titleType', kind: 'string', omitEmpty: true },
  ],
};

/** EventTransaction. */
export const EVENT_SCHEMA: StructSchema = {
  fields: [
    ...base,
    { name: 'subjectId', kind: 'string' },
    { name: 'subjectType', kind: 'string' },
    { name: 'sequence', kind: 'int64' },
    { name: 'eventType', kind: 'string' },
    { name: 'payload', kind: 'mapAny', omitEmpty: true },
    { name: 'payloadCid', kind: 'string', omitEmpty: true },
    { name: 'previousEventId', kind: 'string', omitEmpty: true },
  ],
};

/** TrustDomain (the body of POST /domains). */
export const DOMAIN_SCHEMA: StructSchema = {
  fields: [
    { name: 'name', kind: 'string' },
    { name: 'validatorNodes', kind: 'stringSlice' },
    { name: 'trustThreshold', kind: 'float64' },
    { name: 'blockchainHead', kind: 'string' },
    { name: 'validators', kind: 'mapFloat' },
    { name: 'validatorPublicKeys', kind: 'mapString' },
    { name: 'governors', kind: 'mapFloat', omitEmpty: true },
    { name: 'governorPublicKeys', kind: 'mapString', omitEmpty: true },
    { name: 'governanceQuorum', kind: 'float64', omitEmpty: true },
    { name: 'governanceNonce', kind: 'int64', omitEmpty: true },
    { name: 'parentDelegationMode', kind: 'string', omitEmpty: true },
    { name: 'delegatedFrom', kind: 'string', omitEmpty: true },
  ],
};

/** RelationalTrustQuery (the body of POST /trust/query). */
export const TRUST_QUERY_SCHEMA: StructSchema = {
  fields: [
    { name: 'observer', kind: 'string' },
    { name: 'target', kind: 'string' },
    { name: 'domain', kind: 'string', omitEmpty: true },
    { name: 'maxDepth', kind: 'int64', omitEmpty: true },
    { name: 'includeUnverified', kind: 'bool', omitEmpty: true },
  ],
};

/** EventStream (GET /streams/{id}). */
export const STREAM_SCHEMA: StructSchema = {
  fields: [
    { name: 'subjectId', kind: 'string' },
    { name: 'subjectType', kind: 'string' },
    { name: 'latestSequence', kind: 'int64' },
    { name: 'eventCount', kind: 'int64' },
    { name: 'createdAt', kind: 'int64' },
    { name: 'updatedAt', kind: 'int64' },
    { name: 'latestEventId', kind: 'string' },
  ],
};

/** TrustEdge (GET /trust/edges). */
export const EDGE_SCHEMA: StructSchema = {
  fields: [
    { name: 'truster', kind: 'string' },
    { name: 'trustee', kind: 'string' },
    { name: 'trustLevel', kind: 'float64' },
    { name: 'sourceBlock', kind: 'string' },
    { name: 'validatorQuid', kind: 'string' },
    { name: 'verified', kind: 'bool' },
    { name: 'timestamp', kind: 'int64' },
  ],
};

/** RelationalTrustResult (plus EnhancedTrustResult's extra fields when present). */
export const TRUST_RESULT_SCHEMA: StructSchema = {
  fields: [
    { name: 'observer', kind: 'string' },
    { name: 'target', kind: 'string' },
    { name: 'trustLevel', kind: 'float64' },
    { name: 'trustPath', kind: 'stringSlice', omitEmpty: true },
    { name: 'pathDepth', kind: 'int64' },
    { name: 'domain', kind: 'string', omitEmpty: true },
  ],
};

const GAP_SCHEMA: StructSchema = {
  fields: [
    { name: 'from', kind: 'string' },
    { name: 'to', kind: 'string' },
    { name: 'validatorQuid', kind: 'string' },
    { name: 'validatorTrust', kind: 'float64' },
  ],
};

/** EnhancedTrustResult (includeUnverified=true). */
export const ENHANCED_TRUST_RESULT_SCHEMA: StructSchema = {
  fields: [
    ...TRUST_RESULT_SCHEMA.fields,
    { name: 'confidence', kind: 'string' },
    { name: 'unverifiedHops', kind: 'int64' },
    { name: 'verificationGaps', kind: { slice: GAP_SCHEMA } },
  ],
};

const PROOF_SCHEMA: StructSchema = {
  fields: [
    { name: 'trustDomain', kind: 'string' },
    { name: 'validatorId', kind: 'string' },
    { name: 'validatorPublicKey', kind: 'string', omitEmpty: true },
    { name: 'validatorTrustInCreator', kind: 'float64' },
    { name: 'validatorSigs', kind: 'stringSlice' },
    { name: 'consensusData', kind: 'mapAny', omitEmpty: true },
    { name: 'validationTime', kind: 'int64' },
  ],
};

/** Block (its `transactions` are encoded with their own schemas). */
export const BLOCK_SCHEMA: StructSchema = {
  fields: [
    { name: 'index', kind: 'int64' },
    { name: 'timestamp', kind: 'int64' },
    { name: 'transactions', kind: 'any' },
    { name: 'trustProof', kind: { struct: PROOF_SCHEMA } },
    { name: 'prevHash', kind: 'string' },
    { name: 'hash', kind: 'string' },
    { name: 'transactionsRoot', kind: 'string', omitEmpty: true },
  ],
};
