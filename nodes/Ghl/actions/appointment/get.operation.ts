import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { appointmentIdOf } from './body';
import { appointmentIdProperty } from './descriptions';

const properties: INodeProperties[] = [appointmentIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const appointmentId = appointmentIdOf.call(this, itemIndex);
	const response = await explainUnknownId(this.getNode(), 'Appointment', appointmentId, async () =>
		await client.request<{ event?: IDataObject }>({ method: 'GET', path: '/calendars/events/appointments/{appointmentId}', segments: { appointmentId }, itemIndex }),
	);
	return response.event ?? (response as IDataObject);
}
