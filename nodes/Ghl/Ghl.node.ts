import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, locationProperty } from './actions/common.descriptions';
import { resourceDescriptions, resourceProperty } from './actions/resources';
import { DEFAULT_CONCURRENCY, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Ghl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel (GHL)',
		name: 'ghl',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with HighLevel (GoHighLevel / LeadConnector) contacts, opportunities, conversations, tasks, notes and appointments',
		defaults: { name: 'HighLevel (GHL)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ghlOAuth2Api', required: true, displayOptions: { show: { authentication: ['ghlOAuth2Api'] } } },
			{
				name: 'ghlPrivateIntegrationApi',
				required: true,
				displayOptions: { show: { authentication: ['ghlPrivateIntegrationApi'] } },
			},
		],
		properties: [
			authenticationProperty,
			locationProperty,
			resourceProperty,
			...resourceDescriptions,
			{
				displayName: 'Request Options',
				name: 'requestOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Parallel Requests',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 50 },
						default: DEFAULT_CONCURRENCY,
						description:
							'How many items are sent at once per location. Without this option each location adapts it to GHL\'s answer times (8 to 32). Requests are paced to GHL\'s rate limit either way; items for the same contact are always sent one after another.',
					},
				],
			},
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
