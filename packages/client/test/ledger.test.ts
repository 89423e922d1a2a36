import { defineLedgerSuite } from './scenarios/ledger.js';
import { inProcess } from './support/harness.js';

defineLedgerSuite('in-process', inProcess);
