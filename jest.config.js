// Two projects: `unit` (pure logic, *.spec.ts beside the code) and `e2e` (real services on real
// PostgreSQL and RabbitMQ, test/**/*.e2e-spec.ts). ts-jest only transpiles; `npm run typecheck` types.
const moduleNameMapper = {
  '^@app/(acl|contracts|bus|service-kit|role-store|testing)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }] };
const common = { rootDir: __dirname, testEnvironment: 'node', setupFiles: ['reflect-metadata'], moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/e2e/jest.setup.ts'] },
    // The attacker's view (issue 9): escalation and tenant matrix, odd input on every route, headers, secrets in logs.
    { ...common, displayName: 'security', testMatch: ['<rootDir>/test/security/**/*.e2e-spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/e2e/jest.setup.ts'] },
  ],
};
