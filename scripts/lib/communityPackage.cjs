'use strict';
/**
 * Registers the installed package in n8n's database the way n8n's own installer does after
 * `npm install` (InstalledPackagesRepository.persistPackageWithNodes in n8n 2.41, the same tables
 * in 1.123): one installed_packages row (name, version, author) and one installed_nodes row per
 * node (display name, `<package>.<node name>`, node version). n8n loads the files from
 * <user folder>/.n8n/nodes/node_modules either way; without these rows Settings → Community Nodes
 * shows nothing and cannot update or uninstall the package. The installer itself cannot be used
 * here: it downloads from registry.npmjs.org (another registry needs an enterprise licence), and the
 * package is installed from the tarball this project just packed.
 *
 * SQLite only (the database `npm start`, the e2e and the benchmark use). Runs under the runtime's
 * Node (its sqlite3 build), after n8n has migrated the database: `registerPackage` starts it there.
 *
 *   node scripts/lib/communityPackage.cjs <user folder> <n8n install dir> <package name>
 */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** What n8n would record for the package installed in the user folder. */
function describePackage(userFolder, n8nDir, packageName) {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
	const packageJson = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
	// The node files require n8n-workflow, a peer that n8n provides from its own install.
	process.env.NODE_PATH = [path.join(n8nDir, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
	require('node:module').Module._initPaths();
	const nodes = (packageJson.n8n?.nodes ?? []).map((file) => {
		const exported = require(path.join(dir, file));
		const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
		const instance = new NodeClass();
		// n8n-core's DirectoryLoader: a versioned node records its current version, others the highest.
		const description = instance.description ?? instance.baseDescription;
		const version =
			instance.currentVersion ?? (Array.isArray(description.version) ? Math.max(...description.version) : description.version ?? 1);
		return { name: description.displayName, type: `${packageJson.name}.${description.name}`, latestVersion: version };
	});
	return { packageName: packageJson.name, installedVersion: packageJson.version, author: packageJson.author ?? {}, nodes };
}

function writeRows(databaseFile, n8nDir, record) {
	const sqlite3 = require(path.join(n8nDir, 'node_modules', 'sqlite3'));
	const prefix = process.env.DB_TABLE_PREFIX ?? '';
	const packages = `"${prefix}installed_packages"`;
	const nodes = `"${prefix}installed_nodes"`;
	const db = new sqlite3.Database(databaseFile);
	const exec = (sql, params = []) =>
		new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
	return (async () => {
		db.configure('busyTimeout', 10_000);
		await exec('BEGIN IMMEDIATE');
		try {
			// A newer version replaces the older one's rows, as n8n's update does.
			await exec(`DELETE FROM ${nodes} WHERE "package" = ?`, [record.packageName]);
			await exec(
				`INSERT INTO ${packages} ("packageName", "installedVersion", "authorName", "authorEmail") VALUES (?, ?, ?, ?)
				 ON CONFLICT ("packageName") DO UPDATE SET "installedVersion" = excluded."installedVersion",
				 "authorName" = excluded."authorName", "authorEmail" = excluded."authorEmail",
				 "updatedAt" = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')`,
				[record.packageName, record.installedVersion, record.author.name ?? null, record.author.email ?? null],
			);
			for (const node of record.nodes) {
				await exec(`INSERT INTO ${nodes} ("name", "type", "latestVersion", "package") VALUES (?, ?, ?, ?)`, [
					node.name,
					node.type,
					node.latestVersion,
					record.packageName,
				]);
			}
			await exec('COMMIT');
		} catch (error) {
			await exec('ROLLBACK').catch(() => undefined);
			throw error;
		} finally {
			db.close();
		}
	})();
}

/**
 * Registers `packageName` (installed in `userFolder`) in that n8n's SQLite database, under the
 * runtime's Node. Call once n8n has answered /healthz/readiness (its migrations created the tables).
 */
async function registerPackage(runtime, userFolder, packageName, env = process.env) {
	const { check, run } = require('./runtime.cjs');
	check(
		await run(runtime.node24, [__filename, userFolder, runtime.n8nDir, packageName], { env }),
		`registering ${packageName} in n8n's database`,
	);
}

module.exports = { registerPackage, describePackage };

if (require.main === module) {
	const [userFolder, n8nDir, packageName] = process.argv.slice(2);
	if (!userFolder || !n8nDir || !packageName) {
		console.error('usage: communityPackage.cjs <user folder> <n8n install dir> <package name>');
		process.exit(2);
	}
	if ((process.env.DB_TYPE ?? 'sqlite') !== 'sqlite') {
		console.error(`[register] DB_TYPE=${process.env.DB_TYPE}: only SQLite is registered; Settings → Community Nodes will not list the package`);
		process.exit(0);
	}
	const databaseFile = process.env.DB_SQLITE_DATABASE || path.join(userFolder, '.n8n', 'database.sqlite');
	if (!existsSync(databaseFile)) {
		console.error(`[register] no n8n database at ${databaseFile} (has n8n started?)`);
		process.exit(1);
	}
	const record = describePackage(userFolder, n8nDir, packageName);
	writeRows(databaseFile, n8nDir, record).then(
		() => console.error(`[register] ${record.packageName}@${record.installedVersion} registered: ${record.nodes.map((node) => node.type).join(', ')}`),
		(error) => {
			console.error(`[register] failed: ${error.message}`);
			process.exit(1);
		},
	);
}
