/**
 * Every operation of every resource, run by a real n8n from the installed package against the fake
 * GHL API: one execution chains contact → task → note → appointment operations (OAuth2 sub-account
 * credential), a second one deletes. Asserted: what the nodes output, what reached the fake (the
 * request log: method, path, Version header, body) and what the fake stored.
 */
import type { LoggedRequest } from '../harness/fake';
import { IDS } from '../harness/fixtures';
import { expectSuccess, firstOf, matching, nextWeekday, outputOf, setup, unique, uniquePhone } from '../harness/helpers';
import type { Execution } from '../harness/n8n';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setup();
const workflow = ctx.workflows.allOps;

const OPERATIONS = {
	contact: ['create', 'upsert', 'get', 'getAll', 'update', 'addTags', 'removeTags', 'delete'],
	task: ['create', 'get', 'getAll', 'update', 'complete', 'delete'],
	note: ['create', 'get', 'getAll', 'update', 'delete'],
	appointment: ['getFreeSlots', 'create', 'get', 'getAll', 'update', 'delete'],
};

const email = `${unique('ada')}@e2e.test`;
const phone = uniquePhone();
const day = nextWeekday();
const dueDate = `${day}T15:00:00.000Z`;

let execution: Execution;
let requests: LoggedRequest[];
let ids: { contactId: string; taskId: string; noteId: string; appointmentId: string };

const ms = (value: unknown) => Date.parse(String(value));

beforeAll(async () => {
	const since = await fake.lastSeq();
	({ execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { email, phone, day, dueDate }));
	requests = await fake.requests(since);
	expectSuccess(execution);
	ids = {
		contactId: firstOf(execution, 'Contact: create').id,
		taskId: firstOf(execution, 'Task: create').id,
		noteId: firstOf(execution, 'Note: create').id,
		appointmentId: firstOf(execution, 'Appointment: create').id,
	};
});

test('one execution ran every non-delete operation node once, in order, with no error', () => {
	expect(execution.status).toBe('success');
	expect(execution.mode).toBe('webhook');
	const expected = Object.entries(OPERATIONS).flatMap(([resource, operations]) =>
		operations.filter((operation) => operation !== 'delete').map((operation) => `${resource[0].toUpperCase()}${resource.slice(1)}: ${operation}`),
	);
	for (const node of expected) {
		expect(execution.runs[node]).toHaveLength(1);
		expect(execution.runs[node][0].error).toBeUndefined();
	}
	expect(Object.keys(execution.runs).sort()).toEqual(['Webhook', ...expected].sort());
});

test('every request reached the fake with the right Version header and succeeded', () => {
	expect(requests.length).toBeGreaterThanOrEqual(22);
	const wrong = requests
		.filter(
			(request) =>
				request.status >= 400 ||
				request.headers.version !== (request.path.startsWith('/calendars') ? '2021-04-15' : '2021-07-28') ||
				(request.locationId !== undefined && request.locationId !== IDS.locationA),
		)
		.map((request) => `${request.method} ${request.path} → ${request.status} (Version ${request.headers.version}, location ${request.locationId})`);
	expect(wrong).toEqual([]);
});

describe('contact', () => {
	test('create sends CreateContactDto with the location, tags and the custom field by id', () => {
		const [create] = matching(requests, 'POST', /^\/contacts\/$/);
		expect(create.body).toEqual({
			locationId: IDS.locationA,
			email,
			phone,
			firstName: 'Ada',
			lastName: 'E2E',
			source: 'n8n e2e',
			tags: ['e2e'],
			customFields: [{ id: IDS.customFieldA, field_value: 42 }],
		});
		expect(firstOf(execution, 'Contact: create')).toMatchObject({ id: ids.contactId, email, locationId: IDS.locationA });
	});

	test('upsert finds the same contact by email (isNew false)', () => {
		const [upsert] = matching(requests, 'POST', /^\/contacts\/upsert$/);
		expect(upsert.body).toMatchObject({ locationId: IDS.locationA, email, lastName: 'Lovelace', city: 'London' });
		expect(firstOf(execution, 'Contact: upsert')).toMatchObject({ id: ids.contactId, isNew: false });
	});

	test('get finds the contact by email, reads it and simplifies it (custom field by its key)', () => {
		const [lookup] = matching(requests, 'GET', /^\/contacts\/search\/duplicate$/);
		expect(lookup.query).toMatchObject({ locationId: IDS.locationA, email });
		expect(firstOf(execution, 'Contact: get')).toMatchObject({
			id: ids.contactId,
			email,
			firstName: 'Ada',
			lastName: 'Lovelace',
			customFields: { score: 42 },
		});
	});

	test('getAll searches by email and finds exactly that contact', () => {
		const [search] = matching(requests, 'POST', /^\/contacts\/search$/);
		expect(search.body).toMatchObject({ locationId: IDS.locationA });
		expect(JSON.stringify(search.body)).toContain(email);
		expect(outputOf(execution, 'Contact: getAll').map((contact) => contact.id)).toEqual([ids.contactId]);
	});

	test('update, addTags and removeTags land in the stored contact', async () => {
		expect(matching(requests, 'PUT', new RegExp(`^/contacts/${ids.contactId}$`))[0].body).toEqual({ city: 'Berlin' });
		const tagCalls = matching(requests, 'POST', new RegExp(`^/contacts/${ids.contactId}/tags$`)).map((request) => request.body);
		expect(tagCalls).toEqual([{ tags: ['updated'] }, { tags: ['vip', 'e2e-extra'] }]);
		expect(matching(requests, 'DELETE', new RegExp(`^/contacts/${ids.contactId}/tags$`))[0].body).toEqual({ tags: ['e2e-extra'] });
		expect(firstOf(execution, 'Contact: removeTags')).toMatchObject({ id: ids.contactId });

		const stored = (await fake.records('contacts')).find((contact) => contact.id === ids.contactId);
		expect(stored).toMatchObject({ locationId: IDS.locationA, email, firstName: 'Ada', lastName: 'Lovelace', city: 'Berlin' });
		expect([...stored.tags].sort()).toEqual(['e2e', 'updated', 'vip']);
		expect(stored.customFields).toEqual([expect.objectContaining({ id: IDS.customFieldA, value: 42 })]);
	});
});

describe('task', () => {
	test('create, get, getAll, update and complete one task; the fake holds the final state', async () => {
		const created = firstOf(execution, 'Task: create');
		expect(matching(requests, 'POST', new RegExp(`^/contacts/${ids.contactId}/tasks$`))[0].body).toEqual({
			title: 'Call Ada',
			body: 'First call',
			dueDate: new Date(dueDate).toISOString(),
			completed: false,
			assignedTo: IDS.userA,
		});
		expect(firstOf(execution, 'Task: get')).toMatchObject({ id: ids.taskId, title: 'Call Ada' });
		expect(outputOf(execution, 'Task: getAll').map((task) => task.id)).toEqual([ids.taskId]);
		expect(firstOf(execution, 'Task: update')).toMatchObject({ id: ids.taskId, title: 'Call Ada again' });
		expect(firstOf(execution, 'Task: complete')).toMatchObject({ id: ids.taskId, completed: true });
		expect(matching(requests, 'PUT', new RegExp(`/tasks/${ids.taskId}/completed$`))[0].body).toEqual({ completed: true });

		const stored = (await fake.records('tasks')).find((task) => task.id === ids.taskId);
		expect(stored).toMatchObject({ contactId: ids.contactId, title: 'Call Ada again', body: 'Second call', completed: true, assignedTo: IDS.userA });
		expect(ms(stored.dueDate)).toBe(ms(created.dueDate));
	});
});

describe('note', () => {
	test('create, get, getAll and update one note; the fake holds the final state', async () => {
		expect(matching(requests, 'POST', new RegExp(`^/contacts/${ids.contactId}/notes$`))[0].body).toEqual({
			body: 'Met at the e2e conference',
			title: 'Intro',
			pinned: true,
			userId: IDS.userA,
		});
		expect(firstOf(execution, 'Note: get')).toMatchObject({ id: ids.noteId, body: 'Met at the e2e conference' });
		expect(outputOf(execution, 'Note: getAll').map((note) => note.id)).toEqual([ids.noteId]);
		expect(firstOf(execution, 'Note: update')).toMatchObject({ id: ids.noteId, body: 'Met at the e2e conference (updated)' });

		const stored = (await fake.records('notes')).find((note) => note.id === ids.noteId);
		expect(stored).toMatchObject({ contactId: ids.contactId, body: 'Met at the e2e conference (updated)', pinned: false });
	});
});

describe('appointment', () => {
	test('getFreeSlots, then create in the first slot, get, getAll and move it two slots later', async () => {
		const [slotsRequest] = matching(requests, 'GET', new RegExp(`^/calendars/${IDS.calendarA}/free-slots$`));
		expect(slotsRequest.query).toMatchObject({ timezone: 'America/New_York' });
		const slots: string[] = firstOf(execution, 'Appointment: getFreeSlots').slots;
		expect(firstOf(execution, 'Appointment: getFreeSlots').date).toBe(day);
		expect(slots.length).toBeGreaterThanOrEqual(3);

		const [create] = matching(requests, 'POST', /^\/calendars\/events\/appointments$/);
		expect(create.body).toMatchObject({ calendarId: IDS.calendarA, locationId: IDS.locationA, contactId: ids.contactId, title: 'Intro call' });
		expect(ms(create.body.startTime)).toBe(ms(slots[0]));
		// End = start + the calendar's 30-minute slot (read from GET /calendars/:id).
		expect(ms(create.body.endTime) - ms(create.body.startTime)).toBe(30 * 60_000);
		expect(matching(requests, 'GET', new RegExp(`^/calendars/${IDS.calendarA}$`)).length).toBeGreaterThanOrEqual(1);

		expect(firstOf(execution, 'Appointment: get')).toMatchObject({ id: ids.appointmentId });
		expect(outputOf(execution, 'Appointment: getAll').map((event) => event.id)).toContain(ids.appointmentId);

		const stored = (await fake.records('appointments')).find((event) => event.id === ids.appointmentId);
		expect(stored).toMatchObject({ calendarId: IDS.calendarA, contactId: ids.contactId, title: 'Intro call (moved)' });
		// Moved without a new end: it keeps its 30 minutes.
		expect(ms(stored.startTime)).toBe(ms(slots[2]));
		expect(ms(stored.endTime) - ms(stored.startTime)).toBe(30 * 60_000);
	});
});

describe('delete operations', () => {
	let deletion: Execution;
	let deleteRequests: LoggedRequest[];

	beforeAll(async () => {
		const since = await fake.lastSeq();
		({ execution: deletion } = await n8n.runViaWebhook(ctx.workflows.cleanup.id, ctx.workflows.cleanup.path, ids));
		deleteRequests = await fake.requests(since);
		expectSuccess(deletion);
	});

	test('appointment, note, task and contact delete each send one DELETE and report it', () => {
		expect(deleteRequests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			`DELETE /calendars/events/${ids.appointmentId} 201`,
			`DELETE /contacts/${ids.contactId}/notes/${ids.noteId} 200`,
			`DELETE /contacts/${ids.contactId}/tasks/${ids.taskId} 200`,
			`DELETE /contacts/${ids.contactId} 200`,
		]);
		expect(firstOf(deletion, 'Appointment: delete')).toEqual({ id: ids.appointmentId, deleted: true });
		expect(firstOf(deletion, 'Note: delete')).toEqual({ id: ids.noteId, contactId: ids.contactId, deleted: true });
		expect(firstOf(deletion, 'Task: delete')).toEqual({ id: ids.taskId, contactId: ids.contactId, deleted: true });
		expect(firstOf(deletion, 'Contact: delete')).toEqual({ id: ids.contactId, deleted: true });
	});

	test('nothing of it is left in the fake', async () => {
		const live = (records: any[], id: string) => records.filter((record) => record.id === id && !record.deleted);
		expect(live(await fake.records('appointments'), ids.appointmentId)).toEqual([]);
		expect(live(await fake.records('notes'), ids.noteId)).toEqual([]);
		expect(live(await fake.records('tasks'), ids.taskId)).toEqual([]);
		expect(live(await fake.records('contacts'), ids.contactId)).toEqual([]);
	});
});
