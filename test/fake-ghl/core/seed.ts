/**
 * Seeding: records from a SeedInput (or the 'default' seed, see DEFAULT_IDS) into the state, and
 * reset() back to an empty state with the start-up config (webhooks off).
 */
import { eventFrom } from './calendar.ts';
import { contactFrom } from './contact.ts';
import { DEFAULT_IDS } from './constants.ts';
import { ALL_SCOPES } from './routing.ts';
import { defaultDealsSeed, seedDeals } from './seedDeals.ts';
import { addClient, addLocation, emptyState, setRng } from './state.ts';
import type { Core, FakeState, Rec, SeedInput } from './types.ts';
import { clone, newId } from './util.ts';
import { emptyHooks, stopWebhooks } from './webhooks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function seed(core: Core, input: SeedInput | 'default'): Rec {
	const s: SeedInput = input === 'default' ? defaultSeed() : input;
	const out: Rec = {};
	const push = (k: string, v: Rec) => (out[k] ??= []).push(clone(v));
	for (const c of s.companies ?? []) {
		const id = c.id ?? newId();
		core.state.companies.set(id, { name: `Company ${id}`, ...c, id });
		push('companies', core.state.companies.get(id)!);
	}
	for (const l of s.locations ?? []) push('locations', addLocation(core, l));
	for (const u of s.users ?? []) {
		const id = u.id ?? newId();
		const { locationIds, role, type, ...rest } = u;
		const user: Rec = {
			id,
			name: [u.firstName, u.lastName].filter(Boolean).join(' '),
			firstName: '',
			lastName: '',
			email: `${id.toLowerCase()}@example.test`,
			phone: '',
			extension: '',
			permissions: {},
			scopes: '',
			deleted: false,
			...rest,
			companyId: u.companyId ?? core.state.locations.get(locationIds?.[0])?.companyId ?? DEFAULT_IDS.companyId,
			roles: { type: type ?? 'account', role: role ?? 'user', locationIds: locationIds ?? [] },
		};
		core.state.users.set(id, user);
		push('users', user);
	}
	for (const cf of s.customFields ?? []) {
		const id = cf.id ?? newId();
		const rec = {
			id,
			name: cf.name ?? id,
			fieldKey: cf.fieldKey ?? `contact.${String(cf.name ?? id).toLowerCase().replace(/\W+/g, '_')}`,
			placeholder: '',
			dataType: 'TEXT',
			position: core.state.customFields.size,
			picklistOptions: [],
			model: 'contact',
			...cf,
		};
		rec.id = id;
		core.state.customFields.set(id, rec);
		push('customFields', rec);
	}
	for (const t of s.tags ?? []) {
		const id = t.id ?? newId();
		core.state.tags.set(id, { id, locationId: t.locationId, name: String(t.name).toLowerCase() });
		push('tags', core.state.tags.get(id)!);
	}
	for (const c of s.contacts ?? []) {
		const { id, dateAdded, ...rest } = c;
		const rec = contactFrom(core, rest);
		if (id) rec.id = id;
		if (dateAdded) rec.dateAdded = typeof dateAdded === 'number' ? core.iso(dateAdded) : dateAdded;
		core.state.contacts.set(rec.id, rec);
		push('contacts', rec);
	}
	for (const c of s.calendars ?? []) {
		const id = c.id ?? newId();
		const rec: Rec = {
			id,
			name: `Calendar ${id}`,
			description: '',
			isActive: true,
			calendarType: 'event',
			widgetType: 'default',
			eventType: 'RoundRobin_OptimizeForAvailability',
			slug: id.toLowerCase(),
			widgetSlug: id.toLowerCase(),
			groupId: '',
			teamMembers: [],
			notifications: [],
			slotDuration: 30,
			slotDurationUnit: 'mins',
			slotInterval: 30,
			slotIntervalUnit: 'mins',
			slotBuffer: 0,
			preBuffer: 0,
			appoinmentPerSlot: 1,
			appoinmentPerDay: 0,
			openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }],
			availabilityType: 0,
			autoConfirm: true,
			allowReschedule: true,
			allowCancellation: true,
			...c,
		};
		rec.id = id;
		core.state.calendars.set(id, rec);
		push('calendars', rec);
	}
	for (const a of s.appointments ?? []) {
		const cal = core.state.calendars.get(a.calendarId);
		const rec = eventFrom(core, { locationId: cal?.locationId, ...a }, cal);
		if (a.id) rec.id = a.id;
		core.state.appointments.set(rec.id, rec);
		push('appointments', rec);
	}
	for (const t of s.tasks ?? []) {
		const id = t.id ?? newId();
		const rec = { title: '', body: '', assignedTo: undefined, dueDate: core.iso(), completed: false, ...t, id };
		core.state.tasks.set(id, rec);
		push('tasks', rec);
	}
	for (const n of s.notes ?? []) {
		const id = n.id ?? newId();
		const rec = { body: '', dateAdded: core.iso(), ...n, id };
		core.state.notes.set(id, rec);
		push('notes', rec);
	}
	seedDeals(core, s, push);
	for (const c of s.clients ?? []) push('clients', addClient(core, c));
	for (const p of s.privateTokens ?? []) {
		const token = p.token ?? `pit-${newId(8).toLowerCase()}-${newId(4).toLowerCase()}-${newId(12).toLowerCase()}`;
		const loc = p.locationId ? core.state.locations.get(p.locationId) : undefined;
		const rec = {
			token,
			authClass: p.locationId ? 'Location' : 'Company',
			locationId: p.locationId,
			companyId: p.companyId ?? loc?.companyId ?? DEFAULT_IDS.companyId,
			scopes: p.scopes ?? ALL_SCOPES,
			clientId: `private-integration:${token.slice(0, 16)}`,
		};
		core.state.privateTokens.set(token, rec);
		push('privateTokens', rec);
	}
	return out;
}

function defaultSeed(): SeedInput {
	const I = DEFAULT_IDS;
	const deals = defaultDealsSeed();
	return {
		...deals,
		companies: [{ id: I.companyId, name: 'Fake Agency' }],
		locations: [
			{ id: I.locationA, companyId: I.companyId, name: 'Fake Location A', timezone: 'America/New_York', allowDuplicateContact: false },
			{ id: I.locationB, companyId: I.companyId, name: 'Fake Location B', timezone: 'Europe/London', allowDuplicateContact: true },
		],
		users: [
			{ id: I.userA, firstName: 'Ada', lastName: 'Admin', email: 'ada@example.test', locationIds: [I.locationA], role: 'admin' },
			{ id: I.userAB, firstName: 'Bob', lastName: 'Both', email: 'bob@example.test', locationIds: [I.locationA, I.locationB] },
		],
		customFields: [{ id: I.customFieldA, locationId: I.locationA, name: 'Score', fieldKey: 'contact.score', dataType: 'NUMERICAL' }, ...(deals.customFields ?? [])],
		calendars: [
			{ id: I.calendarA, locationId: I.locationA, name: 'Intro Call', teamMembers: [{ userId: I.userA, priority: 1, isPrimary: true }] },
			{ id: I.calendarB, locationId: I.locationB, name: 'Consultation', teamMembers: [{ userId: I.userAB, priority: 1 }] },
		],
		clients: [{ clientId: I.clientId, clientSecret: I.clientSecret, name: 'fake-ghl default app' }],
		privateTokens: [
			{ token: I.privateTokenA, locationId: I.locationA },
			{ token: I.privateTokenB, locationId: I.locationB },
		],
	};
}

export function reset(core: Core, seedInput?: SeedInput | 'default'): void {
	const fresh = emptyState();
	for (const k of Object.keys(fresh) as (keyof FakeState)[]) (core.state as any)[k] = fresh[k];
	core.config = clone(core.initialConfig);
	setRng(core);
	stopWebhooks(core.hooks);
	core.hooks = emptyHooks();
	if (seedInput) seed(core, seedInput);
}
