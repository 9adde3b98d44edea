import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { credentialFor } from '../transport/auth';
import { getGhlClient, ghlCredentialRequest, type GhlRequest } from '../transport';
import { matchingName, readLocationList } from './locationList';

const PAGE = 50;

/** Agency installs list the locations the app is installed on; single-location credentials show their one. */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { kind, homeLocationId, companyId, connection } = await credentialFor(this, 0);
	if (kind !== 'agency') {
		return { results: homeLocationId ? [{ name: homeLocationId, value: homeLocationId }] : [] };
	}
	const skip = Number(paginationToken ?? 0);
	// GHL app IDs are the client ID's part before the dash.
	const appId = connection.appId.split('-')[0];
	const response = await ghlCredentialRequest.call<ILoadOptionsFunctions, [GhlRequest], Promise<{ locations?: IDataObject[] }>>(this, {
		method: 'GET',
		path: '/oauth/installedLocations',
		qs: {
			companyId,
			appId,
			isInstalled: true,
			limit: PAGE,
			skip,
			...(filter ? { query: filter } : {}),
		},
	});
	const locations = response.locations ?? [];
	return {
		results: locations.map((location) => ({
			name: `${location.name as string}${location.address ? ` — ${location.address as string}` : ''}`,
			value: String(location._id ?? location.id),
		})),
		paginationToken: locations.length === PAGE ? String(skip + PAGE) : undefined,
	};
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await getGhlClient.call(this);
	const page = Number(paginationToken ?? 1);
	const response = await client.request<{ contacts?: IDataObject[]; total?: number }>({
		method: 'POST',
		path: '/contacts/search',
		body: {
			locationId: client.locationId,
			page,
			pageLimit: PAGE,
			...(filter ? { query: filter } : {}),
			sort: [{ field: 'dateAdded', direction: 'desc' }],
		},
		idempotent: true,
	});
	const contacts = response.contacts ?? [];
	return {
		results: contacts.map((contact) => {
			const name =
				[contact.firstNameLowerCase ?? contact.firstName, contact.lastNameLowerCase ?? contact.lastName]
					.filter(Boolean)
					.join(' ') || (contact.contactName as string) || (contact.email as string) || (contact.phone as string) || String(contact.id);
			const detail = contact.email ?? contact.phone;
			return { name: detail && detail !== name ? `${name} (${detail as string})` : name, value: String(contact.id) };
		}),
		paginationToken: contacts.length === PAGE ? String(page + 1) : undefined,
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const users = await readLocationList(this, '/users/', 'users');
	return {
		results: matchingName(
			users.map((user) => ({ name: `${(user.name as string) ?? ''}${user.email ? ` (${user.email as string})` : ''}`.trim(), value: String(user.id) })),
			filter,
		),
	};
}

export async function searchCalendars(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const calendars = await readLocationList(this, '/calendars/', 'calendars');
	return {
		results: matchingName(
			calendars.map((calendar) => ({ name: String(calendar.name ?? calendar.id), value: String(calendar.id) })),
			filter,
		),
	};
}
