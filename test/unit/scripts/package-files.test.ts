/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not shipped */
/**
 * What `npm pack` puts in the tarball: what n8n needs (package.json, README, LICENSE, the built
 * JavaScript, icons, templates) and nothing else (no source maps, declarations, tsbuildinfo,
 * sources, tests, docs screenshots). Checked on a synthetic project with package.json's real
 * `files` (every kind of file the build or the repository holds), and on the real tree once built.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function packedFiles(dir: string): string[] {
	const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`npm pack --dry-run failed in ${dir}: ${run.stderr}`);
	const [result] = JSON.parse(run.stdout) as Array<{ files: Array<{ path: string }> }>;
	return result.files.map((file) => file.path).sort();
}

const SHIPPED = /^(package\.json|README\.md|LICENSE|dist\/(nodes|credentials)\/.+\.js|dist\/icons\/[^/]+\.(svg|png)|dist\/templates\/[^/]+\.json)$/;
const FORBIDDEN = /\.map$|\.d\.ts$|\.tsbuildinfo$|\.ts$|(^|\/)test\/|\.test\.|^dist\/package\.json$|^dist\/docs\//;

describe('npm pack: the tarball holds what n8n needs and nothing else', () => {
	it('package.json says MIT, has no runtime dependencies and points at its repository', () => {
		expect(pkg.license).toBe('MIT');
		expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} n8n-nodes-ghl contributors\n/);
		expect(pkg.dependencies ?? {}).toEqual({});
		const repo = String(pkg.repository?.url).replace(/^git\+/, '').replace(/\.git$/, '');
		expect(repo).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
		expect(pkg.bugs?.url).toBe(`${repo}/issues`);
		expect(pkg.homepage).toMatch(new RegExp(`^${repo.replace(/[.]/g, '\\.')}(#readme)?$`));
	});

	it('package.json `files` keep maps, declarations, tsbuildinfo, dist/package.json and screenshots out (synthetic project)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'ghl-pack-'));
		try {
			const files = [
				'dist/nodes/Ghl/Ghl.node.js',
				'dist/nodes/Ghl/Ghl.node.js.map',
				'dist/nodes/Ghl/Ghl.node.d.ts',
				'dist/credentials/GhlOAuth2Api.credentials.js',
				'dist/credentials/GhlOAuth2Api.credentials.js.map',
				'dist/tsconfig.tsbuildinfo',
				'dist/package.json',
				'dist/docs/screenshot.png',
				'dist/icons/ghl.svg',
				'dist/templates/index.json',
				'nodes/Ghl/Ghl.node.ts',
				'test/unit/a.test.ts',
				'scripts/test.sh',
				'CHANGELOG.md',
				'.github/workflows/release.yml',
			];
			for (const file of files) {
				mkdirSync(join(dir, dirname(file)), { recursive: true });
				writeFileSync(join(dir, file), '{}\n');
			}
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, license: pkg.license, files: pkg.files }));
			copyFileSync(join(ROOT, 'LICENSE'), join(dir, 'LICENSE'));
			writeFileSync(join(dir, 'README.md'), '# readme\n');
			expect(packedFiles(dir)).toEqual([
				'LICENSE',
				'README.md',
				'dist/credentials/GhlOAuth2Api.credentials.js',
				'dist/icons/ghl.svg',
				'dist/nodes/Ghl/Ghl.node.js',
				'dist/templates/index.json',
				'package.json',
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	// The real tree, once built (npm test builds before jest; `npm run test:unit` alone may not have).
	(existsSync(join(ROOT, 'dist/nodes')) ? it : it.skip)('the real tarball: every declared node and credential, icons, templates; nothing else', () => {
		const files = packedFiles(ROOT);
		expect(files.filter((file) => !SHIPPED.test(file))).toEqual([]);
		expect(files.filter((file) => FORBIDDEN.test(file))).toEqual([]);
		for (const file of ['package.json', 'README.md', 'LICENSE', ...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		expect(files.some((file) => file.startsWith('dist/icons/'))).toBe(true);
		expect(files).toContain('dist/templates/index.json');
	});
});
