/**
 * GHL's error body as the node sees it inside n8n (it reaches the node differently on n8n 1.x and
 * 2.x): a duplicate contact in a location that refuses duplicates.
 */
import { expectSuccess, outputOf, setup, unique } from '../harness/helpers';

const { ctx, n8n, fake } = setup();
const workflow = ctx.workflows.duplicates;

test('Contact → Create: Return Existing gets the existing contact from GHL\'s 400, Fail shows GHL\'s message', async () => {
	const email = `${unique('dup')}@e2e.test`;
	const { execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { email });
	expectSuccess(execution);
	const [created] = outputOf(execution, 'Contact: create');
	expect(outputOf(execution, 'Contact: create again, Return Existing')).toEqual([
		expect.objectContaining({ id: created.id, email, duplicate: true }),
	]);
	const [failed] = outputOf(execution, 'Contact: create again, Fail');
	expect(JSON.stringify(failed)).toContain('This location does not allow duplicated contacts.');
	expect(JSON.stringify(failed)).toContain(created.id);
	expect(JSON.stringify(failed)).not.toMatch(/failed with status 400/);
	expect((await fake.records('contacts')).filter((contact) => contact.email === email)).toHaveLength(1);
});
