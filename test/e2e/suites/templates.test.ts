/**
 * Every templates/*.json, imported into n8n (`n8n import:workflow`) with the credentials picked
 * by type as a user would, activated, and run green by its real trigger: a signed ScoreApp webhook
 * or a signed GHL event. The fake's state shows what the template did.
 */
import { randomBytes } from 'node:crypto';

import type { TemplateRef } from '../harness/context';
import { IDS, TEMPLATE_SETTINGS } from '../harness/fixtures';
import { SYNC_CUSTOM_FIELDS, SYNC_FIELDS } from '../harness/fixtures.sync';
import { describeFailure, type Execution } from '../harness/n8n';
import { setup, unique } from '../harness/helpers';
import { ghlEvent, scoreAppEvent, scoreAppLead, type SignedRequest } from '../harness/signing';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setup();
const rid = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

interface Sent {
	request: SignedRequest;
	/** What the assertions of a known template need. */
	facts: Record<string, any>;
}

/** The trigger input for a template: a ScoreApp lead, or a GHL event about records seeded in the fake. */
async function triggerInput(template: TemplateRef): Promise<Sent> {
	if (template.trigger === 'scoreApp') {
		const event = template.events.find((name) => name !== '*') ?? 'LEAD_SIGNED_UP';
		const email = `${unique('template')}@e2e.test`;
		const lead = scoreAppLead(event, { email, firstName: 'Tina', lastName: 'Template', percent: 85 });
		return { request: scoreAppEvent(ctx.secrets.scoreApp, lead), facts: { email, lead } };
	}
	const type = template.events.find((name) => name !== '*') ?? 'ContactCreate';
	const contactId = rid('e2eTplContact');
	const email = `${unique('template-ghl')}@e2e.test`;
	const facts: Record<string, any> = { type, contactId, email };
	const seed: Record<string, unknown[]> = { contacts: [{ id: contactId, locationId: IDS.locationA, email, firstName: 'Gil' }] };
	let event: Record<string, unknown> = { type, locationId: IDS.locationA, id: contactId, email };
	if (type.startsWith('Task')) {
		facts.taskId = rid('e2eTplTask');
		facts.title = 'Template follow-up';
		seed.tasks = [{ id: facts.taskId, contactId, title: facts.title, body: 'from the e2e test', completed: type === 'TaskComplete' }];
		event = { type, locationId: IDS.locationA, id: facts.taskId, contactId, title: facts.title };
	} else if (type.startsWith('Note')) {
		facts.noteId = rid('e2eTplNote');
		facts.body = 'Template note body';
		seed.notes = [{ id: facts.noteId, contactId, body: facts.body }];
		event = { type, locationId: IDS.locationA, id: facts.noteId, contactId, body: facts.body };
	} else if (type.startsWith('Appointment')) {
		facts.appointmentId = rid('e2eTplAppt');
		const start = new Date(Date.now() + 3 * 86_400_000);
		seed.appointments = [
			{ id: facts.appointmentId, calendarId: IDS.calendarA, contactId, startTime: start.toISOString(), title: 'Template appointment' },
		];
		event = { type, locationId: IDS.locationA, appointment: { id: facts.appointmentId, contactId, calendarId: IDS.calendarA } };
	}
	if (type === 'InboundMessage') {
		// A contact with an open deal in the template's pipeline, owned by a user, replies by SMS.
		facts.body = 'Yes, tell me more';
		seed.opportunities = [
			{ locationId: IDS.locationA, contactId, pipelineId: TEMPLATE_SETTINGS.pipelineId, pipelineStageId: TEMPLATE_SETTINGS.coldStageId, name: 'Gil deal', status: 'open', assignedTo: IDS.userA },
		];
		event = { type, locationId: IDS.locationA, contactId, conversationId: rid('e2eConv'), messageId: rid('e2eMsg'), body: facts.body, messageType: 'SMS', direction: 'inbound', contentType: 'text/plain' };
	}
	await fake.seed(seed);
	return { request: ghlEvent(ctx.ed25519.privateKeyPem, event), facts };
}

/** Checks for the templates shipped today; a new template is still run green by the generic test. */
const KNOWN: Record<string, (execution: Execution, facts: Record<string, any>) => Promise<void>> = {
	'scoreapp-lead-to-ghl.json': async (_execution, { email }) => {
		const [contact] = (await fake.records('contacts')).filter((record) => record.email === email);
		expect(contact).toMatchObject({ locationId: IDS.locationA, firstName: 'Tina', lastName: 'Template', source: 'ScoreApp' });
		expect(contact.tags).toEqual(expect.arrayContaining(['scoreapp', 'scoreapp-hot']));
		const scoreField = (await fake.records('customFields')).find((field) => field.fieldKey === 'contact.scoreapp_score');
		expect(contact.customFields).toEqual(expect.arrayContaining([expect.objectContaining({ id: scoreField.id, value: 85 })]));
		const notes = (await fake.records('notes')).filter((note) => note.contactId === contact.id);
		expect(notes).toHaveLength(1);
		expect(notes[0].body).toContain('85%');
		expect(notes[0].body).toContain('How big is your team?: 11-50');
		const tasks = (await fake.records('tasks')).filter((task) => task.contactId === contact.id);
		expect(tasks).toEqual([expect.objectContaining({ completed: false, title: expect.stringContaining('Call hot ScoreApp lead Tina Template') })]);
		// Due tomorrow.
		expect(Date.parse(tasks[0].dueDate) - Date.now()).toBeGreaterThan(20 * 3_600_000);
		// One deal in the pipeline, in the hot band's stage (85 %), and the hot-lead workflow started.
		const deals = (await fake.records('opportunities' as any)).filter((deal: any) => deal.contactId === contact.id);
		expect(deals).toEqual([expect.objectContaining({ pipelineId: TEMPLATE_SETTINGS.pipelineId, pipelineStageId: TEMPLATE_SETTINGS.hotStageId, status: 'open' })]);
		const enrolments = (await fake.records('workflowEnrolments' as any)).filter((row: any) => row.contactId === contact.id);
		expect(enrolments).toEqual([expect.objectContaining({ workflowId: TEMPLATE_SETTINGS.hotLeadWorkflowId, status: 'active' })]);
	},
	'scoreapp-details-updated-to-ghl.json': async (_execution, { email }) => {
		expect((await fake.records('contacts')).filter((record) => record.email === email)).toEqual([
			expect.objectContaining({ locationId: IDS.locationA, firstName: 'Tina', lastName: 'Template' }),
		]);
	},
	'ghl-contact-grade-round-trip.json': async (_execution, facts) => {
		const contact = (await fake.records('contacts')).find((record) => record.id === facts.contactId);
		const values = Object.fromEntries((contact.customFields ?? []).map((field: any) => [field.id, field.value]));
		expect(values[SYNC_FIELDS.grade]).toBe('C');
		expect(values[SYNC_FIELDS.marker]).toMatch(/^n8n-echo:v1:/);
		// GHL's echo of that write (the stored contact, marker included) starts nothing.
		const echo = ghlEvent(ctx.ed25519.privateKeyPem, { type: 'ContactUpdate', locationId: IDS.locationA, ...contact, customFields: contact.customFields });
		const template = ctx.templates.find((ref) => ref.file === 'ghl-contact-grade-round-trip.json')!;
		const before = await n8n.lastExecutionId(template.id);
		expect((await n8n.postWebhook(template.path, echo.body, echo.headers)).status).toBe(200);
		expect(await n8n.waitForExecutions(template.id, before, 0, { timeoutMs: 0, settleMs: 3_000 })).toEqual([]);
	},
	'ghl-inbound-sms-to-next-stage.json': async (_execution, facts) => {
		const [deal] = (await fake.records('opportunities' as any)).filter((record: any) => record.contactId === facts.contactId);
		// cold (New Lead) → the next stage in the Settings order (Qualified).
		expect(deal).toMatchObject({ pipelineStageId: TEMPLATE_SETTINGS.warmStageId });
		const tasks = (await fake.records('tasks')).filter((task) => task.contactId === facts.contactId);
		expect(tasks).toEqual([expect.objectContaining({ assignedTo: IDS.userA, title: expect.stringContaining(facts.body) })]);
	},
	'ghl-task-note-to-next-step.json': async (execution, facts) => {
		const handOff = execution.runs['Hand Off']?.[0]?.items ?? [];
		expect(handOff).toEqual([
			expect.objectContaining({
				event: facts.type,
				locationId: IDS.locationA,
				contactId: facts.contactId,
				kind: facts.type.startsWith('Task') ? 'task' : 'note',
				record: expect.objectContaining({ id: facts.taskId ?? facts.noteId }),
			}),
		]);
		expect(handOff[0].fetchError ?? null).toBeNull();
	},
};

beforeAll(async () => {
	// The round-trip template writes a grade and the echo marker: the custom fields a user creates.
	await fake.seed({ customFields: SYNC_CUSTOM_FIELDS.map((field) => ({ ...field, locationId: IDS.locationA })) });
});

const templates = ctx.templates;

test('the templates folder has templates to run', () => {
	expect(templates.length).toBeGreaterThan(0);
});

for (const template of templates) describe(`template ${template.file}`, () => {
	test('imported with its nodes and active', async () => {
		const workflow = await n8n.rest<any>('GET', `/workflows/${template.id}`);
		expect(workflow.active).toBe(true);
		expect(workflow.nodes.filter((node: any) => node.type !== 'n8n-nodes-base.stickyNote').map((node: any) => node.name)).toEqual(
			template.nodeNames,
		);
		expect(['scoreApp', 'ghl']).toContain(template.trigger);
	});

	test('its trigger input runs it green, once', async () => {
		const sent = await triggerInput(template);
		const before = await n8n.lastExecutionId(template.id);
		const response = await n8n.postWebhook(template.path, sent.request.body, sent.request.headers);
		expect(response.status).toBe(200);
		const started = await n8n.waitForExecutions(template.id, before, 1, { settleMs: 1_000 });
		expect(started).toHaveLength(1);
		const execution = await n8n.execution(started[0].id);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		for (const [node, runs] of Object.entries(execution.runs)) {
			expect({ node, error: runs[0].error?.message }).toEqual({ node, error: undefined });
		}
		// Every node ran, except branches the data did not take.
		expect(Object.keys(execution.runs).length).toBeGreaterThanOrEqual(2);
		await KNOWN[template.file]?.(execution, sent.facts);
	});
});
