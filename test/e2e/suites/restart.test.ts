/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Replay memory survives an n8n restart: the GHL Trigger keeps the keys of events it accepted in
 * the workflow's static data, which n8n saves after each webhook call. The same signed bytes sent
 * again after a real stop and start of `n8n start` (6 s later, well inside the 5-minute window)
 * start nothing. Runs n8n again on the same port, database and user folder.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { IDS } from '../harness/fixtures';
import { expectSuccess, setup, unique } from '../harness/helpers';
import { sleep } from '../harness/n8n';
import { N8N_PID_FILE, startN8n, stop, waitReady } from '../harness/runtime';
import { ghlEvent } from '../harness/signing';

const { ctx, n8n } = setup();

let n8nPid = ctx.pids.n8n;

async function restartN8n(): Promise<void> {
	await stop(n8nPid, { group: true, timeoutMs: 30_000 });
	const fd = openSync(ctx.logFile, 'a');
	const child = startN8n(ctx.runtime, ctx.n8nEnv, fd);
	closeSync(fd);
	child.unref();
	n8nPid = child.pid!;
	writeFileSync(join(ctx.runDir, N8N_PID_FILE), String(n8nPid));
	await waitReady(ctx.n8nUrl, { pid: n8nPid, logFile: ctx.logFile });
	await n8n.login();
	// (postWebhook waits while the active workflows' webhooks register again.)
}

describe('GHL Trigger: a restart does not reopen the replay window', () => {
	test('one execution for a signed event, none for the same bytes after n8n restarted', async () => {
		if (process.env.GHL_E2E_REUSE === '1') return; // never restart a shared dev n8n
		const workflow = ctx.workflows.ghlTrigger;
		const event = { type: 'ContactCreate', locationId: IDS.locationA, id: `e2eRestart${randomBytes(4).toString('hex')}`, email: `${unique('restart')}@e2e.test` };
		const signed = ghlEvent(ctx.ed25519.privateKeyPem, event);
		const sentAt = Date.now();

		const before = await n8n.lastExecutionId(workflow.id);
		expect((await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status).toBe(200);
		const [first] = await n8n.waitForExecutions(workflow.id, before, 1, { timeoutMs: 60_000, settleMs: 1_000 });
		expectSuccess(await n8n.execution(first.id));

		await restartN8n();
		await sleep(Math.max(0, 6_000 - (Date.now() - sentAt)));

		const afterRestart = await n8n.lastExecutionId(workflow.id);
		const replay = await n8n.postWebhook(workflow.path, signed.body, signed.headers);
		expect(replay.status).toBe(200);
		expect(await n8n.waitForExecutions(workflow.id, afterRestart, 0, { timeoutMs: 0, settleMs: 3_000 })).toEqual([]);

		// A new event still starts one: the trigger works after the restart.
		const fresh = ghlEvent(ctx.ed25519.privateKeyPem, { ...event, id: `${event.id}b` });
		expect((await n8n.postWebhook(workflow.path, fresh.body, fresh.headers)).status).toBe(200);
		expect(await n8n.waitForExecutions(workflow.id, afterRestart, 1, { timeoutMs: 60_000, settleMs: 1_000 })).toHaveLength(1);
	}, 300_000);
});
