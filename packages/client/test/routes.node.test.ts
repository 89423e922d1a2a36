import { defineRouteSuite } from './scenarios/routes.js';
import { loopback } from './support/loopback.js';

// Real HTTP over 127.0.0.1 against a devnode server.
defineRouteSuite('loopback HTTP', loopback);
