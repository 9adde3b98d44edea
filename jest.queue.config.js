/**
 * Queue-mode suites: the packed package in a real n8n 2.41 in queue mode — `n8n start` (main),
 * two `n8n worker` and one `n8n webhook` on Postgres 17 and Redis — against the fake GHL API.
 * Everything is installed and started by the global setup (scripts/lib/queue.cjs); the suites
 * share the one stack and run one after another. `npm run test:queue`.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue/suites'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/queue/globalSetup.ts',
	globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
	testTimeout: 180_000,
	maxWorkers: 1,
	clearMocks: true,
};
