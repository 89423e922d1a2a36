import { defineResilienceSuite } from './scenarios/resilience.js';
import { inProcess } from './support/harness.js';

defineResilienceSuite('in-process', inProcess);
