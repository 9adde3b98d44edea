import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, userProperty } from '../common.descriptions';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const opportunityIdProperty: INodeProperties = {
	displayName: 'Opportunity ID',
	name: 'opportunityId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'yWQobCRIhRguQtD2llvk',
	description: 'ID of the opportunity (from Opportunity → Create, Get Many, or a GHL Trigger event)',
};

/** The pipeline picker; its value feeds the Stage list. */
export function pipelineProperty(required: boolean): INodeProperties {
	return {
		displayName: 'Pipeline Name or ID',
		name: 'pipelineId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelines' },
		required,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export const stageProperty: INodeProperties = {
	displayName: 'Stage Name or ID',
	name: 'pipelineStageId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId'] },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'A stage of the chosen pipeline; checked against the pipeline before any request',
};

const statusOptions = OPPORTUNITY_STATUSES.map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value }));

export function statusProperty(required: boolean): INodeProperties {
	return { displayName: 'Status', name: 'status', type: 'options', options: statusOptions, required, default: 'open' };
}

export const nameProperty: INodeProperties = {
	displayName: 'Opportunity Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Jane Doe — Scorecard lead',
};

export const lostReasonProperty: INodeProperties = {
	displayName: 'Lost Reason Name or ID',
	name: 'lostReasonId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLostReasons' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Why the deal was lost (GHL\'s list of lost reasons)',
};

/** CreateDto / UpdateOpportunityDto fields besides pipeline, stage, name and contact. */
function opportunityFields(dto: string): INodeProperties[] {
	return [
		...(dto === 'update' ? [{ ...nameProperty, required: false }, statusProperty(false)] : [statusProperty(false)]),
		{
			displayName: 'Monetary Value',
			name: 'monetaryValue',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Deal value in the location\'s currency',
		},
		{ ...userProperty, description: `The user who owns the deal. ${userProperty.description}` },
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getOpportunityCustomFields' },
							default: '',
							description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'An opportunity custom field, by ID or key (e.g. deal_size)',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Followers',
			name: 'followers',
			type: 'string',
			default: '',
			placeholder: 'userId1, userId2',
			description: 'Users who follow the deal, comma-separated IDs. Added with one more request after the write.',
		},
	];
}

export function opportunityFieldsCollection(dto: 'create' | 'upsert' | 'update'): INodeProperties {
	return fieldsCollection(dto, opportunityFields(dto));
}
