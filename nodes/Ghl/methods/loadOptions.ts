import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { type CustomFieldModel, loadCustomFields, shortKey } from '../helpers/customFields';
import { loadPipelines } from '../helpers/pipelines';
import { DEFAULT_MARKER_KEY, isTextField } from '../sync/echoWrite';
import { getGhlClient } from '../transport';
import { searchUsers } from './listSearch';
import { readLocationList } from './locationList';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchUsers.call(this);
	return results.map(({ name, value }) => ({ name, value })).sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const { tags = [] } = await client.request<{ tags?: IDataObject[] }>({
		method: 'GET',
		path: '/locations/{locationId}/tags', segments: { locationId: client.locationId },
	});
	// Contacts carry tag names, not ids, so the name is the value.
	return tags.map((tag) => ({ name: String(tag.name), value: String(tag.name) })).sort(byName);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFieldOptions.call(this, 'contact');
}

export async function getOpportunityCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await customFieldOptions.call(this, 'opportunity');
}

async function customFieldOptions(this: ILoadOptionsFunctions, model: CustomFieldModel): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const fields = await loadCustomFields(client, model);
	return fields
		.map((field) => ({
			name: `${field.name ?? field.id}${shortKey(field) ? ` (${shortKey(field)})` : ''}`,
			value: field.id,
			description: field.dataType,
		}))
		.sort(byName);
}

export async function getContactMarkerFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await markerFieldOptions.call(this, 'contact');
}

export async function getOpportunityMarkerFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await markerFieldOptions.call(this, 'opportunity');
}

/** Text fields by key (the default is a key), and the default key while the field does not exist yet. */
async function markerFieldOptions(this: ILoadOptionsFunctions, model: CustomFieldModel): Promise<INodePropertyOptions[]> {
	const fields = await loadCustomFields(await getGhlClient.call(this), model);
	const options = fields
		.filter(isTextField)
		.map((field) => ({ name: `${field.name ?? field.id}${shortKey(field) ? ` (${shortKey(field)})` : ''}`, value: shortKey(field) || field.id }))
		.sort(byName);
	if (options.some((option) => option.value === DEFAULT_MARKER_KEY)) return options;
	return [{ name: `${DEFAULT_MARKER_KEY} (not created yet: Settings → Custom Fields)`, value: DEFAULT_MARKER_KEY }, ...options];
}

export async function getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelines = await loadPipelines(await getGhlClient.call(this));
	return pipelines.map((pipeline) => ({ name: pipeline.name ?? pipeline.id, value: pipeline.id })).sort(byName);
}

/** The chosen pipeline's stages, in the pipeline's order (that is the order GHL shows them in). */
export async function getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelineId = String(this.getCurrentNodeParameter('pipelineId') ?? '').trim();
	if (!pipelineId) return [];
	const pipelines = await loadPipelines(await getGhlClient.call(this));
	const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);
	return (pipeline?.stages ?? []).map((stage) => ({ name: stage.name ?? stage.id, value: stage.id }));
}

export async function getLostReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lostReasons = await readLocationList(this, '/opportunities/lost-reason', 'lostReasons');
	return lostReasons.map((reason) => ({ name: String(reason.name ?? reason.id), value: String(reason.id) })).sort(byName);
}

export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workflows = await readLocationList(this, '/workflows/', 'workflows');
	return workflows
		.map((workflow) => ({
			name: `${String(workflow.name ?? workflow.id)}${workflow.status && workflow.status !== 'published' ? ` (${String(workflow.status)})` : ''}`,
			value: String(workflow.id),
		}))
		.sort(byName);
}

export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const campaigns = await readLocationList(this, '/campaigns/', 'campaigns');
	return campaigns.map((campaign) => ({ name: String(campaign.name ?? campaign.id), value: String(campaign.id) })).sort(byName);
}
