/**
 * Shared by the suites: one n8n client and fake admin per suite, and readers for executions and
 * the fake's request log.
 */
import { randomBytes } from 'node:crypto';

import { e2eContext } from './context';
import { FakeAdmin, type LoggedRequest } from './fake';
import { describeFailure, N8nClient, type Execution } from './n8n';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function setup() {
	const ctx = e2eContext();
	return { ctx, n8n: new N8nClient(ctx), fake: new FakeAdmin(ctx.fakeUrl) };
}

/** A short unique token for emails and names, so suites never collide in the shared fake. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/** A US number no other test uses (the fake matches duplicates on the last 10 digits). */
export const uniquePhone = () => `+1415${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;

/** Throws with every node error when the execution did not succeed. */
export function expectSuccess(execution: Execution): void {
	if (execution.status !== 'success') throw new Error(describeFailure(execution));
}

/** The items the node output in its (only) run. */
export function outputOf(execution: Execution, node: string): any[] {
	const runs = execution.runs[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run in execution ${execution.id} (ran: ${Object.keys(execution.runs).join(', ')})`);
	return runs[0].items;
}

export const firstOf = (execution: Execution, node: string): any => outputOf(execution, node)[0];

/** Logged requests whose "METHOD /path" matches. */
export function matching(requests: LoggedRequest[], method: string, path: RegExp): LoggedRequest[] {
	return requests.filter((request) => request.method === method && path.test(request.path));
}

/** A weekday at least two days ahead, as YYYY-MM-DD (the fake's calendars are open Mon–Fri). */
export function nextWeekday(daysAhead = 2): string {
	const date = new Date(Date.now() + daysAhead * 86_400_000);
	while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}
