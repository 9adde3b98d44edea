import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import { conflictProperties, readConflictPolicy } from '../../sync/conflictOptions';
import { decideWrite, missingFrom, narrowTo } from '../../sync/conflictPolicy';
import { getOpportunity } from '../../sync/existingRecord';
import type { GhlClient } from '../../transport';
import { echoGuardOptions, markBody, readEchoGuard } from '../../sync/echoWrite';
import { optionsCollection } from '../common.descriptions';
import { byRecordId } from '../lockKeys';
import { addFollowers, buildOpportunityBody, opportunityIdOf } from './body';
import { opportunityFieldsCollection, opportunityIdProperty, pipelineProperty, stageProperty } from './descriptions';

const properties: INodeProperties[] = [
	opportunityIdProperty,
	{ ...pipelineProperty(false), description: 'Move the deal to another pipeline (leave empty to keep it)' },
	{ ...stageProperty, description: 'Move the deal to this stage (leave empty to keep it). Checked against the pipeline before any request.' },
	opportunityFieldsCollection('update'),
	...conflictProperties('one GET /opportunities/{ID} before the write'),
	optionsCollection(echoGuardOptions('opportunity')),
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const opportunityId = opportunityIdOf.call(this, itemIndex);
	const policy = readConflictPolicy.call(this, itemIndex);
	const { body, followers } = await buildOpportunityBody.call(this, client, itemIndex, 'update');
	if (!Object.keys(body).length && !followers.length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Choose a pipeline or stage, or add at least one field under "Update Fields".');
	}
	const guard = await readEchoGuard.call(this, client, itemIndex, 'opportunity');
	// After every check: the policy's read, then only what it lets through.
	const existing = policy.mode === 'overwrite' ? undefined : await getOpportunity.call(this, client, itemIndex, opportunityId);
	const write = decideWrite(policy, existing, 'opportunity', followers.length ? { ...body, followers } : body);
	if (write.skip) return write.skip;
	narrowTo(body, write.body, ['followers']);
	const newFollowers = write.report ? missingFrom(existing?.followers, followers) : followers;
	let opportunity: IDataObject = existing ?? { id: opportunityId };
	if (Object.keys(body).length) {
		({ opportunity } = await explainUnknownId(this.getNode(), 'Opportunity', opportunityId, async () =>
			await client.request<{ opportunity: IDataObject }>({ method: 'PUT', path: '/opportunities/{opportunityId}', segments: { opportunityId }, body: markBody(body, guard), itemIndex }),
		));
	}
	await addFollowers(client, itemIndex, opportunityId, newFollowers);
	return write.report ? { ...opportunity, ...write.report } : opportunity;
}

export const lockKey = byRecordId('opportunityId');
