import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { type CustomFieldModel, loadCustomFields, shortKey } from '../helpers/customFields';
import { loadPipelines } from '../helpers/pipelines';
import { getGhlClient } from '../transport';
import { searchUsers } from './listSearch';

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
	const client = await getGhlClient.call(this);
	const { lostReasons = [] } = await client.request<{ lostReasons?: IDataObject[] }>({
		method: 'GET',
		path: '/opportunities/lost-reason',
		qs: { locationId: client.locationId },
	});
	return lostReasons.map((reason) => ({ name: String(reason.name ?? reason.id), value: String(reason.id) })).sort(byName);
}

export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const { workflows = [] } = await client.request<{ workflows?: IDataObject[] }>({
		method: 'GET',
		path: '/workflows/',
		qs: { locationId: client.locationId },
	});
	return workflows
		.map((workflow) => ({
			name: `${String(workflow.name ?? workflow.id)}${workflow.status && workflow.status !== 'published' ? ` (${String(workflow.status)})` : ''}`,
			value: String(workflow.id),
		}))
		.sort(byName);
}

export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const { campaigns = [] } = await client.request<{ campaigns?: IDataObject[] }>({
		method: 'GET',
		path: '/campaigns/',
		qs: { locationId: client.locationId },
	});
	return campaigns.map((campaign) => ({ name: String(campaign.name ?? campaign.id), value: String(campaign.id) })).sort(byName);
}
