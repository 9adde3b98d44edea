import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { explainUnknownId } from '../helpers/records';
import type { GhlClient } from '../transport';

/**
 * The reads a conflict policy costs. All are plain GETs through the client, so they are paced and
 * retried like any other, and they run inside the operation, under its item's lock.
 */

/**
 * The contact GHL would match for a create or upsert body: one duplicate search with its email and
 * phone (GHL tries email first, then phone). Undefined when neither is set or nothing matches.
 */
export async function findMatchingContact(client: GhlClient, itemIndex: number, body: IDataObject): Promise<IDataObject | undefined> {
	if (!body.email && !body.phone) return undefined;
	const qs: IDataObject = { locationId: client.locationId };
	if (body.email) qs.email = body.email;
	if (body.phone) qs.number = body.phone;
	const { contact } = await client.request<{ contact?: IDataObject | null }>({ method: 'GET', path: '/contacts/search/duplicate', qs, itemIndex });
	return contact?.id ? contact : undefined;
}

export async function getContact(this: IExecuteFunctions, client: GhlClient, itemIndex: number, contactId: string): Promise<IDataObject> {
	const { contact } = await explainUnknownId(this.getNode(), 'Contact', contactId, async () =>
		await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId }, itemIndex }),
	);
	return contact;
}

export async function getOpportunity(this: IExecuteFunctions, client: GhlClient, itemIndex: number, opportunityId: string): Promise<IDataObject> {
	const { opportunity } = await explainUnknownId(this.getNode(), 'Opportunity', opportunityId, async () =>
		await client.request<{ opportunity: IDataObject }>({ method: 'GET', path: '/opportunities/{opportunityId}', segments: { opportunityId }, itemIndex }),
	);
	return opportunity;
}

/** The body's email (if GHL has the same) or phone: sent unchanged, so the upsert finds the same contact. */
export function matchKeys(existing: IDataObject, body: IDataObject): IDataObject {
	if (body.email && String(existing.email ?? '').toLowerCase() === String(body.email).toLowerCase()) return { email: body.email };
	return body.phone ? { phone: body.phone } : {};
}
