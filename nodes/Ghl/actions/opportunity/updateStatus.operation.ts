import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { assertId, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { byRecordId } from '../lockKeys';
import { opportunityIdOf, readStatus } from './body';
import { lostReasonProperty, opportunityIdProperty, statusProperty } from './descriptions';

const properties: INodeProperties[] = [
	opportunityIdProperty,
	statusProperty(true),
	{ ...lostReasonProperty, displayOptions: { show: { status: ['lost'] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['updateStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const opportunityId = opportunityIdOf.call(this, itemIndex);
	const status = readStatus.call(this, itemIndex, this.getNodeParameter('status', itemIndex, ''), 'Status');
	const body: IDataObject = { status };
	const lostReasonId = status === 'lost' ? String(this.getNodeParameter('lostReasonId', itemIndex, '') ?? '').trim() : '';
	if (lostReasonId) body.lostReasonId = assertId(this.getNode(), itemIndex, 'Lost Reason', lostReasonId);
	await explainUnknownId(this.getNode(), 'Opportunity', opportunityId, async () =>
		await client.request({ method: 'PUT', path: '/opportunities/{opportunityId}/status', segments: { opportunityId }, body, itemIndex }),
	);
	return { id: opportunityId, ...body };
}

export const lockKey = byRecordId('opportunityId');
