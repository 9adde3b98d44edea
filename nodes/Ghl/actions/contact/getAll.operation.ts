import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toIso } from '../../helpers/dates';
import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { assertEmail, assertId, toList, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { filtersCollection, limitProperty, optionsCollection, returnAllProperty, userProperty } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Search Contacts', value: 'search', description: 'Filter, sort and page through the location\'s contacts' },
			{ name: 'Contacts of a Business', value: 'business', description: 'The contacts linked to one business (company record)' },
		],
		default: 'search',
	},
	{
		displayName: 'Business ID',
		name: 'businessId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { source: ['business'] } },
	},
	returnAllProperty,
	limitProperty,
	filtersCollection(
		[
			{ displayName: 'Added After', name: 'dateAddedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Added Before', name: 'dateAddedBefore', type: 'dateTime', default: '' },
			{ ...userProperty, displayName: 'Assigned User Name or ID' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{
				displayName: 'Search Text',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Free-text search over name, email, phone and searchable fields (max 75 characters)',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tags',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Contacts must carry all of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
		{ displayOptions: { show: { source: ['search'] } } },
	),
	optionsCollection([
		{
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			default: '',
			displayOptions: { show: { '/source': ['business'] } },
		},
		simplifyProperty,
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			displayOptions: { show: { '/source': ['search'] } },
			options: [
				{ name: 'Date Added', value: 'dateAdded' },
				{ name: 'Date Updated', value: 'dateUpdated' },
				{ name: 'Email', value: 'email' },
				{ name: 'First Name', value: 'firstNameLowerCase' },
				{ name: 'Last Name', value: 'lastNameLowerCase' },
			],
			default: 'dateAdded',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			displayOptions: { show: { '/source': ['search'] } },
			options: [
				{ name: 'Descending', value: 'desc' },
				{ name: 'Ascending', value: 'asc' },
			],
			default: 'desc',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

/** GHL's largest page, and how deep page numbers reach before the searchAfter cursor is required. */
const PAGE_SIZE = 500;
const PAGED_WINDOW = 10_000;

function searchFilters(this: IExecuteFunctions, itemIndex: number): { query?: string; filters: IDataObject[] } {
	const node = this.getNode();
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filters: IDataObject[] = [];
	if (raw.email) filters.push({ field: 'email', operator: 'eq', value: assertEmail(node, itemIndex, 'Filters → Email', raw.email) });
	if (raw.phone) filters.push({ field: 'phone', operator: 'eq', value: String(raw.phone).trim() });
	if (raw.assignedTo) filters.push({ field: 'assignedTo', operator: 'eq', value: String(raw.assignedTo) });
	for (const tag of toList(raw.tags)) filters.push({ field: 'tags', operator: 'eq', value: tag });
	const range: IDataObject = {};
	if (raw.dateAddedAfter) range.gte = toIso(node, itemIndex, 'Filters → Added After', raw.dateAddedAfter);
	if (raw.dateAddedBefore) range.lte = toIso(node, itemIndex, 'Filters → Added Before', raw.dateAddedBefore);
	if (Object.keys(range).length) filters.push({ field: 'dateAdded', operator: 'range', value: range });
	const query = String(raw.query ?? '').trim();
	return { query: query || undefined, filters };
}

async function search(this: IExecuteFunctions, client: GhlClient, itemIndex: number, max: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { query, filters } = searchFilters.call(this, itemIndex);
	const contacts: IDataObject[] = [];
	let page = 1;
	let searchAfter: unknown;
	// One page size throughout: page numbers are offsets in units of it.
	const pageLimit = Math.min(PAGE_SIZE, max);
	while (contacts.length < max) {
		// Every page repeats the full query: location, filters and sort (n8n's built-in node drops them).
		const body: IDataObject = {
			locationId: client.locationId,
			pageLimit,
			...(query ? { query } : {}),
			...(filters.length ? { filters } : {}),
			sort: [{ field: (options.sortBy as string) ?? 'dateAdded', direction: (options.sortDirection as string) ?? 'desc' }],
		};
		// Page numbers reach 10,000 results; past that GHL wants the last result's cursor.
		if (searchAfter !== undefined) body.searchAfter = searchAfter;
		else body.page = page;
		const response = await client.request<{ contacts?: IDataObject[]; total?: number }>({
			method: 'POST',
			path: '/contacts/search',
			body,
			idempotent: true,
			itemIndex,
		});
		const batch = response.contacts ?? [];
		contacts.push(...batch);
		const total = Number(response.total);
		if (batch.length < pageLimit || (Number.isFinite(total) && contacts.length >= total)) break;
		if (searchAfter !== undefined || (page + 1) * pageLimit > PAGED_WINDOW) {
			searchAfter = batch[batch.length - 1].searchAfter;
			if (searchAfter === undefined) break;
		} else {
			page++;
		}
	}
	return contacts.slice(0, max);
}

async function byBusiness(this: IExecuteFunctions, client: GhlClient, itemIndex: number, max: number): Promise<IDataObject[]> {
	const businessId = assertId(this.getNode(), itemIndex, 'Business ID', this.getNodeParameter('businessId', itemIndex));
	const { query } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const contacts: IDataObject[] = [];
	while (contacts.length < max) {
		const limit = Math.min(100, max - contacts.length);
		const response = await client.request<{ contacts?: IDataObject[] }>({
			method: 'GET',
			path: '/contacts/business/{businessId}', segments: { businessId },
			qs: { locationId: client.locationId, limit, skip: contacts.length, ...(query ? { query } : {}) },
			itemIndex,
		});
		const batch = response.contacts ?? [];
		contacts.push(...batch);
		if (batch.length < limit) break;
	}
	return contacts.slice(0, max);
}

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const max = readLimit.call(this, itemIndex);
	const source = this.getNodeParameter('source', itemIndex, 'search') as string;
	const contacts =
		source === 'business'
			? await byBusiness.call(this, client, itemIndex, max)
			: await search.call(this, client, itemIndex, max);
	const { simplify } = this.getNodeParameter('options', itemIndex, {}) as { simplify?: boolean };
	if (!simplify) return contacts;
	return await Promise.all(contacts.map(async (contact) => await simplifyContact(client, contact)));
}
