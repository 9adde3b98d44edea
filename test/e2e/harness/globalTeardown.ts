/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Stops n8n (its whole process group: n8n and its task runner) and the fake GHL API. The run
 * folder (<tmp>/n8n-nodes-ghl-e2e-<hash>/run-<id>: n8n's user folder, database, n8n.log, fake-ghl.log) is removed unless
 * GHL_E2E_KEEP=1. With GHL_E2E_REUSE=1 everything is left running for the next run.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { E2eGlobals } from './globalSetup';
import { N8N_PID_FILE, stop } from './runtime';

export default async function globalTeardown(): Promise<void> {
	const globals = (globalThis as { __GHL_E2E__?: E2eGlobals }).__GHL_E2E__;
	if (!globals) return;
	if (globals.keepRunning) {
		process.stderr.write(`[e2e] n8n and the fake keep running (GHL_E2E_REUSE=1); run folder ${globals.runDir}\n`);
		return;
	}
	// n8n in its own process group (with the task runner it spawned); the fake alone. A suite that
	// restarted n8n wrote the new process's id to n8n.pid.
	const restarted = join(globals.runDir, N8N_PID_FILE);
	if (existsSync(restarted)) await stop(Number(readFileSync(restarted, 'utf8')), { group: true });
	if (globals.n8nPid) await stop(globals.n8nPid, { group: true });
	globals.n8nPid = undefined;
	if (globals.fakePid) await stop(globals.fakePid);
	globals.fakePid = undefined;
	if (process.env.GHL_E2E_KEEP === '1') {
		process.stderr.write(`[e2e] kept ${globals.runDir} (n8n log: ${globals.logFile})\n`);
	} else {
		rmSync(globals.runDir, { recursive: true, force: true });
	}
}
