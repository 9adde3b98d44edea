// The closing line of `npm test`: every suite's jest results added up. A suite that was expected
// but wrote no results (jest crashed, global setup failed) counts as one failure.
//   node scripts/test-summary.js <results-dir> <suite>[:skipped] …   e.g. unit e2e:skipped
// Exits 1 when anything failed or is missing.
const fs = require('fs');
const path = require('path');

const [dir, ...suites] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites) {
	const [name, state] = suite.split(':');
	if (state === 'skipped') {
		console.log(`${name} skipped`);
		continue;
	}
	const file = path.join(dir, `${name}.json`);
	if (!fs.existsSync(file)) {
		console.log(`${name}: no results (the runner died before writing them): counted as a failure`);
		failed += 1;
		continue;
	}
	const r = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
	skipped += r.numPendingTests + (r.numTodoTests || 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
