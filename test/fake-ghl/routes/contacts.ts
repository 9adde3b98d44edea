/**
 * Contacts API (contacts.json): create (duplicate rules), upsert, look-up by email/phone, get,
 * update, delete, the deprecated list n8n's built-in node pages through, by business, tags (one
 * contact or in bulk), and a contact's appointments. Every change goes to contactChanged (webhooks, off by default).
 */
import { assertLocation, contactOf } from '../core/auth.ts';
import { publicEvent } from '../core/calendar.ts';
import { contactFrom, duplicateError, findDuplicate, publicContact } from '../core/contact.ts';
import { ensureLocationTag } from '../core/state.ts';
import type { Core, Rec, Routes } from '../core/types.ts';
import { err, newId, normTags, ok, samePhone } from '../core/util.ts';
import { emailKey } from '../core/normalize.ts';
import { before, contactChanged } from '../core/webhooks.ts';

export function contactRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'POST /contacts/': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.body.locationId);
			if (!loc.settings.allowDuplicateContact) {
				const d = findDuplicate(core, loc, ctx.body);
				if (d) throw duplicateError(d);
			}
			const c = contactFrom(core, ctx.body);
			state.contacts.set(c.id, c);
			contactChanged(core, undefined, c);
			return ok({ contact: publicContact(c) }, 201);
		},
		'POST /contacts/upsert': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.body.locationId);
			const createNew = ctx.body.createNewIfDuplicateAllowed === true && loc.settings.allowDuplicateContact;
			const d = createNew ? undefined : findDuplicate(core, loc, ctx.body);
			if (d) {
				const { locationId, ...rest } = ctx.body;
				void locationId;
				// keep the matched identity; the other field is ignored if it belongs to another contact
				const other = findDuplicate(core, loc, rest, d.contact.id);
				if (other && other.field !== d.field) delete rest[other.field];
				const c = contactFrom(core, rest, d.contact);
				state.contacts.set(c.id, c);
				contactChanged(core, d.contact, c);
				return ok({ new: false, contact: publicContact(c), traceId: newId(36) });
			}
			const c = contactFrom(core, ctx.body);
			state.contacts.set(c.id, c);
			contactChanged(core, undefined, c);
			return ok({ new: true, contact: publicContact(c), traceId: newId(36) });
		},
		// Look-up by email or phone (the spec's "duplicate contact" search): the contact or null.
		'GET /contacts/search/duplicate': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(core, ctx.auth, locationId);
			const email = ctx.query.get('email');
			const number = ctx.query.get('number');
			const match = [...state.contacts.values()].find(
				(c) => c.locationId === locationId && ((email && emailKey(c.email) === emailKey(email)) || (number && samePhone(c.phone, number))),
			);
			return ok({ contact: match ? publicContact(match) : null });
		},
		'GET /contacts/{contactId}': (ctx) => ok({ contact: publicContact(contactOf(core, ctx)) }),
		'PUT /contacts/{contactId}': (ctx) => {
			const c = contactOf(core, ctx);
			const loc = state.locations.get(c.locationId)!;
			if (!loc.settings.allowDuplicateContact) {
				const d = findDuplicate(core, loc, ctx.body, c.id);
				if (d) throw duplicateError(d);
			}
			const updated = contactFrom(core, ctx.body, c);
			state.contacts.set(c.id, updated);
			contactChanged(core, c, updated);
			return ok({ succeded: true, contact: publicContact(updated) });
		},
		'DELETE /contacts/{contactId}': (ctx) => {
			const c = contactOf(core, ctx);
			state.contacts.delete(c.id);
			for (const [id, t] of state.tasks) if (t.contactId === c.id) state.tasks.delete(id);
			for (const [id, n] of state.notes) if (n.contactId === c.id) state.notes.delete(id);
			contactChanged(core, c, undefined);
			return ok({ succeded: true });
		},
		// Deprecated list (n8n's built-in node pages through it). The spec's DTO has no cursor; `meta`
		// follows HighLevel's v1 docs ({total, startAfterId, startAfter}). Oldest first.
		'GET /contacts/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(core, ctx.auth, locationId);
			const limit = Number(ctx.query.get('limit') ?? 20);
			if (limit > 100) throw err(422, ['limit must not be greater than 100'], { error: 'Unprocessable Entity' });
			const q = ctx.query.get('query')?.toLowerCase();
			const at = (c: Rec) => Date.parse(c.dateAdded);
			const rows = [...state.contacts.values()]
				.filter((c) => c.locationId === locationId && (!q || [c.name, c.email, c.phone].some((x) => typeof x === 'string' && x.toLowerCase().includes(q))))
				.sort((x, y) => at(x) - at(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
			const afterId = ctx.query.get('startAfterId');
			const after = Number(ctx.query.get('startAfter'));
			const start = afterId ? rows.findIndex((c) => at(c) > after || (at(c) === after && c.id > afterId)) : 0;
			const page = start < 0 ? [] : rows.slice(start, start + limit);
			const last = page[page.length - 1];
			return ok({
				contacts: page.map(publicContact),
				count: page.length,
				meta: { total: rows.length, startAfterId: last?.id ?? null, startAfter: last ? at(last) : null },
			});
		},
		'GET /contacts/business/{businessId}': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(core, ctx.auth, locationId);
			const q = ctx.query.get('query')?.toLowerCase();
			const rows = [...state.contacts.values()].filter(
				(c) => c.locationId === locationId && c.businessId === ctx.params.businessId && (!q || [c.name, c.email, c.phone].some((x) => typeof x === 'string' && x.toLowerCase().includes(q))),
			);
			const skip = Number(ctx.query.get('skip') ?? 0);
			const limit = Number(ctx.query.get('limit') ?? 25);
			return ok({ contacts: rows.slice(skip, skip + limit).map(publicContact), count: rows.length });
		},
		'POST /contacts/{contactId}/tags': (ctx) => {
			const c = contactOf(core, ctx);
			const prev = before(core, c);
			c.tags = normTags([...c.tags, ...ctx.body.tags]);
			for (const t of c.tags) ensureLocationTag(core, c.locationId, t);
			c.dateUpdated = core.iso();
			contactChanged(core, prev, c);
			return ok({ tags: [...c.tags] }, 201);
		},
		'DELETE /contacts/{contactId}/tags': (ctx) => {
			const c = contactOf(core, ctx);
			const prev = before(core, c);
			const remove = new Set(normTags(ctx.body.tags));
			c.tags = c.tags.filter((t: string) => !remove.has(t));
			c.dateUpdated = core.iso();
			contactChanged(core, prev, c);
			return ok({ tags: [...c.tags] });
		},
		// Bulk add / remove: one result per contact id as sent (README.md, "Not in the spec").
		'POST /contacts/bulk/tags/update/{type}': (ctx) => {
			const { type } = ctx.params;
			if (type !== 'add' && type !== 'remove') throw err(422, ['type must be one of the following values: add, remove'], { error: 'Unprocessable Entity' });
			const removeAll = ctx.body.removeAllTags === true;
			if (removeAll && type !== 'remove') throw err(422, ['removeAllTags can only be used with remove type'], { error: 'Unprocessable Entity' });
			const tags = normTags(ctx.body.tags);
			const responses = (ctx.body.contacts as string[]).map((contactId) => {
				const c = state.contacts.get(contactId);
				if (!c) return { contactId, message: 'contact not found', type: 'error' };
				if (c.locationId !== ctx.body.locationId) return { contactId, message: 'contact does not belong to location', type: 'error' };
				const prev = before(core, c);
				const oldTags = [...c.tags];
				const has = new Set(oldTags);
				const tagsAdded = type === 'add' ? tags.filter((t) => !has.has(t)) : [];
				const tagsRemoved = type === 'remove' ? oldTags.filter((t) => removeAll || tags.includes(t)) : [];
				c.tags = type === 'add' ? normTags([...oldTags, ...tagsAdded]) : oldTags.filter((t) => !tagsRemoved.includes(t));
				for (const t of tagsAdded) ensureLocationTag(core, c.locationId, t);
				c.dateUpdated = core.iso();
				contactChanged(core, prev, c);
				return { contactId, message: 'Tags updated', type: 'success', oldTags, tagsAdded, tagsRemoved };
			});
			const errorCount = responses.filter((r) => r.type === 'error').length;
			return ok({ succeded: errorCount === 0, errorCount, responses }, 201);
		},
		'GET /contacts/{contactId}/appointments': (ctx) => {
			const c = contactOf(core, ctx);
			const events = [...state.appointments.values()].filter((e) => e.contactId === c.id).sort((a, b) => a.startMs - b.startMs);
			return ok({ events: events.map(publicEvent) });
		},
	};
}
