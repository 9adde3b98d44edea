import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { byRecordId } from '../lockKeys';
import { appointmentIdOf } from './body';
import { appointmentIdProperty } from './descriptions';

const properties: INodeProperties[] = [appointmentIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const appointmentId = appointmentIdOf.call(this, itemIndex);
	await explainUnknownId(this.getNode(), 'Appointment', appointmentId, async () =>
		// calendars.json requires a body here (DeleteAppointmentSchema, no properties).
		await client.request({ method: 'DELETE', path: '/calendars/events/{appointmentId}', segments: { appointmentId }, body: {}, itemIndex }),
	);
	return { id: appointmentId, deleted: true };
}

export const lockKey = byRecordId('appointmentId');
