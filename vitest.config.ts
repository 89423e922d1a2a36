import { defineConfig } from 'vitest/config';
import { examplesProjects } from './examples/vitest.examples.ts';
import { typeProjects } from './vitest.types.ts';
import { projects } from './vitest.workspace.ts';

export default defineConfig({
  // Cross-package imports resolve to src, so tests need no build.
  resolve: { conditions: ['@quidfin/source'] },
  ssr: { resolve: { conditions: ['@quidfin/source'] } },
  // Pre-bundle the browser tests' dependencies up front: discovering them mid-run makes Vite
  // reload the page, which fails the first cold run in Chromium ("iframe did not become ready").
  optimizeDeps: {
    include: [
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
