import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getGhlClient } from '../transport';

/** A list GHL answers for the picker's location (`GET <path>?locationId=…`, records under `key`). */
export async function readLocationList(ctx: ILoadOptionsFunctions, path: string, key: string): Promise<IDataObject[]> {
	const client = await getGhlClient.call(ctx);
	const response = await client.request<IDataObject>({ method: 'GET', path, qs: { locationId: client.locationId } });
	return (response[key] ?? []) as IDataObject[];
}

/** Keeps the entries whose name contains the typed filter (case-insensitive). */
export function matchingName<T extends { name: string }>(entries: T[], filter?: string): T[] {
	const needle = (filter ?? '').toLowerCase();
	return needle ? entries.filter((entry) => entry.name.toLowerCase().includes(needle)) : entries;
}
