// Browser bundle budgets for @quidfin/client (brotli, dependencies included). Built from source
// through the `@quidfin/source` condition so no prior build is needed. Run here: `npx size-limit`.
const fromSource = (config) => ({
  ...config,
  platform: 'browser',
  resolve: {
    ...config.resolve,
    conditionNames: ['@quidfin/source', 'browser', 'import', 'module', 'default'],
  },
});

module.exports = [
  {
    name: '{ createQuidnugClient } (low-level API)',
    path: 'src/index.ts',
    import: '{ createQuidnugClient }',
    limit: '18 kB',
    modifyRolldownConfig: fromSource,
  },
  {
    name: '{ createQuidnugClient, InvoiceLedger } (everything)',
    path: 'src/index.ts',
    import: '{ createQuidnugClient, InvoiceLedger }',
    limit: '44 kB',
    modifyRolldownConfig: fromSource,
  },
];
