// Attack catalogue of the ledger read path, on the devnode's fetch handler (Node and browser).
import { defineLedgerAttackSuite } from './scenarios/ledgerAttacks.js';
import { inProcess } from './support/harness.js';

defineLedgerAttackSuite('in-process', inProcess);
