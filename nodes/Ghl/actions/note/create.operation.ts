import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { buildNoteBody } from './body';
import { noteBodyProperty, noteFieldsCollection } from './descriptions';

const properties: INodeProperties[] = [contactLocator(), noteBodyProperty, noteFieldsCollection('create')];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const body = buildNoteBody.call(this, client, itemIndex, 'create');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { note } = await client.request<{ note: IDataObject }>({
		method: 'POST',
		path: '/contacts/{contactId}/notes', segments: { contactId },
		body,
		itemIndex,
	});
	return note;
}
