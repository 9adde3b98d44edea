import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { explainUnknownId } from '../../helpers/records';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byRecordId } from '../lockKeys';
import { buildNoteBody, noteIdOf } from './body';
import { noteFieldsCollection, noteIdProperty } from './descriptions';

const properties: INodeProperties[] = [contactLocator(), noteIdProperty, noteFieldsCollection('update')];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const noteId = noteIdOf.call(this, itemIndex);
	const body = buildNoteBody.call(this, client, itemIndex, 'update');
	if (!Object.keys(body).length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Add at least one field under "Update Fields".');
	}
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { note } = await explainUnknownId(this.getNode(), 'Note', noteId, async () =>
		await client.request<{ note: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}/notes/{noteId}', segments: { contactId, noteId }, body, itemIndex }),
	);
	return note;
}

export const lockKey = byRecordId('noteId');
