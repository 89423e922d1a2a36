import { defineCommitSuite } from './scenarios/commit.js';
import { inProcess } from './support/harness.js';

defineCommitSuite('in-process', inProcess);
