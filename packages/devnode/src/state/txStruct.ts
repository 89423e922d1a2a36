import { GoStruct } from '../json/goJson.js';
import type { StructSchema } from '../json/goStruct.js';
import { EVENT_SCHEMA, IDENTITY_SCHEMA, TITLE_SCHEMA, TRUST_SCHEMA } from '../json/schemas.js';
import type { StoredTx, TxKind } from './state.js';

/** The Go struct layout of each transaction kind. */
export const TX_SCHEMAS: Readonly<Record<TxKind, StructSchema>> = {
  TRUST: TRUST_SCHEMA,
  IDENTITY: IDENTITY_SCHEMA,
  TITLE: TITLE_SCHEMA,
  EVENT: EVENT_SCHEMA,
};

/** A stored transaction ready to be encoded in its struct order. */
export function txStruct(stored: StoredTx): GoStruct {
  return new GoStruct(TX_SCHEMAS[stored.kind], stored.tx);
}
