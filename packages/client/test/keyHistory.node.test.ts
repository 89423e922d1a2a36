// Key history in the read path, on a devnode over loopback HTTP.
import { defineKeyHistorySuite } from './scenarios/keyHistory.js';
import { loopback } from './support/loopback.js';

defineKeyHistorySuite('loopback HTTP', loopback);
