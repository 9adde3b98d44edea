/**
 * POST /contacts/search (contacts.json; its SearchBodyV2DTO is empty, so the body follows
 * HighLevel's public "Search Contacts (advanced filters)" documentation): filters and groups,
 * query, sort, page / pageLimit windows and the searchAfter cursor.
 */
import { assertLocation } from '../core/auth.ts';
import { publicContact } from '../core/contact.ts';
import type { Core, Ctx, Rec, Routes } from '../core/types.ts';
import { badRequest, err, lower, ok, samePhone } from '../core/util.ts';

export function contactSearchRoutes(core: Core): Routes {
	return {
		'POST /contacts/search': (ctx) => ok(search(core, ctx)),
	};
}

const FILTER_OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'];

function fieldValue(c: Rec, field: string): unknown {
	const m = /^customFields?\.(.+)$/.exec(field);
	if (m) return c.customFields?.find((f: Rec) => f.id === m[1])?.value;
	if (field === 'email') return c.emailLowerCase ?? lower(c.email);
	return c[field];
}

function matchFilter(c: Rec, f: Rec, path: string): boolean {
	if (f.group !== undefined || f.filters !== undefined) {
		if (!['AND', 'OR'].includes(f.group)) throw err(422, [`${path}.group must be one of the following values: AND, OR`], { error: 'Unprocessable Entity' });
		const subs: Rec[] = Array.isArray(f.filters) ? f.filters : [];
		const results = subs.map((s, i) => matchFilter(c, s, `${path}.filters.${i}`));
		return f.group === 'AND' ? results.every(Boolean) : results.some(Boolean);
	}
	const errors: string[] = [];
	if (typeof f.field !== 'string' || !f.field) errors.push(`${path}.field should not be empty`);
	if (!FILTER_OPERATORS.includes(f.operator)) errors.push(`${path}.operator must be one of the following values: ${FILTER_OPERATORS.join(', ')}`);
	for (const k of Object.keys(f)) if (!['field', 'operator', 'value'].includes(k)) errors.push(`${path}.property ${k} should not exist`);
	if (errors.length) throw err(422, errors, { error: 'Unprocessable Entity' });
	const actual = fieldValue(c, f.field);
	const empty = actual === undefined || actual === null || actual === '' || (Array.isArray(actual) && actual.length === 0);
	const v = f.value;
	const eq = (a: unknown, b: unknown) =>
		f.field === 'phone' ? samePhone(a, b) : typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
	const contains = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase().includes(b.toLowerCase());
	const anyOf = (pred: (a: unknown, b: unknown) => boolean) => {
		const values = Array.isArray(v) ? v : [v];
		const actuals = Array.isArray(actual) ? actual : [actual];
		return values.some((b) => actuals.some((a) => pred(a, b)));
	};
	switch (f.operator) {
		case 'exists':
			return !empty;
		case 'not_exists':
			return empty;
		case 'eq':
			return anyOf(eq);
		case 'not_eq':
			return !anyOf(eq);
		case 'contains':
			return anyOf(contains);
		case 'not_contains':
			return !anyOf(contains);
		case 'range': {
			if (!v || typeof v !== 'object') throw err(422, [`${path}.value must be an object with gt/gte/lt/lte`], { error: 'Unprocessable Entity' });
			const num = (x: unknown) => (typeof x === 'number' ? x : Date.parse(String(x)) || Number(x));
			const a = num(actual);
			if (Number.isNaN(a)) return false;
			return (
				(v.gt === undefined || a > num(v.gt)) &&
				(v.gte === undefined || a >= num(v.gte)) &&
				(v.lt === undefined || a < num(v.lt)) &&
				(v.lte === undefined || a <= num(v.lte))
			);
		}
	}
	return false;
}

function sortKey(c: Rec, field: string): string | number {
	const v = fieldValue(c, field);
	if (field === 'dateAdded' || field === 'dateUpdated') return Date.parse(String(v)) || 0;
	if (typeof v === 'number') return v;
	return v === undefined || v === null ? '' : String(v).toLowerCase();
}

export function search(core: Core, ctx: Ctx): Rec {
	const b = ctx.body;
	assertLocation(core, ctx.auth, b.locationId);
	const filters: Rec[] = b.filters ?? [];
	let rows = [...core.state.contacts.values()].filter((c) => c.locationId === b.locationId);
	if (b.query) {
		const q = String(b.query).toLowerCase();
		rows = rows.filter((c) => [c.name, c.firstName, c.lastName, c.email, c.phone, c.companyName].some((x) => typeof x === 'string' && x.toLowerCase().includes(q)));
	}
	rows = rows.filter((c) => filters.every((f, i) => matchFilter(c, f, `filters.${i}`)));
	const sort: { field: string; direction: string }[] = b.sort?.length ? b.sort : [{ field: 'dateAdded', direction: 'desc' }];
	const cmp = (x: Rec, y: Rec) => {
		for (const s of sort) {
			const a = sortKey(x, s.field);
			const bb = sortKey(y, s.field);
			if (a < bb) return s.direction === 'asc' ? -1 : 1;
			if (a > bb) return s.direction === 'asc' ? 1 : -1;
		}
		return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
	};
	rows.sort(cmp);
	const total = rows.length;
	const pageLimit = b.pageLimit ?? 20;
	const limitErrors: string[] = [];
	if (!Number.isInteger(pageLimit)) limitErrors.push('pageLimit must be an integer number');
	if (pageLimit < 1) limitErrors.push('pageLimit must not be less than 1');
	if (pageLimit > core.config.search.maxPageLimit) limitErrors.push(`pageLimit must not be greater than ${core.config.search.maxPageLimit}`);
	if (limitErrors.length) throw err(422, limitErrors, { error: 'Unprocessable Entity' });
	let page: Rec[];
	if (Array.isArray(b.searchAfter) && b.searchAfter.length) {
		const [, afterId] = b.searchAfter;
		const anchor = core.state.contacts.get(String(afterId));
		let idx: number;
		if (anchor) idx = rows.findIndex((c) => cmp(c, anchor) > 0);
		else {
			// anchor deleted since: compare on the primary sort value + id
			const [afterVal] = b.searchAfter;
			idx = rows.findIndex((c) => {
				const k = sortKey(c, sort[0].field);
				return sort[0].direction === 'asc' ? k > afterVal || (k === afterVal && c.id > afterId) : k < afterVal || (k === afterVal && c.id > afterId);
			});
		}
		page = idx < 0 ? [] : rows.slice(idx, idx + pageLimit);
	} else {
		const p = b.page ?? 1;
		if (!Number.isInteger(p) || p < 1) throw err(422, ['page must not be less than 1'], { error: 'Unprocessable Entity' });
		if (p * pageLimit > core.config.search.maxPageWindow) {
			throw badRequest(`page * pageLimit must not exceed ${core.config.search.maxPageWindow}; use searchAfter for deeper pagination`);
		}
		page = rows.slice((p - 1) * pageLimit, p * pageLimit);
	}
	return {
		contacts: page.map((c) => ({ ...publicContact(c), searchAfter: [sortKey(c, sort[0].field), c.id] })),
		total,
	};
}
