import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, userProperty } from '../common.descriptions';
import type { NoteDto } from './body';

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
	return fieldsCollection(dto, NOTE_FIELDS.filter((field) => dto === 'update' || field.name !== 'body'));
}
