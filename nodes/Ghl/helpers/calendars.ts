import type { IDataObject, INode } from 'n8n-workflow';

import type { GhlClient } from '../transport';
import { readDefinitionOnce } from './definitions';
import { explainUnknownId } from './records';

/** The calendar's slot duration in ms (GET /calendars/:id, slotDuration × slotDurationUnit), once per execution. */
export async function calendarSlotDurationMs(node: INode, client: GhlClient, calendarId: string, itemIndex: number): Promise<number> {
	return await readDefinitionOnce(client, `calendar:${calendarId}:slotDurationMs`, async () => {
		const { calendar } = await explainUnknownId(node, 'Calendar', calendarId, async () =>
			await client.request<{ calendar?: IDataObject }>({ method: 'GET', path: '/calendars/{calendarId}', segments: { calendarId }, itemIndex }),
		);
		const amount = Number(calendar?.slotDuration);
		// calendars.json: slotDuration defaults to 30, slotDurationUnit is "mins" or "hours".
		const value = Number.isFinite(amount) && amount > 0 ? amount : 30;
		return value * (calendar?.slotDurationUnit === 'hours' ? 3_600_000 : 60_000);
	});
}
