import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { toEpochMs, toZonedIso } from '../../helpers/dates';
import { assertId, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, optionsCollection, timezoneOption } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import type { GhlOperation } from '../node.type';
import { readTimeZoneOption } from '../parameters';

/**
 * Adding a contact to, or removing it from, a GHL workflow or campaign: how GHL users start their
 * own automations (nurture sequences, alerts) from outside. Four operations, one shape.
 */

const workflowProperty: INodeProperties = {
	displayName: 'Workflow Name or ID',
	name: 'workflowId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWorkflows' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The GHL workflow (Automation → Workflows) to start or stop for the contact',
};

const campaignProperty: INodeProperties = {
	displayName: 'Campaign Name or ID',
	name: 'campaignId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCampaigns' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

const eventStartTimeOption: INodeProperties = {
	displayName: 'Event Start Time',
	name: 'eventStartTime',
	type: 'dateTime',
	default: '',
	description: 'For workflows that wait relative to an event (e.g. an appointment): the event\'s start',
};

type Kind = 'workflow' | 'campaign';

function operation(operationName: string, kind: Kind, method: IHttpRequestMethods, extra: INodeProperties[]): GhlOperation {
	const idParameter = kind === 'workflow' ? 'workflowId' : 'campaignId';
	const label = kind === 'workflow' ? 'Workflow' : 'Campaign';
	const removeAll = operationName === 'removeFromCampaign';
	return {
		description: updateDisplayOptions({ show: { resource: ['contact'], operation: [operationName] } }, [
			contactLocator(),
			...(removeAll
				? [
						{
							displayName: 'From Every Campaign',
							name: 'allCampaigns',
							type: 'boolean',
							default: false,
							description: 'Whether to remove the contact from all its campaigns instead of one',
						} as INodeProperties,
						{ ...campaignProperty, displayOptions: { show: { allCampaigns: [false] } } },
					]
				: [kind === 'workflow' ? workflowProperty : campaignProperty]),
			...extra,
		]),
		async execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
			const node = this.getNode();
			const everyCampaign = removeAll && this.getNodeParameter('allCampaigns', itemIndex, false) === true;
			const targetId = everyCampaign ? undefined : assertId(node, itemIndex, label, this.getNodeParameter(idParameter, itemIndex, ''));
			let body: IDataObject | undefined;
			if (kind === 'workflow') {
				const { eventStartTime } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				body = {};
				if (eventStartTime) {
					const timeZone = readTimeZoneOption.call(this, itemIndex);
					body.eventStartTime = toZonedIso(toEpochMs(node, itemIndex, 'Options → Event Start Time', eventStartTime, { timeZone }), timeZone);
				}
			} else if (method === 'POST') {
				// contacts.json: AddContactToCampaignDto, an object with no properties.
				body = {};
			}
			const contactId = await resolveContactId.call(this, client, itemIndex);
			await client.request({
				method,
				path: everyCampaign ? '/contacts/{contactId}/campaigns/removeAll' : `/contacts/{contactId}/${kind === 'workflow' ? 'workflow' : 'campaigns'}/{targetId}`,
				segments: everyCampaign ? { contactId } : { contactId, targetId: targetId! },
				body,
				itemIndex,
			});
			const output: IDataObject = { contactId, [everyCampaign ? 'allCampaigns' : idParameter]: everyCampaign ? true : targetId };
			output[method === 'POST' ? 'added' : 'removed'] = true;
			return output;
		},
		lockKey: byContactLocator,
	};
}

export const addToWorkflow = operation('addToWorkflow', 'workflow', 'POST', [optionsCollection([eventStartTimeOption, timezoneOption])]);
export const removeFromWorkflow = operation('removeFromWorkflow', 'workflow', 'DELETE', [optionsCollection([eventStartTimeOption, timezoneOption])]);
export const addToCampaign = operation('addToCampaign', 'campaign', 'POST', []);
export const removeFromCampaign = operation('removeFromCampaign', 'campaign', 'DELETE', []);
