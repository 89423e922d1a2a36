import { defineConfig } from 'vitest/config';
import { examplesProjects } from './examples/vitest.examples.ts';
import { typeProjects } from './vitest.types.ts';
import { projects } from './vitest.workspace.ts';

export default defineConfig({
  // Cross-package imports resolve to src, so tests need no build. Naming conditions replaces
  // Vite's browser defaults, so they are listed again: without 'module', dependencies that ship
  // ESM only under it (@opentelemetry/api) would be served as CommonJS to the browser tests.
  // Node tests keep Node's own resolution: that ESM build has extensionless imports Node refuses.
  resolve: { conditions: ['@quidfin/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@quidfin/source'] } },
  // Pre-bundle the browser tests' dependencies up front: discovering them mid-run makes Vite
  // reload the page, which fails the first cold run in Chromium ("iframe did not become ready").
  optimizeDeps: {
    include: [
      '@opentelemetry/api',
      '@noble/curves/nist.js',
      '@noble/ed25519',
      '@noble/hashes/sha2.js',
      '@noble/hashes/utils.js',
      'canonicalize',
      'fast-check',
      'ky',
      'zod/mini',
    ],
  },
  test: {
    projects: [...projects, ...examplesProjects, ...typeProjects],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
