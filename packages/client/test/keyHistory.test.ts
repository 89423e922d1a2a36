// Key history in the read path, on the devnode's fetch handler (Node and browser).
import { defineKeyHistorySuite } from './scenarios/keyHistory.js';
import { inProcess } from './support/harness.js';

defineKeyHistorySuite('in-process', inProcess);
