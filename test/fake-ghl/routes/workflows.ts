/**
 * Workflows (workflows.json) and campaigns (campaigns.json) of a location, and a contact's
 * enrolments in them (contacts.json: /contacts/{contactId}/workflow/…, /contacts/{contactId}/campaigns/…),
 * recorded in state.workflowEnrolments and state.campaignEnrolments.
 */
import { assertLocation, contactOf } from '../core/auth.ts';
import type { Core, Ctx, Rec, Routes } from '../core/types.ts';
import { clone, notFound, ok } from '../core/util.ts';

export function workflowRoutes(core: Core): Routes {
	const { state } = core;
	/** the contact and the workflow/campaign, which must be in the contact's location */
	const pair = (ctx: Ctx, map: Map<string, Rec>, id: string, what: string) => {
		const contact = contactOf(core, ctx);
		const target = map.get(id);
		if (!target || target.locationId !== contact.locationId) throw notFound(what);
		return { contact, target };
	};
	const enrol = (map: Map<string, Rec>, contact: Rec, idKey: string, id: string, extra: Rec = {}) => {
		map.set(`${contact.id}:${id}`, { contactId: contact.id, [idKey]: id, locationId: contact.locationId, status: 'active', enrolledAt: core.iso(), ...extra });
	};
	const unenrol = (map: Map<string, Rec>, key: string) => {
		const e = map.get(key);
		if (e && e.status === 'active') Object.assign(e, { status: 'removed', removedAt: core.iso() });
	};

	return {
		'GET /workflows/': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.query.get('locationId')!);
			return ok({ workflows: clone([...state.workflows.values()].filter((w) => w.locationId === loc.id)) });
		},
		'GET /campaigns/': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.query.get('locationId')!);
			const status = ctx.query.get('status');
			return ok({ campaigns: clone([...state.campaigns.values()].filter((c) => c.locationId === loc.id && (!status || c.status === status))) });
		},
		'POST /contacts/{contactId}/workflow/{workflowId}': (ctx) => {
			const { contact, target } = pair(ctx, state.workflows, ctx.params.workflowId, 'Workflow');
			enrol(state.workflowEnrolments, contact, 'workflowId', target.id, ctx.body.eventStartTime ? { eventStartTime: ctx.body.eventStartTime } : {});
			return ok({ succeded: true });
		},
		'DELETE /contacts/{contactId}/workflow/{workflowId}': (ctx) => {
			const { contact, target } = pair(ctx, state.workflows, ctx.params.workflowId, 'Workflow');
			unenrol(state.workflowEnrolments, `${contact.id}:${target.id}`);
			return ok({ succeded: true });
		},
		'POST /contacts/{contactId}/campaigns/{campaignId}': (ctx) => {
			const { contact, target } = pair(ctx, state.campaigns, ctx.params.campaignId, 'Campaign');
			enrol(state.campaignEnrolments, contact, 'campaignId', target.id);
			return ok({ succeded: true }, 201);
		},
		'DELETE /contacts/{contactId}/campaigns/{campaignId}': (ctx) => {
			const { contact, target } = pair(ctx, state.campaigns, ctx.params.campaignId, 'Campaign');
			unenrol(state.campaignEnrolments, `${contact.id}:${target.id}`);
			return ok({ succeded: true });
		},
		'DELETE /contacts/{contactId}/campaigns/removeAll': (ctx) => {
			const contact = contactOf(core, ctx);
			for (const [key, e] of state.campaignEnrolments) if (e.contactId === contact.id) unenrol(state.campaignEnrolments, key);
			return ok({ succeded: true });
		},
	};
}
