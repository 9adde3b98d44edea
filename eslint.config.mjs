import { config } from '@n8n/node-cli/eslint';

// n8n's own config (cloud rules included), applied to what ships. Tests and dev scripts run in
// plain Node and may use fs, process and console, so they are outside the shipped-code rules.
export default [
	{ ignores: ['test/**', 'scripts/**', 'bench/**', 'gulpfile.js', 'jest.config.js'] },
	...config,
];
