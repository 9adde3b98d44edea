import {
	createMarker,
	echoDigest,
	eventValues,
	findMarker,
	isEchoOf,
	normaliseValue,
	parseMarker,
	writtenValues,
} from '../../../../../nodes/Ghl/sync/echoMarker';

const NOW = 1_800_000_000_000;

describe('echo marker: format', () => {
	it('round-trips: nonce, epoch seconds, the sorted field list and a 16-character digest', () => {
		const text = createMarker({ email: 'a@b.co', tags: ['x'], 'cf.abc123': 'v' }, NOW, 'n0nce_-AB');
		expect(text).toMatch(/^n8n-echo:v1:n0nce_-AB:1800000000:cf\.abc123,email,tags:[A-Za-z0-9_-]{16}$/);
		expect(parseMarker(text)).toEqual({
			nonce: 'n0nce_-AB',
			epochSeconds: 1_800_000_000,
			fields: ['cf.abc123', 'email', 'tags'],
			digest: text.slice(-16),
		});
	});

	it('makes a fresh random base64url nonce of 12 characters each time', () => {
		const a = parseMarker(createMarker({ email: 'a@b.co' }))!;
		const b = parseMarker(createMarker({ email: 'a@b.co' }))!;
		expect(a.nonce).toMatch(/^[A-Za-z0-9_-]{12}$/);
		expect(a.nonce).not.toBe(b.nonce);
		expect(a.digest).toBe(b.digest);
	});

	it.each([
		['another prefix', 'n8n-echo:v2:abcdefgh:1:email:AAAAAAAAAAAAAAAA'],
		['a short nonce', 'n8n-echo:v1:abc:1:email:AAAAAAAAAAAAAAAA'],
		['a short digest', 'n8n-echo:v1:abcdefgh:1:email:AAAA'],
		['a non-numeric epoch', 'n8n-echo:v1:abcdefgh:soon:email:AAAAAAAAAAAAAAAA'],
		['a field with a colon', 'n8n-echo:v1:abcdefgh:1:e:mail:AAAAAAAAAAAAAAAA'],
		['not a string', 42],
	])('refuses %s', (_label, text) => {
		expect(parseMarker(text)).toBeUndefined();
	});

	it('finds the marker among custom field values without knowing the field ID (value, fieldValue, field_value)', () => {
		const marker = createMarker({ email: 'a@b.co' }, NOW, 'abcdefgh');
		expect(findMarker([{ id: 'x', value: 'XYZ Corp' }, { id: 'm', value: marker }])?.nonce).toBe('abcdefgh');
		expect(findMarker([{ id: 'm', fieldValue: marker }])?.nonce).toBe('abcdefgh');
		expect(findMarker([{ id: 'm', field_value: ` ${marker} ` }])?.nonce).toBe('abcdefgh');
		expect(findMarker([{ id: 'm', value: 'n8n-echo:v1:broken' }])).toBeUndefined();
		expect(findMarker(undefined)).toBeUndefined();
		expect(findMarker('n8n-echo')).toBeUndefined();
	});
});

describe('echo marker: normalisation (as GHL stores the data)', () => {
	it.each([
		['email', '  Jane@Example.COM ', 'jane@example.com'],
		['phone', '+1 (415) 555-0123', '4155550123'],
		['phone', '415.555.0123', '4155550123'],
		['firstName', '  Mary   Ann ', 'Mary Ann'],
		['city', 'New\tYork ', 'New York'],
		['dnd', true, 'true'],
		['dnd', undefined, 'false'],
		['dateOfBirth', '2000-01-05T00:00:00.000Z', '2000-01-05'],
		['dndSettings.SMS', { status: 'Active', message: 'x', code: '101' }, 'active'],
		['monetaryValue', '1500.50', '1500.5'],
		['monetaryValue', 1500.5, '1500.5'],
		['cf.n1', 72, '72'],
		['cf.t1', '  text ', 'text'],
		['cf.c1', ['b', ' a '], ['a', 'b']],
		['lastName', null, ''],
	])('%s %j → %j', (field, value, expected) => {
		expect(normaliseValue(field, value)).toEqual(expected);
	});

	it('tags: trimmed, lower-cased, de-duplicated, sorted (a list or comma text)', () => {
		expect(normaliseValue('tags', [' Hot', 'scoreapp', 'hot ', 'Lead'])).toEqual(['hot', 'lead', 'scoreapp']);
		expect(normaliseValue('tags', 'Lead, hot')).toEqual(['hot', 'lead']);
		expect(normaliseValue('tags', undefined)).toEqual([]);
	});

	it('an E.164 phone with the country code matches the national number written', () => {
		expect(echoDigest(['phone'], { phone: '(415) 555-0123' })).toBe(echoDigest(['phone'], { phone: '+14155550123' }));
		expect(echoDigest(['phone'], { phone: '415 555 0123' })).not.toBe(echoDigest(['phone'], { phone: '+14155550124' }));
	});
});

describe('echo marker: recognising the write in an event', () => {
	const written = {
		email: 'Jane@Example.com ',
		phone: '(415) 555-0123',
		firstName: ' Jane ',
		tags: ['Hot', 'hot', 'ScoreApp'],
		customFields: [{ id: 'cfScore', field_value: 87 }, { id: 'cfMarker', field_value: 'old marker' }],
		locationId: 'loc',
	};
	const marker = parseMarker(createMarker(writtenValues('contact', written, 'cfMarker'), NOW))!;
	const event = {
		type: 'ContactUpdate',
		email: 'jane@example.com',
		phone: '+14155550123',
		firstName: 'Jane',
		lastName: 'Someone Else Set This',
		tags: ['scoreapp', 'hot'],
		customFields: [{ id: 'cfScore', value: '87' }, { id: 'cfMarker', value: 'n8n-echo:…' }],
	};

	it('covers exactly what the write set (no locationId, no marker field)', () => {
		expect(marker.fields).toEqual(['cf.cfScore', 'email', 'firstName', 'phone', 'tags']);
	});

	it('recognises the event after GHL normalised email, phone, name and tags', () => {
		expect(isEchoOf(marker, eventValues(event))).toBe(true);
	});

	it.each([
		['the email', { email: 'jane@other.com' }],
		['the phone', { phone: '+14155550199' }],
		['the first name', { firstName: 'Janet' }],
		['a tag added', { tags: ['scoreapp', 'hot', 'vip'] }],
		['a tag removed', { tags: ['hot'] }],
		['the custom field', { customFields: [{ id: 'cfScore', value: '88' }] }],
		['the custom field cleared', { customFields: [] }],
	])('a change in GHL to %s is not the echo', (_label, change) => {
		expect(isEchoOf(marker, eventValues({ ...event, ...change }))).toBe(false);
	});

	it('a change to a field the write did not set still matches (consumption tells them apart)', () => {
		expect(isEchoOf(marker, eventValues({ ...event, city: 'Paris' }))).toBe(true);
	});

	it('DND per channel: each channel written is a field of its own', () => {
		const values = writtenValues('contact', { dnd: false, dndSettings: { SMS: { status: 'active', message: 'stop' } } }, 'm');
		expect(Object.keys(values).sort()).toEqual(['dnd', 'dndSettings.SMS']);
		const dndMarker = parseMarker(createMarker(values, NOW))!;
		const dndEvent = { dnd: false, dndSettings: { SMS: { status: 'active', message: 'stop', code: '101' }, Email: { status: 'inactive' } } };
		expect(isEchoOf(dndMarker, eventValues(dndEvent))).toBe(true);
		expect(isEchoOf(dndMarker, eventValues({ ...dndEvent, dndSettings: { SMS: { status: 'inactive' } } }))).toBe(false);
	});

	it('opportunities: name, status, pipeline, stage, value and owner, not custom fields', () => {
		const body = { name: 'Deal ', status: 'open', pipelineId: 'p1', pipelineStageId: 's2', monetaryValue: 1500, assignedTo: 'u1', contactId: 'c1', locationId: 'l', customFields: [{ id: 'x', field_value: 1 }] };
		const values = writtenValues('opportunity', body, 'm');
		expect(Object.keys(values).sort()).toEqual(['assignedTo', 'monetaryValue', 'name', 'pipelineId', 'pipelineStageId', 'status']);
		const opportunityMarker = parseMarker(createMarker(values, NOW))!;
		const record = { id: 'o1', name: 'Deal', status: 'open', pipelineId: 'p1', pipelineStageId: 's2', monetaryValue: '1500.00', assignedTo: 'u1' };
		expect(isEchoOf(opportunityMarker, eventValues(record))).toBe(true);
		expect(isEchoOf(opportunityMarker, eventValues({ ...record, pipelineStageId: 's3' }))).toBe(false);
	});
});
