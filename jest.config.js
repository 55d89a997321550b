// Four projects:
//  - unit: pure logic, *.spec.ts beside the code; no database, no broker, no Nest.
//  - integration: one lib against the real PostgreSQL or RabbitMQ, *.integration-spec.ts beside the code.
//  - e2e: the whole suite started as `npm start` starts it, test/e2e/*.e2e-spec.ts, named by resource.
//  - security: the attacker's view (escalation, tenants, odd input, headers, secrets in logs), test/security.
//  - web: the pages in Debian's Chromium (playwright-core) against the whole suite, test/web/*.web-spec.ts.
//  - faults: the operator's fault scenario against the whole suite (kills, restarts, poison), test/faults.
//  - fuzz: fast-check requests on every route of the running suite, test/fuzz/*.fuzz-spec.ts.
// ts-jest only transpiles; `npm run typecheck` types.
const moduleNameMapper = {
  '^@app/(acl|contracts|bus|service-kit|role-store|testing)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }] };
const common = { rootDir: __dirname, testEnvironment: 'node', setupFiles: ['reflect-metadata'], moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform };
const slow = { setupFilesAfterEnv: ['<rootDir>/test/e2e/jest.setup.ts'], globalTeardown: '<rootDir>/test/e2e/jest.teardown.ts' };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    { ...common, ...slow, displayName: 'integration', testMatch: ['<rootDir>/apps/**/*.integration-spec.ts', '<rootDir>/libs/**/*.integration-spec.ts'] },
    { ...common, ...slow, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...common, ...slow, displayName: 'security', testMatch: ['<rootDir>/test/security/**/*.e2e-spec.ts'] },
    { ...common, ...slow, displayName: 'web', testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'] },
    { ...common, ...slow, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'] },
    { ...common, ...slow, displayName: 'fuzz', testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'] },
  ],
};
