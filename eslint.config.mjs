import { config } from '@n8n/node-cli/eslint';

// n8n's own config (cloud rules included), applied to what ships. Tests and dev scripts run in
// plain Node and may use fs, process and console, so they are outside the shipped-code rules.
export default [
	// .runtime/ holds n8n user folders (npm start, benchmarks) whose .cache has n8n's ~700-file
	// editor bundle: linting it takes minutes.
	{ ignores: ['test/**', 'scripts/**', 'bench/**', '.runtime/**', 'gulpfile.js', 'jest.config.js', 'jest.e2e.config.js'] },
	...config,
];
