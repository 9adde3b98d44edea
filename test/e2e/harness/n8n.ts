/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not shipped */
/**
 * A small client for the running n8n: its REST API as the editor uses it (owner login, workflow
 * activation, executions), production webhooks, and the n8n CLI with this run's environment.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { E2eContext } from './context';
import { login } from './runtime';

/* eslint-disable @typescript-eslint/no-explicit-any */

const BROWSER_ID = 'ghl-e2e-browser';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

export interface NodeRun {
	/** Items of the first main output. */
	items: any[];
	/** Every main output (IF nodes have two). */
	outputs: any[][];
	error?: any;
	executionStatus?: string;
}

export interface Execution extends ExecutionSummary {
	finished: boolean;
	/** Node name → its runs in order. */
	runs: Record<string, NodeRun[]>;
	lastNodeExecuted?: string;
	error?: any;
}

export interface WebhookResponse {
	status: number;
	body: any;
	text: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * n8n stores execution data in `flatted` format: one array, every object and string its own entry,
 * references as index strings. Parsed here so the suites need no extra dependency.
 */
export function parseFlatted(text: string): any {
	const input: unknown[] = JSON.parse(text, (_key, value) => (typeof value === 'string' ? new String(value) : value));
	const entries = input.map((value) => (value instanceof String ? String(value) : value));
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		const value = entries[index];
		if (typeof value !== 'object' || value === null) return value;
		if (revived.has(index)) return revived.get(index);
		const output: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, output);
		for (const [key, item] of Object.entries(value)) {
			(output as Record<string, unknown>)[key] = item instanceof String ? revive(Number(item)) : item;
		}
		return output;
	};
	return revive(0);
}

export class N8nClient {
	private cookie: string | undefined;

	constructor(private readonly ctx: E2eContext) {}

	get url(): string {
		return this.ctx.n8nUrl;
	}

	async login(): Promise<void> {
		this.cookie = await login(this.url, this.ctx.owner, BROWSER_ID);
	}

	/** REST call as the owner; returns `data`. */
	async rest<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.cookie) await this.login();
		const res = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				Cookie: this.cookie!,
				'browser-id': BROWSER_ID,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`n8n ${method} /rest${path} → ${res.status}: ${text.slice(0, 2000)}`);
		return (text ? JSON.parse(text).data : undefined) as T;
	}

	/**
	 * A page load in the owner's browser: the session cookie only (a navigation sends no browser-id
	 * header), redirects not followed.
	 */
	async browse(url: string): Promise<{ status: number; text: string; location: string | null }> {
		if (!this.cookie) await this.login();
		const res = await fetch(url, { headers: { Cookie: this.cookie! }, redirect: 'manual' });
		return { status: res.status, text: await res.text(), location: res.headers.get('location') };
	}

	/** Publishes (activates) a workflow as the editor's toggle does; triggers register shortly after. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string; active: boolean }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	/** The workflow's executions, newest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
		return data.results.map((result) => ({ ...result, id: String(result.id) }));
	}

	async execution(id: string): Promise<Execution> {
		const raw = await this.rest<any>('GET', `/executions/${id}`);
		const data = typeof raw.data === 'string' ? parseFlatted(raw.data) : raw.data;
		const runs: Record<string, NodeRun[]> = {};
		for (const [name, taskRuns] of Object.entries<any[]>(data?.resultData?.runData ?? {})) {
			runs[name] = taskRuns.map((run) => {
				const outputs = ((run.data?.main ?? []) as any[][]).map((output) => (output ?? []).map((item: any) => item.json));
				return { items: outputs[0] ?? [], outputs, error: run.error, executionStatus: run.executionStatus };
			});
		}
		return {
			id: String(raw.id),
			workflowId: raw.workflowId,
			status: raw.status,
			mode: raw.mode,
			startedAt: raw.startedAt,
			stoppedAt: raw.stoppedAt,
			finished: raw.finished,
			runs,
			lastNodeExecuted: data?.resultData?.lastNodeExecuted,
			error: data?.resultData?.error,
		};
	}

	/** Highest execution id of the workflow so far (0 when none). */
	async lastExecutionId(workflowId: string): Promise<number> {
		return Math.max(0, ...(await this.executions(workflowId)).map((execution) => Number(execution.id)));
	}

	/**
	 * Waits until the workflow has at least `count` finished executions newer than `afterId`, then
	 * `settleMs` more (to see any extra one), and returns all of them, oldest first.
	 */
	async waitForExecutions(
		workflowId: string,
		afterId: number,
		count: number,
		{ timeoutMs = 60_000, settleMs = 1_500 } = {},
	): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		const newer = async () =>
			(await this.executions(workflowId))
				.filter((execution) => Number(execution.id) > afterId)
				.sort((a, b) => Number(a.id) - Number(b.id));
		const done = (list: ExecutionSummary[]) =>
			list.length >= count && list.every((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		let list = await newer();
		while (!done(list) && Date.now() < deadline) {
			await sleep(250);
			list = await newer();
		}
		if (settleMs > 0) {
			await sleep(settleMs);
			list = await newer();
		}
		return list;
	}

	/**
	 * POSTs to a production webhook. Until n8n has registered the webhook (activation is applied
	 * asynchronously) it answers 404 "not registered" without running anything; that is retried.
	 */
	async postWebhook(
		path: string,
		body: string | Buffer | object,
		headers: Record<string, string> = {},
		{ timeoutMs = 30_000 } = {},
	): Promise<WebhookResponse> {
		const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await fetch(`${this.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headers },
				body: payload,
			});
			const text = await res.text();
			let parsed: any = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// not JSON
			}
			if (res.status === 404 && /not registered/.test(text) && Date.now() < deadline) {
				await sleep(300);
				continue;
			}
			return { status: res.status, body: parsed, text };
		}
	}

	/**
	 * Calls a workflow whose Webhook node answers with its last node, then reads the execution that
	 * call started (the only new one).
	 */
	async runViaWebhook(workflowId: string, path: string, body: object): Promise<{ response: WebhookResponse; execution: Execution }> {
		const before = await this.lastExecutionId(workflowId);
		const response = await this.postWebhook(path, body);
		const [summary] = await this.waitForExecutions(workflowId, before, 1, { settleMs: 0 });
		if (!summary) throw new Error(`no execution of ${workflowId} after POST /webhook/${path} (answer ${response.status}: ${response.text})`);
		return { response, execution: await this.execution(summary.id) };
	}

	/** `n8n <args>` with this run's environment (DB, encryption key, overwrites). */
	cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
		return new Promise((resolve) => {
			execFile(
				this.ctx.runtime.node24,
				[this.ctx.runtime.n8nBin, ...args],
				{ env: this.ctx.n8nEnv, cwd: this.ctx.n8nEnv.N8N_USER_FOLDER, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					resolve({ code, stdout: String(stdout), stderr: String(stderr) });
				},
			);
		});
	}

	/** `n8n import:credentials` (upsert by id; `data` in clear text, n8n encrypts it). */
	async importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>): Promise<void> {
		const dir = mkdtempSync(join(this.ctx.runDir, 'import-'));
		try {
			const file = join(dir, 'credentials.json');
			writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
			const result = await this.cli(['import:credentials', `--input=${file}`]);
			if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) {
				throw new Error(`n8n import:credentials failed: ${result.stdout}\n${result.stderr}`);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** The credential as stored in n8n's database, decrypted (`n8n export:credentials --decrypted`). */
	async exportCredential(id: string): Promise<{ id: string; name: string; type: string; data: any }> {
		const dir = mkdtempSync(join(this.ctx.runDir, 'export-'));
		try {
			const file = join(dir, 'credentials.json');
			const result = await this.cli(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
			if (result.code !== 0) throw new Error(`n8n export:credentials failed: ${result.stdout}\n${result.stderr}`);
			const [credential] = JSON.parse(readFileSync(file, 'utf8')) as any[];
			if (!credential) throw new Error(`n8n export:credentials --id=${id} exported nothing`);
			return credential;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
}

/** Formats an execution's failure for an assertion message. */
export function describeFailure(execution: Execution): string {
	const lines = [`execution ${execution.id}: status ${execution.status}, last node ${execution.lastNodeExecuted}`];
	if (execution.error) lines.push(`error: ${execution.error.message} ${execution.error.description ?? ''}`);
	for (const [name, runs] of Object.entries(execution.runs)) {
		for (const run of runs) {
			if (run.error) lines.push(`${name}: ${run.error.message} — ${run.error.description ?? ''} ${JSON.stringify(run.error.context ?? {})}`);
		}
	}
	return lines.join('\n');
}
