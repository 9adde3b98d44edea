import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { opportunityIdOf } from './body';
import { opportunityIdProperty } from './descriptions';

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['get'] } }, [opportunityIdProperty] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const opportunityId = opportunityIdOf.call(this, itemIndex);
	const { opportunity } = await explainUnknownId(this.getNode(), 'Opportunity', opportunityId, async () =>
		await client.request<{ opportunity: IDataObject }>({ method: 'GET', path: '/opportunities/{opportunityId}', segments: { opportunityId }, itemIndex }),
	);
	return opportunity;
}
