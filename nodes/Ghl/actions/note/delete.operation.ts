import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byRecordId } from '../lockKeys';
import { noteIdOf } from './body';
import { noteIdProperty } from './descriptions';

const properties: INodeProperties[] = [contactLocator(), noteIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const noteId = noteIdOf.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	await explainUnknownId(this.getNode(), 'Note', noteId, async () =>
		await client.request({ method: 'DELETE', path: '/contacts/{contactId}/notes/{noteId}', segments: { contactId, noteId }, itemIndex }),
	);
	return { id: noteId, contactId, deleted: true };
}

export const lockKey = byRecordId('noteId');
