/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// End-to-end and queue-mode suites drive a real n8n; they run through `npm run test:e2e` / `npm run test:queue`.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/suites/', '<rootDir>/test/queue/suites/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	clearMocks: true,
};
