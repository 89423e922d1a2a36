import { defineRouteSuite } from './scenarios/routes.js';
import { inProcess } from './support/harness.js';

// The devnode's in-process fetch handler as the client's fetch: proves the client in Chromium too.
defineRouteSuite('in-process', inProcess);
