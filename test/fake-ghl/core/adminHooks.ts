/**
 * The admin endpoints for two-way sync tests: webhook settings and the delivery log
 * (/__admin/webhooks…), and a person editing records in the GHL UI (/__admin/ui/…): the same
 * normalisation, checks and webhooks as the API, without a token.
 */
import { contactFrom, duplicateError, findDuplicate, publicContact } from './contact.ts';
import { checkRefs, opportunityFrom, publicOpportunity } from './opportunity.ts';
import type { Core, Rec } from './types.ts';
import { badRequest, clone, err } from './util.ts';
import { configureWebhooks, contactChanged, emptyHooks, opportunityChanged, stopWebhooks, webhookSettings } from './webhooks.ts';

type AdminResult = { status: number; body: unknown } | undefined;

/** `route` is "METHOD /__admin/…" without a trailing slash; undefined when it is not one of these. */
export function handleAdminHooks(core: Core, route: string, body: Rec, query: URLSearchParams): AdminResult {
	switch (route) {
		case 'GET /__admin/webhooks':
			return { status: 200, body: webhookSettings(core) };
		case 'PUT /__admin/webhooks':
		case 'POST /__admin/webhooks':
			return { status: 200, body: configureWebhooks(core, body) };
		case 'DELETE /__admin/webhooks': {
			stopWebhooks(core.hooks);
			core.hooks = emptyHooks();
			return { status: 200, body: { ok: true } };
		}
		case 'GET /__admin/webhooks/deliveries': {
			const since = Number(query.get('since') ?? 0);
			const type = query.get('type');
			const rows = core.hooks.deliveries.filter((d) => d.seq > since && (!type || d.type === type) && (!query.get('id') || d.id === query.get('id')));
			return { status: 200, body: { deliveries: clone(rows), stats: { ...core.hooks.stats }, pending: webhookSettings(core).pending } };
		}
		case 'DELETE /__admin/webhooks/deliveries':
			core.hooks.deliveries.length = 0;
			core.hooks.stats = { queued: 0, delivered: 0, failed: 0 };
			return { status: 200, body: { ok: true } };
	}
	const m = /^(POST|DELETE) \/__admin\/ui\/(contacts|opportunities)\/([^/]+)$/.exec(route);
	if (!m) return undefined;
	const [, method, kind, id] = m;
	return kind === 'contacts' ? uiContact(core, method, decodeURIComponent(id), body) : uiOpportunity(core, method, decodeURIComponent(id), body);
}

/** The fields of a UI edit: anything but the record's identity. */
function patchOf(body: Rec): Rec {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('a UI edit is a JSON object of fields');
	const { id, locationId, ...patch } = body;
	void id;
	void locationId;
	return patch;
}

function uiContact(core: Core, method: string, id: string, body: Rec): AdminResult {
	const { state } = core;
	const c = state.contacts.get(id);
	if (!c) throw err(404, `No contact ${id}`, { error: 'Not Found' });
	if (method === 'DELETE') {
		state.contacts.delete(id);
		for (const [tid, t] of state.tasks) if (t.contactId === id) state.tasks.delete(tid);
		for (const [nid, n] of state.notes) if (n.contactId === id) state.notes.delete(nid);
		contactChanged(core, c, undefined);
		return { status: 200, body: { succeded: true } };
	}
	const patch = patchOf(body);
	const loc = state.locations.get(c.locationId);
	if (loc && !loc.settings.allowDuplicateContact) {
		const d = findDuplicate(core, loc, patch, c.id);
		if (d) throw duplicateError(d);
	}
	const updated = contactFrom(core, patch, c);
	state.contacts.set(id, updated);
	contactChanged(core, c, updated);
	return { status: 200, body: { contact: publicContact(updated) } };
}

function uiOpportunity(core: Core, method: string, id: string, body: Rec): AdminResult {
	const { state } = core;
	const o = state.opportunities.get(id);
	if (!o) throw err(404, `No opportunity ${id}`, { error: 'Not Found' });
	if (method === 'DELETE') {
		state.opportunities.delete(id);
		opportunityChanged(core, o, undefined);
		return { status: 200, body: { succeded: true } };
	}
	const patch = patchOf(body);
	if (patch.status === 'all') throw badRequest('Invalid status all: use open, won, lost or abandoned');
	const { stageId } = checkRefs(core, o.locationId, patch, o);
	const updated = opportunityFrom(core, { ...patch, pipelineStageId: stageId }, o);
	state.opportunities.set(id, updated);
	opportunityChanged(core, o, updated);
	return { status: 200, body: { opportunity: publicOpportunity(core, updated) } };
}
