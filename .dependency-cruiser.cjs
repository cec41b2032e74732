/**
 * Architecture boundaries (see ARCHITECTURE.md). Paths are relative to the repository root.
 * `$1`, `$2` in a `to` refer to the groups captured by the `from` path.
 * @type {import('dependency-cruiser').IConfiguration}
 */

// *.test.ts (unit, medium, http) and *.testing.ts helpers shared by tests.
const testFiles = '\\.(test|testing)\\.tsx?$';
const npm = (names) => `(^|/)node_modules/(${names})/`;
const databaseClients = npm('drizzle-orm|pg|@electric-sql/pglite');

module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment:
        'A module reaches another module only through its index.ts; db/schema.ts may reference another schema for foreign keys.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/db/schema\\.ts$'],
      },
    },
    {
      name: 'module-through-index-schema-exception',
      comment: 'Only a module db/schema.ts may import another module db/schema.ts directly.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/[^/]+/db/schema\\.ts$' },
      to: { path: '^src/modules/[^/]+/db/schema\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'shared-imports-no-module',
      comment: 'src/shared is the kernel: it knows no module and not the composition root.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'module-not-to-app',
      comment: 'Modules never depend on the composition root.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'database-client-only-in-data-layer',
      comment:
        'Only repositories, table schemas, the db kernel, the audit writer and test helpers touch drizzle/pg/PGlite; services receive the Db type.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          '^src/modules/[^/]+/(repo|db)/',
          '^src/shared/(db|audit|test)/',
          // Tests set up and inspect their own database.
          testFiles,
        ],
      },
      to: { path: databaseClients, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure rules: no IO (file system, network, database, HTTP framework, mail).',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/' },
      to: {
        path: [
          databaseClients,
          npm('hono|@hono/[^/]+|better-auth|nodemailer|pg-boss'),
          '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads)$',
          '^src/modules/[^/]+/(repo|service|db|api|ui)/',
          '^src/shared/(db/client|audit/write|mail|log|config)\\.ts$',
          '^src/shared/http/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'ui-no-server-code',
      comment:
        'UI code runs in the browser: it uses api/*.schema.ts, shared and other UI, never services, repositories, tables or routes.',
      severity: 'error',
      from: { path: ['^src/modules/[^/]+/ui/', '^src/app/ui/', '^src/shared/ui/'] },
      to: {
        path: [
          '^src/modules/[^/]+/(service|repo|db|domain)/',
          '^src/modules/[^/]+/api/(?!.*\\.schema\\.ts$)',
          '^src/shared/(db|audit|http|test)/',
          '^src/shared/(mail|log|config)\\.ts$',
          '^src/app/(?!ui/)',
          databaseClients,
          npm('hono|@hono/node-server|better-auth|nodemailer|pg-boss'),
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'ui-no-module-index-at-runtime',
      comment: 'A module index.ts pulls its services into the bundle; UI may import types from it only.',
      severity: 'error',
      from: { path: ['^src/modules/[^/]+/ui/', '^src/app/ui/', '^src/shared/ui/'] },
      to: { path: '^src/modules/[^/]+/index\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-relative-import-across-folders',
      comment: 'Use #src/... aliases; a relative import may only reach the same folder or below.',
      severity: 'error',
      from: { path: '^(src/.+)/[^/]+$' },
      // #src/... imports are also typed "local" once resolved, hence the "aliased" exclusion.
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make modules impossible to reason about and to load in order.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package on disk.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Every package imported is declared in package.json, not just present in node_modules.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-test',
      comment: 'Production code does not import test files.',
      severity: 'error',
      from: { pathNot: testFiles },
      to: { path: testFiles },
    },
    {
      name: 'no-deprecated-core',
      comment: 'Deprecated Node core modules.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['core'], path: '^(node:)?(punycode|domain|constants|sys|_linklist|_stream_wrap)$' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^dist/', '^data/', '^reports/'] },
    // Type-only imports are recorded (as "type-only") so rules can allow them explicitly.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'module', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
