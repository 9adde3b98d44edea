import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };

describe('note → get', () => {
	it('gets one note', async () => {
		ghl().get('/contacts/c1/notes/n1').reply(200, { note: { id: 'n1', body: 'a' } });
		const { output } = await runNode({ parameters: { ...base, operation: 'get' } });
		expect(output).toEqual([{ json: { id: 'n1', body: 'a' }, pairedItem: { item: 0 } }]);
	});

	it('names the note ID GHL does not know (400)', async () => {
		ghl().get('/contacts/c1/notes/zz').reply(400, { statusCode: 400, message: 'Note not found' });
		await expect(runNode({ parameters: { ...base, noteId: 'zz', operation: 'get' } })).rejects.toMatchObject({
			httpCode: '400',
			message: 'Note not found',
			description: expect.stringContaining('"zz" is not a valid Note ID'),
		});
	});
});
