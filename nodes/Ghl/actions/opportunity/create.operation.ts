import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { echoGuardOptions, markBody, readEchoGuard } from '../../sync/echoWrite';
import { contactLocator, optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { addFollowers, buildOpportunityBody } from './body';
import { nameProperty, opportunityFieldsCollection, pipelineProperty, stageProperty } from './descriptions';

const properties: INodeProperties[] = [
	pipelineProperty(true),
	stageProperty,
	nameProperty,
	contactLocator({ description: 'The contact the deal is with' }),
	opportunityFieldsCollection('create'),
	optionsCollection(echoGuardOptions('opportunity')),
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const { body, followers } = await buildOpportunityBody.call(this, client, itemIndex, 'create');
	const guard = await readEchoGuard.call(this, client, itemIndex, 'opportunity');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { opportunity } = await client.request<{ opportunity: IDataObject }>({
		method: 'POST',
		path: '/opportunities/',
		body: markBody({ ...body, contactId, locationId: client.locationId }, guard),
		itemIndex,
	});
	await addFollowers(client, itemIndex, String(opportunity.id), followers);
	return opportunity;
}

export const lockKey = byContactLocator;
