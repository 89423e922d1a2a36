import { defineResilienceSuite } from './scenarios/resilience.js';
import { loopback } from './support/loopback.js';

defineResilienceSuite('loopback HTTP', loopback);
