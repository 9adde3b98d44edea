/**
 * What the fake stores for a contact's identity fields, the way GHL stores them (README.md,
 * "Normalisation"): phone in E.164, email trimmed (case kept, compared case-insensitively),
 * first and last name trimmed, tags trimmed, lower-cased and de-duplicated (util.normTags).
 */
import type { Rec } from './types.ts';
import { normTags } from './util.ts';

/**
 * E.164 for the fake's (US) locations: formatting dropped (`+` and digits kept); `00…` → `+…`;
 * 10 digits → `+1…`; 11 digits starting with 1 → `+1…`; any other digit string is taken to carry
 * its country code (`+` prepended). A value without digits (e.g. `''`) is kept as given.
 */
export function e164(phone: unknown): unknown {
	if (typeof phone !== 'string') return phone;
	const t = phone.trim();
	const d = t.replace(/\D/g, '');
	if (!d) return t;
	if (t.startsWith('+')) return `+${d}`;
	if (d.startsWith('00')) return `+${d.slice(2)}`;
	if (d.length === 10) return `+1${d}`;
	return `+${d}`;
}

export const trimmed = (v: unknown): unknown => (typeof v === 'string' ? v.trim() : v);

/** An email for comparing: trimmed and lower-cased. */
export const emailKey = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/** A contact body (create, update, upsert, admin UI edit) with the stored forms of its fields. */
export function normalizeContactInput(input: Rec): Rec {
	const out: Rec = { ...input };
	if ('phone' in out) out.phone = e164(out.phone);
	for (const k of ['email', 'firstName', 'lastName', 'name']) if (k in out) out[k] = trimmed(out[k]);
	if ('tags' in out && out.tags !== undefined) out.tags = normTags(out.tags);
	return out;
}
