import { defineLedgerSuite } from './scenarios/ledger.js';
import { loopback } from './support/loopback.js';

defineLedgerSuite('loopback HTTP', loopback);
