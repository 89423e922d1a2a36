import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// In this repository @quidfin/core is imported from its TypeScript source (the `@quidfin/source`
// export condition), so the page needs no package build. In your own app, install
// @quidfin/core from npm and drop `resolve.conditions`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['@quidfin/source', ...defaultClientConditions] },
  build: { target: 'es2022' },
});
