import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  external: [/^node:/],
  // Keep `node:` specifiers in the Node entry (tsup strips them by default).
  removeNodeProtocol: false,
});
