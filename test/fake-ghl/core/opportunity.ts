/**
 * Opportunities as records: built from a request body, the references GHL checks (contact in the
 * location, pipeline in the location, stage in that pipeline), custom fields by id or key, the
 * public shape (SearchOpportunitiesResponseSchema), and the search filter and order.
 */
import { MESSAGES } from './constants.ts';
import type { Core, Rec } from './types.ts';
import { badRequest, clone, newId } from './util.ts';

export function pipelineFrom(core: Core, input: Rec): Rec {
	const t = core.iso();
	const stages = (input.stages ?? []).map((s: Rec, i: number) => ({ id: s.id ?? newId(), name: s.name ?? `Stage ${i + 1}`, position: s.position ?? i, showInFunnel: true, showInPieChart: true, ...s }));
	return { showInFunnel: true, showInPieChart: true, dateAdded: t, dateUpdated: t, ...input, id: input.id ?? newId(), stages };
}

/**
 * Checks what GHL checks before it stores an opportunity; returns the pipeline and stage to use
 * (the pipeline's first stage when none is given).
 */
export function checkRefs(core: Core, locationId: string, data: Rec, current?: Rec): { pipeline: Rec; stageId: string } {
	const { state } = core;
	if (data.contactId !== undefined) {
		const c = state.contacts.get(data.contactId);
		if (!c || c.locationId !== locationId) throw badRequest(`Contact not found: no contact ${data.contactId} in location ${locationId}`);
	}
	const pipelineId = data.pipelineId ?? current?.pipelineId;
	const pipeline = state.pipelines.get(pipelineId);
	if (!pipeline || pipeline.locationId !== locationId) throw badRequest(`Pipeline not found: no pipeline ${pipelineId} in location ${locationId}`);
	const stageId = data.pipelineStageId ?? (data.pipelineId && data.pipelineId !== current?.pipelineId ? undefined : current?.pipelineStageId) ?? pipeline.stages[0]?.id;
	if (!pipeline.stages.some((s: Rec) => s.id === stageId)) {
		throw badRequest(`${MESSAGES.stageNotInPipeline}: stage ${stageId} is not a stage of pipeline ${pipeline.id} (${pipeline.name})`);
	}
	if (data.lostReasonId !== undefined) {
		const r = state.lostReasons.get(data.lostReasonId);
		if (!r || r.locationId !== locationId) throw badRequest(`Lost reason not found: no lost reason ${data.lostReasonId} in location ${locationId}`);
	}
	return { pipeline, stageId };
}

/** In a location that does not allow duplicate opportunities: another open one of the contact in the pipeline. */
export function findDuplicateOpportunity(core: Core, locationId: string, contactId: string, pipelineId: string, exceptId?: string): Rec | undefined {
	const loc = core.state.locations.get(locationId);
	if (!contactId || loc?.settings?.allowDuplicateOpportunity) return undefined;
	for (const o of core.state.opportunities.values()) {
		if (o.id !== exceptId && o.locationId === locationId && o.contactId === contactId && o.pipelineId === pipelineId && o.status === 'open') return o;
	}
	return undefined;
}

export function opportunityFrom(core: Core, input: Rec, existing?: Rec): Rec {
	const t = core.iso();
	const o: Rec = existing
		? { ...existing }
		: { id: newId(), status: 'open', source: '', monetaryValue: 0, customFields: [], followers: [], createdAt: t, lastStatusChangeAt: t, lastStageChangeAt: t, indexVersion: 1 };
	for (const [k, v] of Object.entries(input)) {
		if (v === undefined) continue;
		if (k === 'customFields') o.customFields = mergeOpportunityFields(core, o.customFields ?? [], v as Rec[], o.locationId ?? input.locationId);
		else if (k === 'status' && v !== o.status) {
			o.status = v;
			o.lastStatusChangeAt = t;
		} else if (k === 'pipelineStageId' && v !== o.pipelineStageId) {
			o.pipelineStageId = v;
			o.lastStageChangeAt = t;
		} else o[k] = v;
	}
	if (o.status !== 'lost') delete o.lostReasonId;
	o.updatedAt = t;
	o.lastActionDate = t;
	return o;
}

/** Custom field values by id, or by key (`deal_source` or `opportunity.deal_source`); stored as {id, fieldValue}. */
function mergeOpportunityFields(core: Core, current: Rec[], input: Rec[], locationId: string): Rec[] {
	const out = current.map((f) => ({ ...f }));
	for (const f of input ?? []) {
		let id = f.id;
		if (!id && f.key) {
			for (const cf of core.state.customFields.values()) {
				if (cf.locationId === locationId && cf.model === 'opportunity' && (cf.fieldKey === f.key || cf.fieldKey === `opportunity.${f.key}`)) id = cf.id;
			}
		}
		if (!id) continue;
		const i = out.findIndex((x) => x.id === id);
		if (i >= 0) out[i] = { id, fieldValue: f.field_value };
		else out.push({ id, fieldValue: f.field_value });
	}
	return out;
}

export function publicOpportunity(core: Core, o: Rec): Rec {
	const out = clone(o);
	const c = core.state.contacts.get(o.contactId);
	if (c) out.contact = { id: c.id, name: c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' '), companyName: c.companyName ?? '', email: c.email ?? '', phone: c.phone ?? '', tags: [...(c.tags ?? [])] };
	return out;
}

const at = (o: Rec) => Date.parse(o.createdAt);

/** GET /opportunities/search filters (mm-dd-yyyy dates, inclusive, on createdAt). */
export function searchFilter(core: Core, q: URLSearchParams): (o: Rec) => boolean {
	const g = (k: string) => q.get(k) || undefined;
	const text = g('q')?.toLowerCase();
	const day = (s: string | undefined, end: boolean) => {
		const m = s && /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
		if (!s) return undefined;
		if (!m) throw badRequest(`Invalid date ${s}: expected mm-dd-yyyy`);
		return Date.UTC(+m[3], +m[1] - 1, +m[2]) + (end ? 86_400_000 - 1 : 0);
	};
	const from = day(g('date'), false);
	const to = day(g('endDate'), true);
	const status = g('status');
	return (o) => {
		if (o.locationId !== q.get('location_id')) return false;
		for (const [param, field] of [['pipeline_id', 'pipelineId'], ['pipeline_stage_id', 'pipelineStageId'], ['contact_id', 'contactId'], ['assigned_to', 'assignedTo'], ['id', 'id']]) {
			if (g(param) && o[field] !== g(param)) return false;
		}
		if (status && status !== 'all' && o.status !== status) return false;
		if (from !== undefined && at(o) < from) return false;
		if (to !== undefined && at(o) > to) return false;
		if (text) {
			const c = core.state.contacts.get(o.contactId);
			const hay = [o.name, c?.name, c?.email, c?.phone, c?.companyName].filter((x) => typeof x === 'string').map((x: string) => x.toLowerCase());
			if (!hay.some((x) => x.includes(text))) return false;
		}
		return true;
	};
}

/** `order`: added_asc | added_desc (default). The cursor is (createdAt ms, id). */
export function searchOrder(order: string | null): { cmp: (a: Rec, b: Rec) => number; after: (o: Rec, ms: number, id: string) => boolean } {
	const dir = order === 'added_asc' ? 1 : -1;
	const cmp = (a: Rec, b: Rec) => dir * (at(a) - at(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return { cmp, after: (o, ms, id) => dir * (at(o) - ms) > 0 || (at(o) === ms && o.id > id) };
}
export const createdMs = at;
