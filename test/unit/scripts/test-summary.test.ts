/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not shipped */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../scripts/test-summary.js');
const result = (passed: number, failed = 0) => JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, numRuntimeErrorTestSuites: 0 });

function summary(files: Record<string, string>, ...suites: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'ghl-summary-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	const run = spawnSync(process.execPath, [SCRIPT, dir, ...suites], { encoding: 'utf8' });
	return { status: run.status, lines: run.stdout.trim().split('\n') };
}

describe('npm test closing line (scripts/test-summary.js)', () => {
	it('adds up every suite', () => {
		expect(summary({ 'unit.json': result(300), 'e2e.json': result(50) }, 'unit', 'e2e')).toEqual({ status: 0, lines: ['Tests: 350 passed, 0 failed'] });
	});

	it('a unit run that wrote no results is a failure, not a line showing only the e2e counts', () => {
		const { status, lines } = summary({ 'e2e.json': result(50) }, 'unit', 'e2e');
		expect(status).toBe(1);
		expect(lines.at(-1)).toBe('Tests: 50 passed, 1 failed');
	});

	it('an e2e run that wrote no results is a failure too', () => {
		expect(summary({ 'unit.json': result(300) }, 'unit', 'e2e')).toMatchObject({ status: 1, lines: [expect.any(String), 'Tests: 300 passed, 1 failed'] });
	});

	it('says "e2e skipped" when it is', () => {
		expect(summary({ 'unit.json': result(300) }, 'unit', 'e2e:skipped')).toEqual({ status: 0, lines: ['e2e skipped', 'Tests: 300 passed, 0 failed'] });
	});

	it('failed tests fail the run', () => {
		expect(summary({ 'unit.json': result(299, 1) }, 'unit', 'e2e:skipped').status).toBe(1);
	});
});
