/** Notes of a contact (contacts.json, /contacts/{contactId}/notes). */
import { contactOf } from '../core/auth.ts';
import type { Core, Ctx, Rec, Routes } from '../core/types.ts';
import { newId, notFound, ok } from '../core/util.ts';

export function noteRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'GET /contacts/{contactId}/notes': (ctx) => {
			const c = contactOf(core, ctx);
			return ok({ notes: [...state.notes.values()].filter((n) => n.contactId === c.id).map(publicNote) });
		},
		'POST /contacts/{contactId}/notes': (ctx) => {
			const c = contactOf(core, ctx);
			const n = { id: newId(), contactId: c.id, locationId: c.locationId, ...ctx.body, dateAdded: core.iso() };
			state.notes.set(n.id, n);
			return ok({ note: publicNote(n) }, 201);
		},
		'GET /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: publicNote(noteOf(core, ctx)) }),
		'PUT /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: publicNote(Object.assign(noteOf(core, ctx), ctx.body)) }),
		'DELETE /contacts/{contactId}/notes/{id}': (ctx) => {
			state.notes.delete(noteOf(core, ctx).id);
			return ok({ succeded: true });
		},
	};
}

export function publicNote(n: Rec): Rec {
	return { id: n.id, body: n.body, userId: n.userId, dateAdded: n.dateAdded, contactId: n.contactId, title: n.title, color: n.color, pinned: n.pinned };
}
export function noteOf(core: Core, ctx: Ctx): Rec {
	const c = contactOf(core, ctx);
	const n = core.state.notes.get(ctx.params.id);
	if (!n || n.contactId !== c.id) throw notFound('Note');
	return n;
}
