import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// In this repository the @quidfin packages are imported from their TypeScript source (the `@quidfin/source`
// export condition), so the page needs no package build. In your own app, install the packages
// from npm and drop `resolve.conditions`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['@quidfin/source', ...defaultClientConditions] },
  build: { target: 'es2022' },
});
