import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The examples' own tests: each runs an example's exported `main()` against an in-process devnode,
 * and browser-signing builds its page with Vite and drives it in Debian's headless Chromium.
 * Import into the root vitest config: `projects: [...projects, ...examplesProjects]`.
 */
export const examplesProjects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'examples:node',
      environment: 'node',
      include: ['examples/*/test/**/*.test.ts'],
      // Vite build + Chromium on a shared 2-core machine: give the e2e test room.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  },
];
