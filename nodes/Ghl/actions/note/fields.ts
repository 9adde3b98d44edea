import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertId, invalidInput } from '../../helpers/utils';
import { recordIdParameter } from '../../helpers/records';
import type { GhlClient } from '../../transport';
import { userProperty } from '../common.descriptions';

/** Which DTO a body is for (contacts.json: NotesDTO, UpdateNoteDTO). */
export type NoteDto = 'create' | 'update';

export const noteIdProperty: INodeProperties = {
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'HGPcayliwcdoUFzvbTok',
	description: 'ID of the note on this contact (from Note → Create or Get Many)',
};

export const noteBodyProperty: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'The note\'s text',
};

/** NotesDTO / UpdateNoteDTO properties besides the body (create takes the body at the top level). */
const NOTE_FIELDS: INodeProperties[] = [
	{ ...noteBodyProperty, required: false },
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		description: 'Colour GHL shows the note in',
	},
	{
		displayName: 'Pinned',
		name: 'pinned',
		type: 'boolean',
		default: false,
		description: 'Whether the note is pinned to the top of the contact',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Follow-up summary' },
	{
		...userProperty,
		displayName: 'User Name or ID',
		name: 'userId',
		description:
			'The user the note is written as. Left out, GHL records no user. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export function noteFieldsCollection(dto: NoteDto): INodeProperties {
	return {
		displayName: dto === 'update' ? 'Update Fields' : 'Additional Fields',
		name: dto === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: NOTE_FIELDS.filter((field) => dto === 'update' || field.name !== 'body'),
	};
}

/** Builds NotesDTO / UpdateNoteDTO from an item, checking it before any request. */
export function buildNoteBody(this: IExecuteFunctions, client: GhlClient, itemIndex: number, dto: NoteDto): IDataObject {
	const node = this.getNode();
	const fields = { ...((this.getNodeParameter(dto === 'update' ? 'updateFields' : 'additionalFields', itemIndex, {}) ?? {}) as IDataObject) };
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

const noteRecord = recordIdParameter('noteId', 'Note ID');
export const noteIdOf = noteRecord.idOf;
export const noteLockKey = noteRecord.lockKey;
