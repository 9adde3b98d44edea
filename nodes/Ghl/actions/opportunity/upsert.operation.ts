import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import { conflictProperties, readConflictPolicy } from '../../sync/conflictOptions';
import { decideWrite, missingFrom, narrowTo } from '../../sync/conflictPolicy';
import type { GhlClient } from '../../transport';
import { echoGuardOptions, markBody, readEchoGuard } from '../../sync/echoWrite';
import { contactLocator, optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { addFollowers, buildOpportunityBody } from './body';
import { nameProperty, opportunityFieldsCollection, pipelineProperty, stageProperty } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Finds the contact\'s opportunity in this pipeline (one search request) and updates it, or creates one. The output says which (<code>isNew</code>).',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	pipelineProperty(true),
	stageProperty,
	nameProperty,
	contactLocator({ description: 'The contact the deal is with; with the pipeline, it identifies the deal' }),
	opportunityFieldsCollection('upsert'),
	...conflictProperties('no extra request (the deal is read by the search the upsert already does)'),
	optionsCollection(echoGuardOptions('opportunity')),
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['upsert'] } }, properties);

/**
 * One deal per contact and pipeline. GHL's own POST /opportunities/upsert takes neither a contact
 * nor custom fields (opportunities.json, UpsertOpportunityDto), so the match is a search by
 * contact and pipeline, then an update (PUT) or a create (POST).
 */
export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const policy = readConflictPolicy.call(this, itemIndex);
	const { body, followers } = await buildOpportunityBody.call(this, client, itemIndex, 'upsert');
	const guard = await readEchoGuard.call(this, client, itemIndex, 'opportunity');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { opportunities = [] } = await client.request<{ opportunities?: IDataObject[] }>({
		method: 'GET',
		path: '/opportunities/search',
		qs: { location_id: client.locationId, pipeline_id: body.pipelineId, contact_id: contactId, limit: 1 },
		itemIndex,
	});
	const existing = opportunities.find((candidate) => candidate.contactId === contactId) ?? opportunities[0];
	// The search's answer is the deal as GHL has it: the policy needs no read of its own.
	const write = decideWrite(policy, existing?.id ? existing : undefined, 'opportunity', followers.length ? { ...body, followers } : body);
	if (write.skip) return write.skip;
	narrowTo(body, write.body, ['followers']);
	const newFollowers = write.report && existing?.id ? missingFrom(existing.followers, followers) : followers;
	let opportunity: IDataObject;
	if (existing?.id && !Object.keys(body).length) {
		opportunity = existing;
	} else if (existing?.id) {
		({ opportunity } = await client.request<{ opportunity: IDataObject }>({
			method: 'PUT',
			path: '/opportunities/{opportunityId}',
			segments: { opportunityId: String(existing.id) },
			body: markBody(body, guard),
			itemIndex,
		}));
	} else {
		({ opportunity } = await client.request<{ opportunity: IDataObject }>({
			method: 'POST',
			path: '/opportunities/',
			body: markBody({ status: 'open', ...body, contactId, locationId: client.locationId }, guard),
			itemIndex,
		}));
	}
	await addFollowers(client, itemIndex, String(opportunity.id), newFollowers);
	return { ...opportunity, isNew: !existing?.id, ...write.report };
}

/** Items for one contact go one after another, so the second finds the deal the first created. */
export const lockKey = byContactLocator;
