import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };
const notes = [
	{ id: 'n1', body: 'a' },
	{ id: 'n2', body: 'b' },
	{ id: 'n3', body: 'c' },
];

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
