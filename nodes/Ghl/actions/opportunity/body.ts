import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildCustomFields } from '../../helpers/customFields';
import { checkStage, loadPipelines } from '../../helpers/pipelines';
import { assertId, invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { readFields } from '../parameters';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from './descriptions';

export type OpportunityDto = 'create' | 'upsert' | 'update';

/** The opportunity an item addresses, checked as every ID is. */
export function opportunityIdOf(this: IExecuteFunctions, itemIndex: number): string {
	return assertId(this.getNode(), itemIndex, 'Opportunity ID', this.getNodeParameter('opportunityId', itemIndex, ''));
}

/** A status the DTOs accept for a write. */
export function readStatus(this: IExecuteFunctions, itemIndex: number, value: unknown, field: string): OpportunityStatus {
	const status = String(value ?? '').trim().toLowerCase();
	if (!(OPPORTUNITY_STATUSES as readonly string[]).includes(status)) {
		throw invalidInput(this.getNode(), itemIndex, field, `"${String(value)}" is not a status`, `Use one of: ${OPPORTUNITY_STATUSES.join(', ')}.`);
	}
	return status as OpportunityStatus;
}

function readMonetaryValue(this: IExecuteFunctions, itemIndex: number, value: unknown, section: string): number {
	const number = typeof value === 'number' ? value : Number(String(value).trim().replace(/,/g, ''));
	if (String(value).trim() === '' || !Number.isFinite(number) || number < 0) {
		throw invalidInput(this.getNode(), itemIndex, `${section}Monetary Value`, `"${String(value)}" is not an amount`, 'Give a number such as 1500 or 99.95 (no currency sign).');
	}
	return number;
}

export interface OpportunityWrite {
	/** CreateDto / UpdateOpportunityDto fields, without locationId and contactId. */
	body: IDataObject;
	/** Users to add as followers after the write (a separate endpoint). */
	followers: string[];
}

/**
 * Reads and checks an item's opportunity fields. Everything is checked before any request; the
 * only reads are the location's pipelines (is the stage in the pipeline?) and, when custom fields
 * are set, its opportunity custom fields, both once per run.
 */
export async function buildOpportunityBody(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	dto: OpportunityDto,
): Promise<OpportunityWrite> {
	const node = this.getNode();
	const fields = readFields.call(this, itemIndex, dto);
	const section = dto === 'update' ? 'Update Fields → ' : 'Additional Fields → ';
	const body: IDataObject = {};

	const pipelineId = String(this.getNodeParameter('pipelineId', itemIndex, '') ?? '').trim();
	const stageId = String(this.getNodeParameter('pipelineStageId', itemIndex, '') ?? '').trim();
	if (dto !== 'update' && !pipelineId) {
		throw invalidInput(node, itemIndex, 'Pipeline', 'is empty', 'Pick the pipeline the deal belongs to.');
	}
	if (pipelineId) body.pipelineId = assertId(node, itemIndex, 'Pipeline', pipelineId);
	if (stageId) body.pipelineStageId = assertId(node, itemIndex, 'Stage', stageId);

	const name = dto === 'update' ? fields.name : this.getNodeParameter('name', itemIndex, '');
	if (dto !== 'update' && !String(name ?? '').trim()) {
		throw invalidInput(node, itemIndex, 'Opportunity Name', 'is empty', 'Give the deal a name, e.g. {{ $json.name }} — Scorecard.');
	}
	if (String(name ?? '').trim()) body.name = String(name).trim();

	if (fields.status !== undefined && fields.status !== '') body.status = readStatus.call(this, itemIndex, fields.status, `${section}Status`);
	else if (dto === 'create') body.status = 'open';
	if (fields.monetaryValue !== undefined && fields.monetaryValue !== '') {
		body.monetaryValue = readMonetaryValue.call(this, itemIndex, fields.monetaryValue, section);
	}
	if (String(fields.assignedTo ?? '').trim()) body.assignedTo = assertId(node, itemIndex, `${section}Assigned User`, fields.assignedTo);
	const followers = toList(fields.followers).map((id) => assertId(node, itemIndex, `${section}Followers`, id));

	if (body.pipelineId || body.pipelineStageId) {
		checkStage(node, itemIndex, await loadPipelines(client), body.pipelineId as string | undefined, body.pipelineStageId as string | undefined);
	}
	const rows = ((fields.customFields as IDataObject | undefined)?.field ?? []) as Array<{ field?: string; value?: unknown }>;
	const customFields = await buildCustomFields.call(this, client, itemIndex, rows, 'opportunity');
	if (customFields.length) body.customFields = customFields;
	return { body, followers };
}

/** Adds followers to an opportunity (POST /opportunities/{id}/followers); nothing when there are none. */
export async function addFollowers(client: GhlClient, itemIndex: number, opportunityId: string, followers: string[]): Promise<void> {
	if (!followers.length) return;
	await client.request({
		method: 'POST',
		path: '/opportunities/{opportunityId}/followers',
		segments: { opportunityId },
		body: { followers },
		// Adding the same followers twice leaves them followers once.
		idempotent: true,
		itemIndex,
	});
}
