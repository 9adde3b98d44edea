import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };

describe('note → update', () => {
	it('sends only the fields given (UpdateNoteDTO)', async () => {
		ghl().put('/contacts/c1/notes/n1', { body: 'new text', pinned: false, title: '' }).reply(200, { note: { id: 'n1', body: 'new text' } });
		const { output } = await runNode({ parameters: { ...base, operation: 'update', updateFields: { body: 'new text', pinned: false, title: '' } } });
		expect(output[0].json).toEqual({ id: 'n1', body: 'new text' });
	});

	it('can set the author', async () => {
		ghl().put('/contacts/c1/notes/n1', { userId: 'user_9' }).reply(200, { note: { id: 'n1', userId: 'user_9' } });
		await runNode({ parameters: { ...base, operation: 'update', updateFields: { userId: 'user_9' } } });
	});

	it('refuses an update with no fields', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: {} } })).rejects.toMatchObject({
			message: 'Update Fields: nothing to update (item 0)',
		});
	});

	it('refuses an empty body', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: { body: '' } } })).rejects.toMatchObject({
			message: 'Update Fields → Body: is empty (item 0)',
		});
	});

	it('names the note ID on 404', async () => {
		ghl().put('/contacts/c1/notes/gone').reply(404, { statusCode: 404, message: 'Not Found' });
		await expect(runNode({ parameters: { ...base, noteId: 'gone', operation: 'update', updateFields: { body: 'x' } } })).rejects.toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('"gone" is not a valid Note ID'),
		});
	});
});
