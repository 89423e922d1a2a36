// Attack catalogue of the ledger read path, on a devnode over loopback HTTP.
import { defineLedgerAttackSuite } from './scenarios/ledgerAttacks.js';
import { loopback } from './support/loopback.js';

defineLedgerAttackSuite('loopback HTTP', loopback);
