/**
 * End-to-end suites: this package installed into a real n8n 2.41 (Node 24, SQLite) that talks to
 * the fake GHL API (test/fake-ghl). One n8n and one fake per run, started by the global setup;
 * the suites share them and run one after another. `npm run test:e2e` (also the last step of `npm test`).
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/suites'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/harness/globalTeardown.ts',
	// Each test talks to a running n8n; the global setup (build, pack, install, n8n start) is not
	// covered by this timeout.
	testTimeout: 120_000,
	maxWorkers: 1,
	clearMocks: true,
};
