/**
 * Build steps n8n-node build does not do:
 * - icons: every icon a built node or credential points at must exist; SVGs are checked and
 *   minified into dist/icons.
 * - templates: every workflow in templates/ is validated (only known node types, no credential
 *   ids, no secrets) and shipped in dist/templates with an index.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parallel } = require('gulp');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');

function minifySvg(svg, file) {
	if (!/<svg[\s>]/.test(svg) || !/viewBox="[^"]+"/.test(svg)) {
		throw new Error(`${file}: not an SVG with a viewBox (n8n scales icons by it)`);
	}
	if (/<script|on\w+="/i.test(svg)) throw new Error(`${file}: scripts are not allowed in icons`);
	return svg
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/>\s+</g, '><')
		.replace(/\s{2,}/g, ' ')
		.trim();
}

/** Icons referenced as `file:…` from built JS, resolved next to that JS file. */
function referencedIcons() {
	const references = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.js')) {
				for (const match of fs.readFileSync(full, 'utf8').matchAll(/['"]file:([^'"]+\.(?:svg|png))['"]/g)) {
					references.push({ from: full, icon: path.resolve(path.dirname(full), match[1]) });
				}
			}
		}
	};
	for (const folder of ['nodes', 'credentials']) if (fs.existsSync(path.join(DIST, folder))) walk(path.join(DIST, folder));
	return references;
}

async function icons() {
	const source = path.join(ROOT, 'icons');
	const target = path.join(DIST, 'icons');
	fs.mkdirSync(target, { recursive: true });
	for (const name of fs.readdirSync(source)) {
		const file = path.join(source, name);
		if (name.endsWith('.svg')) fs.writeFileSync(path.join(target, name), minifySvg(fs.readFileSync(file, 'utf8'), file));
		else fs.copyFileSync(file, path.join(target, name));
	}
	const missing = referencedIcons().filter(({ icon }) => !fs.existsSync(icon));
	if (missing.length) {
		throw new Error(`Missing icons:\n${missing.map(({ from, icon }) => `  ${path.relative(ROOT, from)} → ${path.relative(ROOT, icon)}`).join('\n')}`);
	}
}

const BUILT_IN_PREFIX = 'n8n-nodes-base.';
const OUR_PREFIX = 'n8n-nodes-ghl.';
const SECRET_KEYS = /^(access_?token|refresh_?token|client_?secret|password|secret|api_?key)$/i;

function findSecrets(value, trail = []) {
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, child]) => {
		const here = [...trail, key];
		if (SECRET_KEYS.test(key) && typeof child === 'string' && child && !child.startsWith('=')) return [here.join('.')];
		return findSecrets(child, here);
	});
}

/** Checks one template and returns it as shipped: credentials keep their type and name only. */
function validateTemplate(workflow, file) {
	const problems = [];
	if (!workflow.name) problems.push('no "name"');
	if (!Array.isArray(workflow.nodes) || !workflow.nodes.length) problems.push('no "nodes"');
	if (!workflow.connections || typeof workflow.connections !== 'object') problems.push('no "connections"');
	const names = new Set((workflow.nodes ?? []).map((node) => node.name));
	for (const node of workflow.nodes ?? []) {
		if (!node.type?.startsWith(BUILT_IN_PREFIX) && !node.type?.startsWith(OUR_PREFIX)) problems.push(`node "${node.name}" has unknown type ${node.type}`);
		for (const [type, credential] of Object.entries(node.credentials ?? {})) {
			if (credential.id) problems.push(`node "${node.name}" carries a credential id for ${type}: share templates without ids`);
		}
	}
	for (const [from, outputs] of Object.entries(workflow.connections ?? {})) {
		if (!names.has(from)) problems.push(`connection from unknown node "${from}"`);
		for (const list of outputs.main ?? []) for (const link of list ?? []) if (!names.has(link.node)) problems.push(`connection to unknown node "${link.node}"`);
	}
	problems.push(...findSecrets(workflow).map((trail) => `a secret-looking value at ${trail}`));
	if (problems.length) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
	return workflow;
}

async function templates() {
	const source = path.join(ROOT, 'templates');
	if (!fs.existsSync(source)) return;
	const target = path.join(DIST, 'templates');
	fs.mkdirSync(target, { recursive: true });
	const index = [];
	for (const name of fs.readdirSync(source).filter((file) => file.endsWith('.json')).sort()) {
		const file = path.join(source, name);
		const workflow = validateTemplate(JSON.parse(fs.readFileSync(file, 'utf8')), file);
		fs.writeFileSync(path.join(target, name), `${JSON.stringify(workflow, null, 2)}\n`);
		index.push({ file: name, name: workflow.name, nodes: workflow.nodes.map((node) => node.type) });
	}
	fs.writeFileSync(path.join(target, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}

exports.icons = icons;
exports.templates = templates;
exports.build = parallel(icons, templates);
exports.validateTemplate = validateTemplate;
exports.minifySvg = minifySvg;
