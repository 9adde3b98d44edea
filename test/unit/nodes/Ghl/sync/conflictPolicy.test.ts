import type { IDataObject } from 'n8n-workflow';

import {
	decideWrite,
	fieldNames,
	fillEmptyFields,
	ghlUpdatedAt,
	isEmptyValue,
	missingFrom,
	narrowTo,
	skippedOutput,
} from '../../../../../nodes/Ghl/sync/conflictPolicy';

const at = (iso: string) => Date.parse(iso);

describe('isEmptyValue', () => {
	it.each([
		['undefined (missing)', undefined, true],
		['null', null, true],
		["''", '', true],
		['[]', [], true],
		['false', false, false],
		['0', 0, false],
		["' '", ' ', false],
		['a string', 'x', false],
		['a list', ['a'], false],
	])('%s → %s', (_, value, empty) => {
		expect(isEmptyValue(value)).toBe(empty);
	});
});

describe('fillEmptyFields', () => {
	it('sends only the fields that are missing, null, empty or [] in GHL', () => {
		const existing = { firstName: 'Jane', lastName: null, city: '', website: [], dnd: false, source: 'ads' };
		const body = { firstName: 'J', lastName: 'Doe', city: 'Oslo', website: 'x.io', postalCode: '0150', dnd: true, source: 'ScoreApp', locationId: 'loc' };
		expect(fillEmptyFields(existing, body)).toEqual({
			body: { lastName: 'Doe', city: 'Oslo', website: 'x.io', postalCode: '0150', locationId: 'loc' },
			filled: ['lastName', 'city', 'website', 'postalCode'],
			kept: ['firstName', 'dnd', 'source'],
		});
	});

	it('compares custom fields one by one, by id (contacts read `value`, opportunities `fieldValue`)', () => {
		const existing = { customFields: [{ id: 'a', value: 'set' }, { id: 'b', value: '' }, { id: 'c', fieldValue: ['x'] }, { id: 'd', fieldValue: [] }] };
		const body = { customFields: [{ id: 'a', field_value: 1 }, { id: 'b', field_value: 2 }, { id: 'c', field_value: 3 }, { id: 'd', field_value: 4 }, { id: 'e', field_value: 5 }] };
		expect(fillEmptyFields(existing, body)).toEqual({
			body: { customFields: [{ id: 'b', field_value: 2 }, { id: 'd', field_value: 4 }, { id: 'e', field_value: 5 }] },
			filled: ['customFields.b', 'customFields.d', 'customFields.e'],
			kept: ['customFields.a', 'customFields.c'],
		});
	});

	it('drops customFields when every one is set in GHL', () => {
		expect(fillEmptyFields({ customFields: [{ id: 'a', value: 'v' }] }, { customFields: [{ id: 'a', field_value: 'w' }] })).toEqual({
			body: {},
			filled: [],
			kept: ['customFields.a'],
		});
	});

	it('tags: the union with GHL\'s (case-insensitive), filled only when one is new', () => {
		expect(fillEmptyFields({ tags: ['old', 'hot'] }, { tags: ['HOT', 'new'] })).toEqual({ body: { tags: ['old', 'hot', 'new'] }, filled: ['tags'], kept: [] });
		expect(fillEmptyFields({ tags: ['old', 'hot'] }, { tags: ['Hot'] })).toEqual({ body: {}, filled: [], kept: ['tags'] });
		expect(fillEmptyFields({}, { tags: ['a'] })).toEqual({ body: { tags: ['a'] }, filled: ['tags'], kept: [] });
	});

	it('followers are added like tags', () => {
		expect(fillEmptyFields({ followers: ['u1'] }, { followers: ['u1', 'u2'] })).toEqual({ body: { followers: ['u1', 'u2'] }, filled: ['followers'], kept: [] });
	});
});

describe('missingFrom / fieldNames / narrowTo', () => {
	it('missingFrom: what the list lacks, any list shape', () => {
		expect(missingFrom(['A'], ['a', 'b'])).toEqual(['b']);
		expect(missingFrom(undefined, ['a'])).toEqual(['a']);
	});

	it('fieldNames: every field set, custom fields by id, no control keys', () => {
		expect(fieldNames({ email: 'e', locationId: 'l', createNewIfDuplicateAllowed: true, customFields: [{ id: 'x', field_value: 1 }] })).toEqual(['email', 'customFields.x']);
	});

	it('narrowTo: the same object, now holding what is sent', () => {
		const body: IDataObject = { a: 1, b: 2, followers: ['u'] };
		narrowTo(body, { b: 3, followers: ['u'] }, ['followers']);
		expect(body).toEqual({ b: 3 });
		narrowTo(body, body);
		expect(body).toEqual({ b: 3 });
	});
});

describe('ghlUpdatedAt', () => {
	it('contacts: dateUpdated, else dateAdded', () => {
		expect(ghlUpdatedAt({ dateUpdated: '2026-02-01T00:00:00.000Z', dateAdded: '2026-01-01T00:00:00.000Z' }, 'contact')).toBe(at('2026-02-01T00:00:00Z'));
		expect(ghlUpdatedAt({ dateAdded: '2026-01-01T00:00:00.000Z' }, 'contact')).toBe(at('2026-01-01T00:00:00Z'));
	});

	it('opportunities: updatedAt, else createdAt; offset-less GHL times read as UTC', () => {
		expect(ghlUpdatedAt({ updatedAt: '2026-02-01 10:00:00', createdAt: '2026-01-01T00:00:00Z' }, 'opportunity')).toBe(at('2026-02-01T10:00:00Z'));
		expect(ghlUpdatedAt({ createdAt: '2026-01-01T00:00:00Z' }, 'opportunity')).toBe(at('2026-01-01T00:00:00Z'));
	});

	it('no readable date → undefined', () => {
		expect(ghlUpdatedAt({ dateUpdated: 'soon' }, 'contact')).toBeUndefined();
		expect(ghlUpdatedAt({}, 'opportunity')).toBeUndefined();
	});
});

describe('skippedOutput / decideWrite', () => {
	const record = { id: 'c1', dateUpdated: '2026-03-01T12:00:00.000Z' };

	it('GHL changed after the source → the skipped item', () => {
		expect(skippedOutput(record, 'contact', at('2026-03-01T11:59:59.999Z'))).toEqual({
			skipped: true,
			reason: 'Changed in GHL after the source',
			ghlUpdatedAt: '2026-03-01T12:00:00.000Z',
			sourceUpdatedAt: '2026-03-01T11:59:59.999Z',
			id: 'c1',
		});
	});

	it.each([
		['equal', '2026-03-01T12:00:00.000Z'],
		['older in GHL', '2026-03-02T00:00:00.000Z'],
	])('%s → written', (_, source) => {
		expect(skippedOutput(record, 'contact', at(source))).toBeUndefined();
		expect(decideWrite({ mode: 'skipIfChanged', sourceUpdatedAt: at(source) }, record, 'contact', { firstName: 'A' })).toEqual({ body: { firstName: 'A' } });
	});

	it('overwrite passes the body through, without a report', () => {
		expect(decideWrite({ mode: 'overwrite' }, undefined, 'contact', { a: 1 })).toEqual({ body: { a: 1 } });
	});

	it('fill empty without a record: everything is filled', () => {
		expect(decideWrite({ mode: 'fillEmpty' }, undefined, 'contact', { a: 1, locationId: 'l' })).toEqual({ body: { a: 1, locationId: 'l' }, report: { filled: ['a'], kept: [] } });
	});

	it('skip without a record (a new one) writes', () => {
		expect(decideWrite({ mode: 'skipIfChanged', sourceUpdatedAt: 0 }, undefined, 'opportunity', { a: 1 })).toEqual({ body: { a: 1 } });
	});
});
