// Read-path attacks on ids, domains, hidden events and block times, on a devnode over loopback HTTP.
import { defineReadPathIdSuite } from './scenarios/readPathIds.js';
import { loopback } from './support/loopback.js';

defineReadPathIdSuite('loopback HTTP', loopback);
