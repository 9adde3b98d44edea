import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { recordIdReader } from '../../helpers/records';
import { assertId, invalidInput } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { readFields } from '../parameters';

/** Which DTO a body is for (contacts.json: NotesDTO, UpdateNoteDTO). */
export type NoteDto = 'create' | 'update';

export const noteIdOf = recordIdReader('noteId', 'Note ID');

/** Builds NotesDTO / UpdateNoteDTO from an item, checking it before any request. */
export function buildNoteBody(this: IExecuteFunctions, client: GhlClient, itemIndex: number, dto: NoteDto): IDataObject {
	const node = this.getNode();
	const fields = readFields.call(this, itemIndex, dto);
	if (dto === 'create') fields.body = this.getNodeParameter('body', itemIndex, '');
	const section = dto === 'update' ? 'Update Fields → ' : '';

	const body: IDataObject = {};
	if (fields.body !== undefined) {
		const text = String(fields.body ?? '');
		if (!text.trim()) throw invalidInput(node, itemIndex, `${section}Body`, 'is empty', 'GHL needs the note\'s text.');
		body.body = text;
	}
	if (fields.title !== undefined) body.title = String(fields.title ?? '');
	if (fields.color !== undefined && String(fields.color).trim()) body.color = String(fields.color).trim();
	if (fields.pinned !== undefined) body.pinned = fields.pinned === true;
	if (fields.userId !== undefined && String(fields.userId).trim()) {
		const userId = assertId(node, itemIndex, `${section}User`, fields.userId);
		// n8n's built-in HighLevel node writes the location ID here; GHL then shows a broken author.
		if (userId === client.locationId) {
			throw invalidInput(node, itemIndex, `${section}User`, `"${userId}" is this location's ID, not a user's`, 'Pick a user from the list, or leave the field out.');
		}
		body.userId = userId;
	}
	return body;
}
