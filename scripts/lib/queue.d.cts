/** Types of queue.cjs (see there). Hand-written: keep in step with module.exports. */
import type { Owner, Runtime } from './runtime.cjs';

export const POSTGRES_VERSION: string;
export const POSTGRES_PACKAGE: string;
export const POSTGRES_USER: string;

export interface PostgresServer {
	pid: number;
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** `SHOW server_version` */
	version: string;
	logFile: string;
	/** The system user it runs as when started by root. */
	runsAs?: string;
}

export interface RedisServer {
	pid: number;
	port: number;
	logFile: string;
	version?: string;
}

export interface PidEntry {
	name: string;
	pid: number;
	/** Signal the process group (default true). */
	group?: boolean;
	/** The first signal (default SIGTERM; Postgres SIGINT). */
	signal?: NodeJS.Signals;
}

export interface QueueProcessPlan {
	/** main, worker-1 … worker-N, webhook (, webhook-2 … webhook-M) */
	name: string;
	env: Record<string, string>;
	userFolder: string;
	logFile: string;
	/** Where /healthz/readiness answers (a worker's health server, else N8N_PORT). */
	url: string;
	args: string[];
}

export interface QueueProcess {
	name: string;
	pid: number;
	url: string;
	logFile: string;
	userFolder: string;
}

export function ensurePostgres(cache: string): Promise<string>;
export function startPostgres(options: {
	native: string;
	runDir: string;
	n8nDir: string;
	database?: string;
	register?: (entry: PidEntry) => void;
}): Promise<PostgresServer>;
export function ensureRedis(): Promise<string>;
export function startRedis(options: { redisBin: string; runDir: string; register?: (entry: PidEntry) => void }): Promise<RedisServer>;
export function redisCommand(port: number, command: string, timeoutMs?: number): Promise<string>;
export function queueEnvironments(options: {
	runDir: string;
	owner: Owner;
	workers?: number;
	/** `n8n webhook` processes (default 1): webhook, webhook-2 … */
	webhooks?: number;
	postgres: PostgresServer;
	redis: RedisServer;
	extra?: Record<string, string>;
}): Promise<{ environments: Record<string, QueueProcessPlan>; names: string[]; webhookUrl: string }>;
export function startQueueProcess(
	runtime: Pick<Runtime, 'node24' | 'n8nBin'>,
	plan: QueueProcessPlan,
	options?: { register?: (entry: PidEntry) => void; timeoutMs?: number },
): Promise<QueueProcess>;
export function pidRegistry(runDir: string): { file: string; entries: PidEntry[]; register: (entry: PidEntry) => void };
export function stopAll(pidsFile: string): Promise<void>;
export function startWatchdog(node: string, parentPid: number, pidsFile: string, options?: { removeDir?: string }): number;
