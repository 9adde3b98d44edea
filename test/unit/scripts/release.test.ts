/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * The release path that cannot run here: .github/workflows/release.yml (parsed as YAML), the
 * tarball it tests being the one it publishes, package.json's release scripts, the changelog and
 * the clean installs (npm ci) of CI and `npm test`.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// js-yaml comes with eslint (@eslint/eslintrc); no YAML parser of our own in devDependencies.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('../../../scripts/lib/runtime.cjs') as { pack(dest: string): Promise<string> };

const ROOT = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Workflow {
	on: { push: { tags: string[] } };
	jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: Step[] }>;
}

describe('.github/workflows/release.yml', () => {
	const workflow = yaml.load(read('.github/workflows/release.yml')) as Workflow;
	const [job] = Object.values(workflow.jobs);
	const steps = job.steps;
	const index = (test: (step: Step) => boolean) => steps.findIndex(test);
	const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');

	it('runs on version tags, on ubuntu-latest with Node 24, with only the permissions provenance needs', () => {
		expect(Object.keys(workflow.jobs)).toHaveLength(1);
		expect(workflow.on.push.tags).toEqual(['v*']);
		expect(job['runs-on']).toBe('ubuntu-latest');
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with).toMatchObject({ 'node-version': '24', 'registry-url': 'https://registry.npmjs.org' });
		expect(index((step) => step.uses?.startsWith('actions/checkout@') ?? false)).toBe(0);
	});

	it('npm ci, then pack once, then npm test on that tarball, then publish that same file with provenance', () => {
		const ci = index(runs(/^npm ci --ignore-scripts$/m));
		const pack = index(runs(/^npm pack --pack-destination "\$RUNNER_TEMP\/package"$/m));
		const test = index(runs(/^npm test$/m));
		const publish = index(runs(/npm publish/));
		expect([ci, pack, test, publish].every((i) => i >= 0)).toBe(true);
		expect(ci).toBeLessThan(pack);
		expect(pack).toBeLessThan(test);
		expect(test).toBeLessThan(publish);
		expect(publish).toBe(steps.length - 1);
		// The packed file is handed to npm test (GHL_PACKAGE_TARBALL) and to npm publish.
		expect(steps[pack].run).toMatch(/echo "GHL_PACKAGE_TARBALL=\$tarball" >> "\$GITHUB_ENV"/);
		expect(steps[publish].run).toBe('npm publish "$GHL_PACKAGE_TARBALL" --provenance --access public');
		expect(steps.filter(runs(/npm publish/))).toHaveLength(1);
		expect(steps.filter(runs(/npm (pack|publish)/)).map((step) => steps.indexOf(step))).toEqual([pack, publish]);
		// Nothing rebuilds the tarball between the tests and the publish.
		expect(steps.slice(test + 1, publish).some(runs(/npm (run build|pack)/))).toBe(false);
	});

	it('checks the tag against package.json and that the tests left the checkout clean', () => {
		expect(steps.some(runs(/"\$GITHUB_REF_NAME" != "v\$version"/))).toBe(true);
		const clean = index(runs(/test -z "\$\(git status --porcelain\)"/));
		expect(clean).toBeGreaterThan(index(runs(/^npm test$/m)));
	});
});

describe('the tarball the workflow tests is the one it publishes', () => {
	const saved = process.env.GHL_PACKAGE_TARBALL;
	afterEach(() => {
		if (saved === undefined) delete process.env.GHL_PACKAGE_TARBALL;
		else process.env.GHL_PACKAGE_TARBALL = saved;
	});

	it('runtime.pack (used by the e2e global setup) returns GHL_PACKAGE_TARBALL instead of packing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ghl-prepacked-'));
		try {
			const file = join(dir, 'n8n-nodes-ghl-9.9.9.tgz');
			writeFileSync(file, '');
			process.env.GHL_PACKAGE_TARBALL = file;
			await expect(runtime.pack(join(dir, 'elsewhere'))).resolves.toBe(file);
			process.env.GHL_PACKAGE_TARBALL = join(dir, 'missing.tgz');
			await expect(runtime.pack(dir)).rejects.toThrow('GHL_PACKAGE_TARBALL');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the e2e global setup installs what runtime.pack returns, and the scan reads GHL_PACKAGE_TARBALL too', () => {
		expect(read('test/e2e/harness/globalSetup.ts')).toMatch(/const tarball = await step\('pack', \(\) => pack\(runDir\)\);\n\s*await step\('install', \(\) => installPackage\(tarball, userFolder\)\);/);
		expect(read('scripts/scan-package.mjs')).toContain('process.env.GHL_PACKAGE_TARBALL');
	});
});

describe('release scripts, changelog and clean installs', () => {
	it('prepublishOnly builds and lints; npm run release prepares the tagged commit', () => {
		expect(pkg.scripts.prepublishOnly).toBe('npm run build && n8n-node lint');
		expect(pkg.scripts.release).toBe('bash scripts/release.sh');
		const release = read('scripts/release.sh');
		expect(release).toMatch(/git tag -a "v\$version"/);
		expect(release).not.toMatch(/^\s*(npm publish|git push)/m); // it prepares; the pushed tag publishes
	});

	it('CHANGELOG.md follows Keep a Changelog with an Unreleased section that lists changes', () => {
		const changelog = read('CHANGELOG.md');
		expect(changelog).toMatch(/^# Changelog\n/);
		expect(changelog).toContain('https://keepachangelog.com/en/1.1.0/');
		const unreleased = /^## \[Unreleased\]\n([\s\S]*?)(?=^## \[|(?![\s\S]))/m.exec(changelog);
		expect(unreleased?.[1]).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)\n/m);
		expect(unreleased?.[1]).toMatch(/^- /m);
		for (const [, version, date] of changelog.matchAll(/^## \[([^\]]+)\](?: - (\S+))?$/gm)) {
			if (version !== 'Unreleased') expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it('npm test, CI and the workflow install with npm ci from the committed lock', () => {
		expect(read('scripts/ensure-deps.sh')).toMatch(/^\t\(cd "\$__ghl_root" && npm ci --ignore-scripts/m);
		expect(read('scripts/ensure-deps.sh')).not.toMatch(/^[^#]*npm install/m);
		expect(read('.ci/run')).toMatch(/^source scripts\/ensure-deps\.sh$/m);
		expect(read('.github/workflows/release.yml')).not.toMatch(/npm install/);
	});
});
