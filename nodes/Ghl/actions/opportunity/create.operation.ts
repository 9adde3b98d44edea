import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { addFollowers, buildOpportunityBody } from './body';
import { nameProperty, opportunityFieldsCollection, pipelineProperty, stageProperty } from './descriptions';

const properties: INodeProperties[] = [
	pipelineProperty(true),
	stageProperty,
	nameProperty,
	contactLocator({ description: 'The contact the deal is with' }),
	opportunityFieldsCollection('create'),
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const { body, followers } = await buildOpportunityBody.call(this, client, itemIndex, 'create');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { opportunity } = await client.request<{ opportunity: IDataObject }>({
		method: 'POST',
		path: '/opportunities/',
		body: { ...body, contactId, locationId: client.locationId },
		itemIndex,
	});
	await addFollowers(client, itemIndex, String(opportunity.id), followers);
	return opportunity;
}

export const lockKey = byContactLocator;
