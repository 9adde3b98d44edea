/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
/**
 * Settings → Community Nodes: the page's own API (GET /rest/community-packages) lists the package
 * the harness installed from the packed tarball and registered as n8n's installer does, with its
 * nodes loaded (not "failed to load"), on both n8n lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { setup } from '../harness/helpers';

const { ctx, n8n } = setup();

interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	authorName?: string;
	authorEmail?: string;
	failedLoading?: boolean;
	installedNodes: Array<{ name: string; type: string; latestVersion: number }>;
}

const pkg = JSON.parse(readFileSync(join(ctx.root, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	author: { name: string; email: string };
};

test('Settings → Community Nodes lists the package, its version, author and three loaded nodes', async () => {
	const packages = await n8n.rest<InstalledPackage[]>('GET', '/community-packages');
	const ours = packages.find((entry) => entry.packageName === pkg.name);
	expect(ours).toMatchObject({
		installedVersion: pkg.version,
		authorName: pkg.author.name,
		authorEmail: pkg.author.email,
	});
	expect(ours?.failedLoading).toBeFalsy();
	expect(ours?.installedNodes.map(({ name, type, latestVersion }) => ({ name, type, latestVersion })).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
		{ name: 'HighLevel (GHL)', type: `${pkg.name}.ghl`, latestVersion: 1 },
		{ name: 'HighLevel (GHL) Trigger', type: `${pkg.name}.ghlTrigger`, latestVersion: 1 },
		{ name: 'ScoreApp Trigger', type: `${pkg.name}.scoreAppTrigger`, latestVersion: 1 },
	]);
});

test("the registered node types are the ones n8n loaded from the package (the editor's node list, besides the derived AI tool)", async () => {
	const packages = await n8n.rest<InstalledPackage[]>('GET', '/community-packages');
	const registered = packages.find((entry) => entry.packageName === pkg.name)?.installedNodes.map((node) => node.type) ?? [];
	const page = await n8n.browse(`${ctx.n8nUrl}/types/nodes.json`);
	expect(page.status).toBe(200);
	const loaded = (JSON.parse(page.text) as Array<{ name: string }>).map((node) => node.name).filter((name) => name.startsWith(`${pkg.name}.`));
	// n8n derives an AI-agent tool variant (<type>Tool) from usableAsTool nodes; its installer does not record those.
	const nodes = [...new Set(loaded)].filter((name) => !(name.endsWith('Tool') && loaded.includes(name.slice(0, -'Tool'.length))));
	expect(nodes.sort()).toEqual([...registered].sort());
	expect(loaded).toContain(`${pkg.name}.ghlTool`);
});
