/** Types of communityPackage.cjs (see there). Hand-written: keep in step with module.exports. */
import type { Runtime } from './runtime.cjs';

export interface PackageRecord {
	packageName: string;
	installedVersion: string;
	author: { name?: string; email?: string };
	nodes: Array<{ name: string; type: string; latestVersion: number }>;
}

export function registerPackage(runtime: Runtime, userFolder: string, packageName: string, env?: NodeJS.ProcessEnv): Promise<void>;
export function describePackage(userFolder: string, n8nDir: string, packageName: string): PackageRecord;
