import type { IDataObject, INode } from 'n8n-workflow';

import type { GhlClient } from '../transport';
import { readDefinitionOnce } from './definitions';
import { invalidInput } from './utils';

export interface PipelineStage {
	id: string;
	name?: string;
}

export interface Pipeline {
	id: string;
	name?: string;
	stages: PipelineStage[];
}

/** The location's pipelines and their stages (GET /opportunities/pipelines), read once per client. */
export async function loadPipelines(client: GhlClient): Promise<Pipeline[]> {
	return await readDefinitionOnce(client, 'pipelines', async () => {
		const { pipelines = [] } = await client.request<{ pipelines?: IDataObject[] }>({
			method: 'GET',
			path: '/opportunities/pipelines',
			qs: { locationId: client.locationId },
			// Input checks need it (is the stage in the pipeline?) before anything is written.
			definitionRead: true,
		});
		return pipelines.map((pipeline) => ({
			id: String(pipeline.id),
			name: pipeline.name as string | undefined,
			stages: ((pipeline.stages ?? []) as IDataObject[]).map((stage) => ({ id: String(stage.id), name: stage.name as string | undefined })),
		}));
	});
}

/**
 * Checks a pipeline and stage against the location's pipelines: the pipeline must exist, and the
 * stage must be one of its stages (or, with no pipeline given, of any pipeline). Returns the
 * pipeline the stage belongs to.
 */
export function checkStage(
	node: INode,
	itemIndex: number,
	pipelines: Pipeline[],
	pipelineId: string | undefined,
	stageId: string | undefined,
): Pipeline | undefined {
	const pipeline = pipelineId ? pipelines.find((candidate) => candidate.id === pipelineId) : undefined;
	if (pipelineId && !pipeline) {
		throw invalidInput(node, itemIndex, 'Pipeline', `no pipeline "${pipelineId}" in this location`, 'Pick the pipeline from the list (Opportunities → Pipelines in GHL).');
	}
	if (!stageId) return pipeline;
	const owner = pipeline ? [pipeline] : pipelines;
	const found = owner.find((candidate) => candidate.stages.some((stage) => stage.id === stageId));
	if (!found) {
		const where = pipeline ? `pipeline "${pipeline.name ?? pipeline.id}"` : 'any pipeline of this location';
		const names = pipeline ? ` Its stages: ${pipeline.stages.map((stage) => stage.name ?? stage.id).join(', ')}.` : '';
		throw invalidInput(node, itemIndex, 'Stage', `"${stageId}" is not a stage of ${where}`, `Pick the stage from the list after choosing the pipeline.${names}`);
	}
	return found;
}
