import { defineConfig } from 'vitest/config';
import { projects } from './vitest.workspace.ts';

export default defineConfig({
  // Cross-package imports resolve to src, so tests need no build.
  resolve: { conditions: ['@quidfin/source'] },
  ssr: { resolve: { conditions: ['@quidfin/source'] } },
  test: { projects, testTimeout: 30_000, hookTimeout: 30_000 },
});
