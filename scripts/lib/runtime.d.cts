/** Types of runtime.cjs (see there). Hand-written: keep in step with module.exports. */
import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
/** scripts/runtime.json */
export const VERSIONS: { node: string; n8n: string; node1x: string; n8n1x: string; postgres: string };
/** test/fake-ghl/cli.mjs */
export const FAKE_CLI: string;

export interface Runtime {
	/** GHL_RUNTIME_CACHE: where Node 24, n8n and the migrated e2e database are cached. */
	cache: string;
	node24: string;
	node24Dir: string;
	n8nBin: string;
	n8nDir: string;
	n8nVersion: string;
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface Owner {
	email: string;
	password: string;
}

export function versionDrift(): string[];
export function sleep(ms: number): Promise<void>;
export function run(
	command: string,
	args: string[],
	options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string },
): Promise<CommandResult>;
export function check(result: CommandResult, what: string): CommandResult;
export function ensureRuntime(): Promise<Runtime>;
export function pack(dest: string, project?: string): Promise<string>;
export function installPackage(tarball: string, userFolder: string): Promise<void>;
export function n8nEnvironment(userFolder: string, port: number, owner?: Owner, extra?: Record<string, string>): Promise<Record<string, string>>;
export function freePort(): Promise<number>;
export function isAlive(pid: number): boolean;
export function waitReady(
	baseUrl: string,
	options?: { timeoutMs?: number; pid?: number; exited?: () => boolean; logFile?: string; intervalMs?: number; rest?: boolean },
): Promise<void>;
export function ownerPasswordHash(n8nDir: string, password: string): string;
export function ensureOwner(baseUrl: string, owner: Owner): Promise<'env' | 'setup'>;
export function login(baseUrl: string, owner: Owner, browserId: string): Promise<string>;
export function startFake(
	node24: string,
	options?: { logFd?: number; persistent?: boolean; args?: string[]; timeoutMs?: number },
): Promise<{ url: string; pid: number }>;
export function startN8n(runtime: Pick<Runtime, 'node24' | 'n8nBin'>, env: Record<string, string>, stdio: number | 'pipe', args?: string[]): ChildProcess;
export function killGroup(pid: number, signal?: NodeJS.Signals): void;
export function stop(pid: number, options?: { group?: boolean; timeoutMs?: number }): Promise<void>;
