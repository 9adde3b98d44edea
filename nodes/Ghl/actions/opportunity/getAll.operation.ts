import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toEpochMs, toZonedIso } from '../../helpers/dates';
import { checkStage, loadPipelines } from '../../helpers/pipelines';
import { assertId, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { filtersCollection, limitProperty, returnAllProperty, timezoneOption, optionsCollection, userProperty } from '../common.descriptions';
import { readLimit, readTimeZoneOption } from '../parameters';
import { readStatus } from './body';
import { OPPORTUNITY_STATUSES, pipelineProperty, stageProperty } from './descriptions';

/** opportunities.json: "will allow maximum up to 100". */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{ ...pipelineProperty(false), description: 'Only deals in this pipeline (leave empty for every pipeline)' },
	{ ...stageProperty, description: 'Only deals in this stage of the pipeline' },
	returnAllProperty,
	limitProperty,
	filtersCollection([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: OPPORTUNITY_STATUSES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
			default: 'open',
		},
		{ ...userProperty, description: `Only deals owned by this user. ${userProperty.description}` },
		{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', description: 'Only this contact\'s deals' },
		{ displayName: 'Created After', name: 'startDate', type: 'dateTime', default: '', description: 'GHL compares whole days' },
		{ displayName: 'Created Before', name: 'endDate', type: 'dateTime', default: '', description: 'GHL compares whole days' },
		{ displayName: 'Search Text', name: 'query', type: 'string', default: '', description: 'Matches the deal and its contact (name, email, phone)' },
	]),
	optionsCollection([timezoneOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['getAll'] } }, properties);

/** GHL's search wants days as mm-dd-yyyy, read in the item's timezone. */
function ghlDay(this: IExecuteFunctions, itemIndex: number, field: string, value: unknown, timeZone: string): string {
	const iso = toZonedIso(toEpochMs(this.getNode(), itemIndex, field, value, { timeZone }), timeZone);
	const [year, month, day] = iso.slice(0, 10).split('-');
	return `${month}-${day}-${year}`;
}

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	// Every filter is read and checked before the first request; every page repeats them all.
	const qs: IDataObject = { location_id: client.locationId };
	const pipelineId = String(this.getNodeParameter('pipelineId', itemIndex, '') ?? '').trim();
	const stageId = String(this.getNodeParameter('pipelineStageId', itemIndex, '') ?? '').trim();
	if (pipelineId) qs.pipeline_id = assertId(node, itemIndex, 'Pipeline', pipelineId);
	if (stageId) qs.pipeline_stage_id = assertId(node, itemIndex, 'Stage', stageId);
	if (filters.status) qs.status = readStatus.call(this, itemIndex, filters.status, 'Filters → Status');
	if (String(filters.assignedTo ?? '').trim()) qs.assigned_to = assertId(node, itemIndex, 'Filters → Assigned User', filters.assignedTo);
	if (String(filters.contactId ?? '').trim()) qs.contact_id = assertId(node, itemIndex, 'Filters → Contact ID', filters.contactId);
	if (filters.startDate) qs.date = ghlDay.call(this, itemIndex, 'Filters → Created After', filters.startDate, timeZone);
	if (filters.endDate) qs.endDate = ghlDay.call(this, itemIndex, 'Filters → Created Before', filters.endDate, timeZone);
	if (String(filters.query ?? '').trim()) qs.q = String(filters.query).trim();
	if (pipelineId || stageId) checkStage(node, itemIndex, await loadPipelines(client), pipelineId || undefined, stageId || undefined);

	const results: IDataObject[] = [];
	let cursor: IDataObject = {};
	while (results.length < limit) {
		const pageSize = Math.min(PAGE_SIZE, limit - results.length);
		const { opportunities = [], meta = {} } = await client.request<{ opportunities?: IDataObject[]; meta?: IDataObject }>({
			method: 'GET',
			path: '/opportunities/search',
			qs: { ...qs, limit: pageSize, ...cursor },
			itemIndex,
		});
		results.push(...opportunities.slice(0, limit - results.length));
		// GHL pages with a cursor (the last record's sort key and id); no cursor or a short page ends it.
		if (opportunities.length < pageSize || meta.startAfterId === undefined || meta.startAfterId === null) break;
		cursor = { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
	}
	return results;
}
