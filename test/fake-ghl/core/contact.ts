/**
 * Contacts as records: built from a request body (normalised as normalize.ts says, tags added to
 * the location, custom fields by id or key), duplicate detection in the location's order, the public shape.
 */
import { MESSAGES } from './constants.ts';
import { emailKey, normalizeContactInput } from './normalize.ts';
import { ensureLocationTag } from './state.ts';
import type { Core, Rec } from './types.ts';
import { badRequest, clone, HttpError, lower, newId, normTags, samePhone } from './util.ts';

export function contactFrom(core: Core, raw: Rec, existing?: Rec): Rec {
	const t = core.iso();
	const input = normalizeContactInput(raw);
	const c: Rec = existing
		? { ...existing }
		: { id: newId(), dateAdded: t, tags: [], customFields: [], type: 'lead', dnd: false, source: undefined, deleted: false };
	for (const [k, v] of Object.entries(input)) {
		if (v === undefined) continue;
		if (k === 'tags') c.tags = normTags(v);
		else if (k === 'customFields') c.customFields = mergeCustomFields(core, existing?.customFields ?? [], v as Rec[], c.locationId ?? input.locationId);
		else if (k === 'createNewIfDuplicateAllowed') continue;
		else c[k] = v;
	}
	if (c.email) c.emailLowerCase = String(c.email).toLowerCase();
	else delete c.emailLowerCase;
	if (input.firstName !== undefined || input.lastName !== undefined || !existing) {
		const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
		if (full) c.name = input.name ?? full;
	}
	c.firstNameLowerCase = lower(c.firstName) ?? undefined;
	c.lastNameLowerCase = lower(c.lastName) ?? undefined;
	c.fullNameLowerCase = lower(c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' ')) || undefined;
	c.dateUpdated = t;
	for (const tag of c.tags) ensureLocationTag(core, c.locationId, tag);
	return c;
}

export function mergeCustomFields(core: Core, current: Rec[], input: Rec[], locationId: string): Rec[] {
	const out = current.map((f) => ({ ...f }));
	for (const f of input ?? []) {
		let id = f.id;
		if (!id && f.key) {
			for (const cf of core.state.customFields.values()) {
				if (cf.locationId === locationId && (cf.fieldKey === f.key || cf.fieldKey === `contact.${f.key}`)) id = cf.id;
			}
		}
		if (!id) continue;
		const value = f.field_value ?? f.value;
		const i = out.findIndex((x) => x.id === id);
		if (i >= 0) out[i] = { id, value };
		else out.push({ id, value });
	}
	return out;
}

export function findDuplicate(core: Core, loc: Rec, data: Rec, exceptId?: string): { contact: Rec; field: string } | undefined {
	for (const field of loc.duplicateContactSequence as string[]) {
		const v = data[field];
		if (!v) continue;
		for (const c of core.state.contacts.values()) {
			if (c.locationId !== loc.id || c.id === exceptId) continue;
			if (field === 'email' ? emailKey(c.email) === emailKey(v) : field === 'phone' ? samePhone(c.phone, v) : c[field] === v) {
				return { contact: c, field };
			}
		}
	}
	return undefined;
}
export function duplicateError(d: { contact: Rec; field: string }): HttpError {
	return badRequest(MESSAGES.duplicate, {
		meta: { contactName: d.contact.name ?? [d.contact.firstName, d.contact.lastName].filter(Boolean).join(' '), contactId: d.contact.id, matchingField: d.field },
	});
}

export function publicContact(c: Rec): Rec {
	const out = clone(c);
	delete out.deleted;
	return out;
}
