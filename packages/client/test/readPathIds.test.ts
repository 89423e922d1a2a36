// Read-path attacks on ids, domains, hidden events and block times, on the devnode's fetch handler (Node and browser).
import { defineReadPathIdSuite } from './scenarios/readPathIds.js';
import { inProcess } from './support/harness.js';

defineReadPathIdSuite('in-process', inProcess);
