/**
 * Failures on purpose: the scripted queue (injectFault, POST /__admin/faults) first, then the
 * random rates of config.faults (seeded: reproducible).
 */
import { MESSAGES, STATUS_TEXT } from './constants.ts';
import type { Core, ScriptedFault } from './types.ts';
import { badRequest } from './util.ts';

export function pickFault(core: Core, method: string, path: string): { status: number; body?: unknown; headers?: Record<string, string> } | null {
	const i = core.state.faultQueue.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || path.startsWith(f.path)));
	if (i >= 0) {
		const f = core.state.faultQueue[i];
		f.count = (f.count ?? 1) - 1;
		if (f.count <= 0) core.state.faultQueue.splice(i, 1);
		return f;
	}
	const { rate429, rate500, rate502, rate503 } = core.config.faults;
	if (!rate429 && !rate500 && !rate502 && !rate503) return null;
	const r = core.rng();
	let acc = 0;
	for (const [status, rate] of [
		[429, rate429],
		[500, rate500],
		[502, rate502],
		[503, rate503],
	] as const) {
		acc += rate || 0;
		if (r < acc) return { status };
	}
	return null;
}

export function faultBody(status: number): unknown {
	if (status === 429) return { statusCode: 429, message: MESSAGES.rateLimited };
	if (status === 500) return { statusCode: 500, message: 'Internal server error' };
	return { statusCode: status, message: STATUS_TEXT[status] ?? `HTTP ${status}` };
}

export function injectFault(core: Core, f: ScriptedFault): void {
	if (!f || typeof f.status !== 'number') throw badRequest('fault.status (number) is required');
	core.state.faultQueue.push({ ...f, count: f.count ?? 1 });
}
