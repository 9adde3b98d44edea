import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };

describe('note → delete', () => {
	it('deletes with DELETE /contacts/:contactId/notes/:id', async () => {
		ghl().delete('/contacts/c1/notes/n1').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output).toEqual([{ json: { id: 'n1', contactId: 'c1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('rejects an empty note ID before any request', async () => {
		await expect(runNode({ parameters: { ...base, noteId: ' ', operation: 'delete' } })).rejects.toMatchObject({
			message: 'Note ID: is empty (item 0)',
		});
	});

	it('retries a DELETE after a 5xx (it is safe to repeat)', async () => {
		ghl().delete('/contacts/c1/notes/n1').reply(502, 'Bad Gateway');
		ghl().delete('/contacts/c1/notes/n1').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output[0].json).toEqual({ id: 'n1', contactId: 'c1', deleted: true });
	});
});
