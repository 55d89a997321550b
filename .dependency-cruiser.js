// The layer rules the code must keep (npm run deps:validate, part of npm test).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'Services share code only through libs/ and talk only over the bus.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-imports-an-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'acl-core-is-pure',
      comment: 'libs/acl is plain TypeScript: no Nest, no database, no other lib; only its typeorm/ entry may know TypeORM.',
      severity: 'error',
      from: { path: '^libs/acl/src/', pathNot: '^libs/acl/src/typeorm/' },
      to: { path: ['node_modules/(@nestjs|typeorm|pg|amqplib|amqp-connection-manager)/', '^libs/(?!acl/)'] },
    },
    {
      name: 'bus-classes-know-no-nest',
      comment: 'Only the module wiring and the RPC transport options touch Nest, so the bus classes run in plain tests.',
      severity: 'error',
      from: { path: '^libs/bus/src/(outbox|inbox|connection|migrations|metrics|dead-letters)/' },
      to: { path: 'node_modules/@nestjs/' },
    },
    {
      name: 'contracts-are-plain',
      comment: 'Event and RPC contracts are imported by every side; they carry no framework.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: ['node_modules/@nestjs/', 'node_modules/typeorm/', '^libs/(?!contracts/|acl/)'] },
    },
    {
      name: 'bench-reaches-apps-only-built',
      comment: 'Benchmarks measure what runs: app code only as built to dist/ (npm run build), never from apps/ sources.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^apps/' },
    },
    {
      name: 'bench-reaches-libs-by-alias',
      comment: 'Benchmarks import shared code as the apps do, through the @app/* aliases, not by a relative path.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^libs/', dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'role-store-knows-no-nest',
      comment: 'The shared role and profile steps are plain classes over TypeORM: each app wires them; only the libs below them are reachable.',
      severity: 'error',
      from: { path: '^libs/role-store/' },
      to: { path: ['node_modules/@nestjs/', '^libs/(?!role-store/|acl/|contracts/|bus/|service-kit/)'] },
    },
    {
      name: 'web-talks-to-the-api-only',
      comment: 'The browser app reaches the suite only over the public REST API: no shared lib (Nest, TypeORM, class-validator would enter the bundle).',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^libs/' },
    },
    {
      name: 'web-runs-in-a-browser',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-dependencies-in-production-code',
      severity: 'error',
      comment: 'apps/web is bundled at build time (its React, Mantine, ... are dev dependencies): not production server code.',
      from: { path: '^(apps|libs)/', pathNot: ['^apps/web/', '\\.spec\\.ts$', '\\.integration-spec\\.ts$', '^libs/testing/', '/test-support/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'dist/ exists only after npm run build; bench reaches built app code there.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(\\.\\./)+dist/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count too: a lib that only borrows Nest's types still depends on Nest.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default', 'types'] },
  },
};
