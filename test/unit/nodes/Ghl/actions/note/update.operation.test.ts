import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };
const notes = [
	{ id: 'n1', body: 'a' },
	{ id: 'n2', body: 'b' },
	{ id: 'n3', body: 'c' },
];

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

describe('note → getAll', () => {
	it('returns every note with Return All', async () => {
		ghl().get('/contacts/c1/notes').reply(200, { notes });
		const { output } = await runNode({ parameters: { ...base, operation: 'getAll', returnAll: true } });
		expect(output).toEqual(notes.map((note) => ({ json: note, pairedItem: { item: 0 } })));
	});

	it('applies the limit on our side', async () => {
		ghl().get('/contacts/c1/notes').reply(200, { notes });
		const { output } = await runNode({ parameters: { ...base, operation: 'getAll', returnAll: false, limit: 2 } });
		expect(output.map((entry) => entry.json.id)).toEqual(['n1', 'n2']);
	});

	it('pairs each item\'s notes with that item', async () => {
		ghl().get('/contacts/c1/notes').reply(200, { notes: [notes[0]] });
		ghl().get('/contacts/c2/notes').reply(200, { notes: [notes[1], notes[2]] });
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) => ({ ...base, contactId: locator('id', `c${i + 1}`), operation: 'getAll', returnAll: true }),
		});
		expect(output.map((entry) => [entry.json.id, entry.pairedItem])).toEqual([
			['n1', { item: 0 }],
			['n2', { item: 1 }],
			['n3', { item: 1 }],
		]);
	});
});

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
