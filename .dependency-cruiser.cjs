/** The import rules of ARCHITECTURE.md ("Layout"), checked in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain: pure rules; imports nothing outside itself (npm libraries for pure computation are fine)',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(contracts|db|demo|services|server|documents)|web)/' },
    },
    {
      name: 'domain-no-io',
      comment: 'src/domain does no I/O: no Node built-ins',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-on-domain-only',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^(src/(db|demo|services|server|documents)|web)/' },
    },
    {
      name: 'db-below-services',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^(src/(demo|services|server|documents)|web)/' },
    },
    {
      name: 'demo-on-db-and-domain',
      comment: 'src/demo: the demo clinic generator writes through db and uses domain rules; nothing above it',
      severity: 'error',
      from: { path: '^src/demo/' },
      to: { path: '^(src/(services|server|documents)|web)/' },
    },
    {
      name: 'demo-only-in-demo-use-cases',
      comment: 'only bootstrap (seeds the demo clinic) and demo.service (its published passwords) use src/demo; other services never depend on demo data',
      severity: 'error',
      from: { path: '^src/services/', pathNot: '^src/services/(bootstrap|demo)\\.service\\.ts$' },
      to: { path: '^src/demo/' },
    },
    {
      name: 'documents-below-services',
      severity: 'error',
      from: { path: '^src/documents/' },
      to: { path: '^(src/(db|demo|services|server)|web)/' },
    },
    {
      name: 'services-below-server',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^(src/server|web)/' },
    },
    {
      name: 'server-routes-use-services',
      comment: 'routes, plugins and the CLI go through services: no repos, no SQL, no backup internals, no demo data in src/server',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(db/(repos/|backup)|demo/)' },
    },
    {
      name: 'web-uses-contracts-and-domain',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(db|demo|services|server|documents)/' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { path: '^(test|bench)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.test\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
