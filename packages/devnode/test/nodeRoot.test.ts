// Finding 9c of issue #10: the conformance suite takes QUIDNUG_NODE with or without /api/v1.
import { describe, expect, it } from 'vitest';
import { nodeRoot } from './conformance/nodeRoot.js';

describe('QUIDNUG_NODE for the conformance suite', () => {
  it.each([
    ['http://localhost:8081', 'http://localhost:8081'],
    ['http://localhost:8081/', 'http://localhost:8081'],
    ['http://localhost:8081/api/v1', 'http://localhost:8081'],
    ['http://localhost:8081/api/v1/', 'http://localhost:8081'],
    ['http://localhost:8081/api', 'http://localhost:8081'],
    ['https://node.example/quidnug/api/v1', 'https://node.example/quidnug'],
  ])(
    '%s with or without the /api/v1 suffix resolves to the node root %s (never /api/v1/api/v1)',
    (given, root) => {
      expect(nodeRoot(given)).toBe(root);
      expect(`${nodeRoot(given)}/api/v1/domains`).not.toContain('/api/v1/api/');
    },
  );
});
