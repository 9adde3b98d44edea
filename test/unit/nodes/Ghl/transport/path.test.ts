import type { IDataObject, INode } from 'n8n-workflow';
import nock from 'nock';

import { buildPath, segmentProblem, userPathTemplate } from '../../../../../nodes/Ghl/transport/path';
import { locator, oauthCompanyCredentials } from '../../../../helpers/context';
import { HOSTILE } from '../../../../helpers/hostile';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

const node = { name: 'HighLevel' } as INode;

describe('segmentProblem / buildPath', () => {
	it.each(HOSTILE)('refuses %j as a segment', (value) => {
		expect(segmentProblem(value)).toBeDefined();
		expect(() => buildPath(node, 3, '/contacts/{contactId}', { contactId: value })).toThrow(/contactId: .*\(item 3\)/);
	});

	it('percent-encodes every other segment', () => {
		expect(buildPath(node, 0, '/contacts/{contactId}/tasks/{taskId}', { contactId: 'a b'.replace(' ', '+'), taskId: 'x@y:1' })).toBe(
			'/contacts/a%2Bb/tasks/x%40y%3A1',
		);
		expect(buildPath(node, 0, '/contacts/{id}', { id: '...' })).toBe('/contacts/...');
	});

	it('refuses a template that is not one (interpolated values, dot segments, a missing segment)', () => {
		expect(() => buildPath(node, 0, '/contacts/../users')).toThrow(/not a path template/);
		expect(() => buildPath(node, 0, '/contacts/a\\b')).toThrow(/not a path template/);
		expect(() => buildPath(node, 0, 'https://evil.example/x')).toThrow(/not a path template/);
		expect(() => buildPath(node, 0, '/contacts/%2e%2e')).toThrow(/not a path template/);
		expect(() => buildPath(node, 0, '/contacts/{contactId}')).toThrow(/no value for \{contactId\}/);
	});
});

describe('userPathTemplate (API Request paths)', () => {
	it.each([
		['/contacts/c1', '/{s0}/{s1}', { s0: 'contacts', s1: 'c1' }],
		['contacts/c1', '/{s0}/{s1}', { s0: 'contacts', s1: 'c1' }],
		['  /users/  ', '/{s0}/', { s0: 'users' }],
		['/calendars/events/appointments/e1', '/{s0}/{s1}/{s2}/{s3}', { s0: 'calendars', s1: 'events', s2: 'appointments', s3: 'e1' }],
	])('%j → %s', (path, template, segments) => {
		expect(userPathTemplate(node, 0, 'Path', path)).toEqual({ template, segments });
		expect(buildPath(node, 0, template, segments)).toBe(`/${String(path).trim().replace(/^\//, '')}`);
	});

	// A "/" inside a crafted ID only makes one more segment here, and an empty one a trailing slash.
	it.each([...HOSTILE.filter((value) => value && !value.includes('/')).map((value) => `/contacts/${value}`), '../users', 'https://evil.example/x', '//evil.example', 'mailto:x@y.z', '/contacts//x', '/', ''])(
		'refuses %j before anything is built',
		(path) => {
			expect(() => userPathTemplate(node, 2, 'Path', path)).toThrow(/^Path: .*\(item 2\)$/);
		},
	);
});

const c = (value: string) => locator('id', value);

/** Every operation that puts an ID into a path, with the parameters it needs and where the ID goes. */
const OPERATIONS: Array<{ name: string; field: RegExp; parameters: (id: string) => IDataObject }> = [
	{ name: 'contact get', field: /^Contact:/, parameters: (id) => ({ resource: 'contact', operation: 'get', contactId: c(id), options: {} }) },
	{ name: 'contact update', field: /^Contact:/, parameters: (id) => ({ resource: 'contact', operation: 'update', contactId: c(id), updateFields: { firstName: 'A' }, options: {} }) },
	{ name: 'contact delete', field: /^Contact:/, parameters: (id) => ({ resource: 'contact', operation: 'delete', contactId: c(id) }) },
	{ name: 'contact addTags', field: /^Contact:/, parameters: (id) => ({ resource: 'contact', operation: 'addTags', contactId: c(id), tags: 'a' }) },
	{ name: 'contact removeTags', field: /^Contact:/, parameters: (id) => ({ resource: 'contact', operation: 'removeTags', contactId: c(id), tags: 'a' }) },
	{ name: 'contact getAll by business', field: /^Business ID:/, parameters: (id) => ({ resource: 'contact', operation: 'getAll', source: 'business', businessId: id, returnAll: false, limit: 5, filters: {}, options: {} }) },
	...(['create', 'getAll'] as const).map((operation) => ({
		name: `task ${operation}`,
		field: /^Contact:/,
		parameters: (id: string) => ({ resource: 'task', operation, contactId: c(id), title: 'T', dueDate: '2026-06-01T10:00:00Z', returnAll: true, additionalFields: {}, options: {} }),
	})),
	...(['get', 'update', 'complete', 'delete'] as const).flatMap((operation) => [
		{ name: `task ${operation} (contact)`, field: /^Contact:/, parameters: (id: string) => ({ resource: 'task', operation, contactId: c(id), taskId: 't1', completed: true, updateFields: { title: 'x' }, options: {} }) },
		{ name: `task ${operation} (task)`, field: /^Task ID:/, parameters: (id: string) => ({ resource: 'task', operation, contactId: c('c1'), taskId: id, completed: true, updateFields: { title: 'x' }, options: {} }) },
	]),
	...(['create', 'getAll'] as const).map((operation) => ({
		name: `note ${operation}`,
		field: /^Contact:/,
		parameters: (id: string) => ({ resource: 'note', operation, contactId: c(id), body: 'B', returnAll: true, additionalFields: {}, options: {} }),
	})),
	...(['get', 'update', 'delete'] as const).flatMap((operation) => [
		{ name: `note ${operation} (contact)`, field: /^Contact:/, parameters: (id: string) => ({ resource: 'note', operation, contactId: c(id), noteId: 'n1', updateFields: { body: 'x' }, options: {} }) },
		{ name: `note ${operation} (note)`, field: /^Note ID:/, parameters: (id: string) => ({ resource: 'note', operation, contactId: c('c1'), noteId: id, updateFields: { body: 'x' }, options: {} }) },
	]),
	...(['get', 'update', 'delete'] as const).map((operation) => ({
		name: `appointment ${operation}`,
		field: /^Appointment ID:/,
		parameters: (id: string) => ({ resource: 'appointment', operation, appointmentId: id, updateFields: { title: 'x' }, options: {} }),
	})),
	{ name: 'appointment getAll', field: /^Contact:/, parameters: (id) => ({ resource: 'appointment', operation: 'getAll', contactId: c(id), returnAll: true, options: {} }) },
	{ name: 'appointment create (calendar)', field: /^Calendar:/, parameters: (id) => ({ resource: 'appointment', operation: 'create', calendarId: c(id), contactId: c('c1'), startTime: '2026-06-01T10:00:00Z', additionalFields: {}, options: {} }) },
	{ name: 'appointment create (contact)', field: /^Contact:/, parameters: (id) => ({ resource: 'appointment', operation: 'create', calendarId: c('cal1'), contactId: c(id), startTime: '2026-06-01T10:00:00Z', additionalFields: { endTime: '2026-06-01T11:00:00Z' }, options: {} }) },
	{ name: 'appointment getFreeSlots', field: /^Calendar:/, parameters: (id) => ({ resource: 'appointment', operation: 'getFreeSlots', calendarId: c(id), startDate: '2026-06-01', endDate: '2026-06-02', options: {} }) },
	{ name: 'conversation sendMessage', field: /^Contact:/, parameters: (id) => ({ resource: 'conversation', operation: 'sendMessage', contactId: c(id), type: 'SMS', message: 'Hi', additionalFields: {}, options: {} }) },
	{ name: 'conversation getMessages', field: /^Contact:/, parameters: (id) => ({ resource: 'conversation', operation: 'getMessages', contactId: c(id), returnAll: true, filters: {} }) },
];

describe('every operation refuses a crafted ID before any request', () => {
	for (const operation of OPERATIONS) {
		it.each(HOSTILE.filter(Boolean))(`${operation.name}: %j`, async (id) => {
			// No interceptor: any request at all would fail the test with a network error instead.
			const run = runNode({ parameters: { location: locator('list', ''), ...operation.parameters(id) } });
			await expect(run).rejects.toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(operation.field) });
			await expect(run).rejects.toMatchObject({ message: expect.stringContaining('(item 0)') });
		});
	}

	it('an agency Location from workflow data is checked before a token is minted for it', async () => {
		const run = runNode({
			credentials: oauthCompanyCredentials,
			parameters: { resource: 'contact', operation: 'get', location: '..\\..\\users', contactId: c('c1'), options: {} },
		});
		await expect(run).rejects.toMatchObject({ message: expect.stringMatching(/^Location: .* is not a valid GHL ID \(item 0\)/) });
	});

	it('an ID that needs escaping reaches GHL percent-encoded, not decoded into the path', async () => {
		ghl().delete('/contacts/a%3Ab%40c').reply(200, { succeded: true });
		await runNode({ parameters: { resource: 'contact', operation: 'delete', contactId: c('a:b@c') } });
		expect(nock.pendingMocks()).toEqual([]);
	});
});
