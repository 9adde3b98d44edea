import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toEpochMs } from '../helpers/dates';
import { invalidInput } from '../helpers/utils';
import { readTimeZoneOption } from '../actions/parameters';
import type { ConflictPolicy } from './conflictPolicy';

/**
 * The On Conflict parameter and, for Skip If Changed, Source Updated At. Top level rather than in
 * Options, so the date can be required and shown only for its policy. `read` names the request
 * the policy costs on this operation.
 */
export function conflictProperties(read: string): INodeProperties[] {
	return [
		{
			displayName: 'On Conflict',
			name: 'onConflict',
			type: 'options',
			options: [
				{ name: 'Overwrite', value: 'overwrite', description: 'Write every field set here (no extra request)' },
				{
					name: 'Fill Empty Fields Only',
					value: 'fillEmpty',
					description: `Write only the fields that are empty in GHL; tags and followers are added, never removed. Costs ${read}.`,
				},
				{
					name: 'Skip If Changed in GHL Since',
					value: 'skipIfChanged',
					description: `Write nothing when GHL's record changed after Source Updated At. Costs ${read}.`,
				},
			],
			default: 'overwrite',
			description: 'What to do when the record already exists in GHL (two-way sync)',
		},
		{
			displayName: 'Source Updated At',
			name: 'sourceUpdatedAt',
			type: 'string',
			required: true,
			default: '',
			placeholder: '{{ $json.updatedAt }}',
			description: 'When the source last changed this record: an ISO date, an n8n date or epoch milliseconds',
			displayOptions: { show: { onConflict: ['skipIfChanged'] } },
		},
	];
}

const MODES = ['overwrite', 'fillEmpty', 'skipIfChanged'];

/** Reads and checks the item's policy: a bad Source Updated At stops the item before any request. */
export function readConflictPolicy(this: IExecuteFunctions, itemIndex: number): ConflictPolicy {
	const mode = String(this.getNodeParameter('onConflict', itemIndex, 'overwrite') || 'overwrite');
	if (!MODES.includes(mode)) {
		throw invalidInput(this.getNode(), itemIndex, 'On Conflict', `"${mode}" is not a policy`, `Use one of: ${MODES.join(', ')}.`);
	}
	if (mode === 'overwrite') return { mode };
	if (mode === 'fillEmpty') return { mode };
	const value = this.getNodeParameter('sourceUpdatedAt', itemIndex, '');
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	return { mode: 'skipIfChanged', sourceUpdatedAt: toEpochMs(this.getNode(), itemIndex, 'Source Updated At', value, { timeZone }) };
}
