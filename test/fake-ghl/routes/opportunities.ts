/**
 * Opportunities API (opportunities.json): pipelines, lost reasons, search (GET: filters with a
 * page or startAfter/startAfterId cursor; POST: the spec's small body), get, create (contact,
 * pipeline and stage checked), update, status, upsert, delete, followers. Every change goes to
 * opportunityChanged (webhooks, off by default).
 */
import { assertLocation, getOwned } from '../core/auth.ts';
import { MESSAGES } from '../core/constants.ts';
import { checkRefs, createdMs, findDuplicateOpportunity, opportunityFrom, publicOpportunity, searchFilter, searchOrder } from '../core/opportunity.ts';
import { publicTask } from './tasks.ts';
import type { Core, Ctx, Rec, Routes } from '../core/types.ts';
import { badRequest, clone, err, ok } from '../core/util.ts';
import { before, opportunityChanged } from '../core/webhooks.ts';

export function opportunityRoutes(core: Core): Routes {
	const { state } = core;
	const oppOf = (ctx: Ctx) => getOwned(core, state.opportunities, ctx.params.id, 'Opportunity', ctx.auth);
	const noAll = (status: unknown) => {
		if (status === 'all') throw badRequest('Invalid status all: use open, won, lost or abandoned');
	};
	const withDetails = (o: Rec, q: URLSearchParams) => {
		const out = publicOpportunity(core, o);
		if (q.get('getTasks') === 'true') out.tasks = [...state.tasks.values()].filter((t) => t.contactId === o.contactId).map(publicTask);
		if (q.get('getNotes') === 'true') out.notes = clone([...state.notes.values()].filter((n) => n.contactId === o.contactId));
		if (q.get('getCalendarEvents') === 'true') out.calendarEvents = clone([...state.appointments.values()].filter((e) => e.contactId === o.contactId));
		return out;
	};
	const setFollowers = (o: Rec, ids: string[], action: 'add' | 'remove') => {
		const before = new Set<string>(o.followers ?? []);
		const changed = action === 'add' ? ids.filter((f) => !before.has(f)) : ids.filter((f) => before.has(f));
		o.followers = action === 'add' ? [...before, ...changed] : [...before].filter((f) => !ids.includes(f));
		o.updatedAt = core.iso();
		return [...new Set(changed)];
	};

	return {
		'GET /opportunities/pipelines': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.query.get('locationId')!);
			return ok({ pipelines: clone([...state.pipelines.values()].filter((p) => p.locationId === loc.id)) });
		},
		'GET /opportunities/lost-reason': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.query.get('locationId')!);
			const text = (ctx.query.get('name') || ctx.query.get('query') || '').toLowerCase();
			const deleted = ctx.query.get('deleted') === 'true';
			const rows = [...state.lostReasons.values()].filter((r) => r.locationId === loc.id && Boolean(r.deleted) === deleted && (!text || r.name.toLowerCase().includes(text)));
			const skip = Number(ctx.query.get('skip') ?? 0);
			const limit = Number(ctx.query.get('limit') ?? 100);
			return ok({ lostReasons: clone(rows.slice(skip, skip + limit)), total: rows.length });
		},
		'GET /opportunities/search': (ctx) => {
			const q = ctx.query;
			assertLocation(core, ctx.auth, q.get('location_id')!);
			const limit = Number(q.get('limit') ?? 20);
			if (limit > 100 || limit < 1) throw err(422, [`limit must be between 1 and 100`], { error: 'Unprocessable Entity' });
			const page = Number(q.get('page') ?? 1);
			const { cmp, after } = searchOrder(q.get('order'));
			const rows = [...state.opportunities.values()].filter(searchFilter(core, q)).sort(cmp);
			const afterId = q.get('startAfterId');
			const afterMs = Number(q.get('startAfter'));
			const start = afterId && q.get('startAfter') ? rows.findIndex((o) => after(o, afterMs, afterId)) : (page - 1) * limit;
			const slice = start < 0 ? [] : rows.slice(start, start + limit);
			const last = slice[slice.length - 1];
			const more = start >= 0 && start + limit < rows.length;
			let nextPageUrl: string | null = null;
			if (more && last) {
				const next = new URLSearchParams(q);
				next.set('startAfter', String(createdMs(last)));
				next.set('startAfterId', last.id);
				next.set('page', String(page + 1));
				next.set('limit', String(limit));
				nextPageUrl = `${core.url}/opportunities/search?${next}`;
			}
			return ok({
				opportunities: slice.map((o) => withDetails(o, q)),
				meta: {
					total: rows.length,
					nextPageUrl,
					startAfterId: more && last ? last.id : null,
					startAfter: more && last ? createdMs(last) : null,
					currentPage: page,
					nextPage: more ? page + 1 : null,
					prevPage: page > 1 ? page - 1 : null,
				},
				aggregations: {},
			});
		},
		// The spec's body is small ({locationId, query, limit, page, searchAfter, additionalDetails}, all
		// required). Newest first; each row carries `sort: [createdAt ms, id]` for `searchAfter`.
		'POST /opportunities/search': (ctx) => {
			const b = ctx.body;
			assertLocation(core, ctx.auth, b.locationId);
			const text = String(b.query).toLowerCase();
			const q = new URLSearchParams({ location_id: b.locationId, q: text });
			const { cmp, after } = searchOrder('added_desc');
			const rows = [...state.opportunities.values()].filter(searchFilter(core, q)).sort(cmp);
			const limit = Math.min(Math.max(Number(b.limit) || 20, 1), 100);
			const [ms, id] = b.searchAfter ?? [];
			const start = ms !== undefined && id !== undefined ? rows.findIndex((o) => after(o, Number(ms), String(id))) : (Math.max(Number(b.page) || 1, 1) - 1) * limit;
			const slice = start < 0 ? [] : rows.slice(start, start + limit);
			const d = b.additionalDetails ?? {};
			const details = new URLSearchParams({ getTasks: String(d.tasks), getNotes: String(d.notes), getCalendarEvents: String(d.calendarEvents) });
			return ok({ opportunities: slice.map((o) => ({ ...withDetails(o, details), sort: [createdMs(o), o.id] })), total: rows.length, aggregations: {} });
		},
		'GET /opportunities/{id}': (ctx) => ok({ opportunity: publicOpportunity(core, oppOf(ctx)) }),
		'POST /opportunities/': (ctx) => {
			const b = ctx.body;
			const loc = assertLocation(core, ctx.auth, b.locationId);
			noAll(b.status);
			const { stageId } = checkRefs(core, loc.id, b);
			if (findDuplicateOpportunity(core, loc.id, b.contactId, b.pipelineId)) throw badRequest(MESSAGES.duplicateOpportunity);
			const o = opportunityFrom(core, { ...b, pipelineStageId: stageId });
			state.opportunities.set(o.id, o);
			opportunityChanged(core, undefined, o);
			return ok({ opportunity: publicOpportunity(core, o) }, 201);
		},
		'PUT /opportunities/{id}': (ctx) => {
			const o = oppOf(ctx);
			noAll(ctx.body.status);
			const { stageId } = checkRefs(core, o.locationId, ctx.body, o);
			const updated = opportunityFrom(core, { ...ctx.body, pipelineStageId: stageId }, o);
			state.opportunities.set(o.id, updated);
			opportunityChanged(core, o, updated);
			return ok({ opportunity: publicOpportunity(core, updated) });
		},
		'PUT /opportunities/{id}/status': (ctx) => {
			const o = oppOf(ctx);
			noAll(ctx.body.status);
			if (ctx.body.lostReasonId !== undefined) checkRefs(core, o.locationId, { lostReasonId: ctx.body.lostReasonId }, o);
			const updated = opportunityFrom(core, ctx.body, o);
			state.opportunities.set(o.id, updated);
			opportunityChanged(core, o, updated);
			return ok({ succeded: true });
		},
		'DELETE /opportunities/{id}': (ctx) => {
			const o = oppOf(ctx);
			state.opportunities.delete(o.id);
			opportunityChanged(core, o, undefined);
			return ok({ succeded: true });
		},
		// The spec's UpsertOpportunityDto has no contactId, so the fake matches on `id` only.
		'POST /opportunities/upsert': (ctx) => {
			const { id, followers, isRemoveAllFollowers, followersActionType, ...data } = ctx.body;
			const loc = assertLocation(core, ctx.auth, data.locationId);
			noAll(data.status);
			const existing = id ? state.opportunities.get(id) : undefined;
			if (id && (!existing || existing.locationId !== loc.id)) throw badRequest('Opportunity not found');
			const { stageId } = checkRefs(core, loc.id, data, existing);
			const o = opportunityFrom(core, { ...data, pipelineStageId: stageId }, existing);
			if (isRemoveAllFollowers) o.followers = [];
			setFollowers(o, followers ?? [], followersActionType);
			state.opportunities.set(o.id, o);
			opportunityChanged(core, existing, o);
			return ok({ opportunity: publicOpportunity(core, o), new: !existing });
		},
		'POST /opportunities/{id}/followers': (ctx) => {
			const o = oppOf(ctx);
			const prev = before(core, o);
			const followersAdded = setFollowers(o, ctx.body.followers, 'add');
			opportunityChanged(core, prev, o);
			return ok({ followers: [...o.followers], followersAdded }, 201);
		},
		'DELETE /opportunities/{id}/followers': (ctx) => {
			const o = oppOf(ctx);
			const prev = before(core, o);
			const all = ctx.query.get('isRemoveAllFollowers') === 'true';
			const followersRemoved = setFollowers(o, all ? [...o.followers] : ctx.body.followers, 'remove');
			opportunityChanged(core, prev, o);
			return ok({ followers: [...o.followers], followersRemoved });
		},
	};
}
