import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { byRecordId } from '../lockKeys';
import { opportunityIdOf } from './body';
import { opportunityIdProperty } from './descriptions';

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['delete'] } }, [opportunityIdProperty] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const opportunityId = opportunityIdOf.call(this, itemIndex);
	await explainUnknownId(this.getNode(), 'Opportunity', opportunityId, async () =>
		await client.request({ method: 'DELETE', path: '/opportunities/{opportunityId}', segments: { opportunityId }, itemIndex }),
	);
	return { id: opportunityId, deleted: true };
}

export const lockKey = byRecordId('opportunityId');
