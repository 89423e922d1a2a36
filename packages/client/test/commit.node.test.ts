import { defineCommitSuite } from './scenarios/commit.js';
import { loopback } from './support/loopback.js';

defineCommitSuite('loopback HTTP', loopback);
