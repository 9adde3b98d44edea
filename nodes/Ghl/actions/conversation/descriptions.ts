import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, filtersCollection, optionsCollection, timezoneOption } from '../common.descriptions';
import { GET_MESSAGE_TYPES, MESSAGE_TYPES } from './body';

export const messageTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: MESSAGE_TYPES.map(({ name, value }) => ({ name, value })),
	default: 'SMS',
	description: 'Channel the message is sent on (SendMessageBodyDto.type)',
};

export const messageProperty: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'The message text. For Email: the plain-text body, needed when no HTML is given.',
};

const emailOnly = { displayOptions: { show: { type: ['Email'] } } };

export const emailProperties: INodeProperties[] = [
	{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '', ...emailOnly },
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description: 'HTML body of the email. Either HTML or Message is needed.',
		...emailOnly,
	},
];

export const sendMessageFields = fieldsCollection('create', [
	{ displayName: 'Appointment ID', name: 'appointmentId', type: 'string', default: '', description: 'Appointment the message is about' },
	{
		displayName: 'Attachment URLs',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/brochure.pdf',
		description: 'Files GHL attaches, by https URL. Comma-separated, or an array from an expression.',
	},
	{
		displayName: 'Conversation Provider ID',
		name: 'conversationProviderId',
		type: 'string',
		default: '',
		description: 'Needed for the Custom type: the custom conversation provider that delivers the message',
	},
	{ displayName: 'Email BCC', name: 'emailBcc', type: 'string', default: '', description: 'Email only. Comma-separated, or an array from an expression.' },
	{ displayName: 'Email CC', name: 'emailCc', type: 'string', default: '', description: 'Email only. Comma-separated, or an array from an expression.' },
	{ displayName: 'Email From', name: 'emailFrom', type: 'string', default: '', placeholder: 'sales@example.com', description: 'Email only: the sending address' },
	{
		displayName: 'Email Reply Mode',
		name: 'emailReplyMode',
		type: 'options',
		options: [
			{ name: 'Reply', value: 'reply' },
			{ name: 'Reply All', value: 'reply_all' },
		],
		default: 'reply',
		description: 'Email only, with Reply To Message ID',
	},
	{ displayName: 'Email To', name: 'emailTo', type: 'string', default: '', description: 'Email only: one of the contact\'s addresses, if not the primary one' },
	{ displayName: 'From Number', name: 'fromNumber', type: 'string', default: '', placeholder: '+14155550100', description: 'Sender number (a number of this location)' },
	{ displayName: 'Reply To Message ID', name: 'replyMessageId', type: 'string', default: '', description: 'The message this one answers' },
	{
		displayName: 'Scheduled Time',
		name: 'scheduledTime',
		type: 'dateTime',
		default: '',
		description: 'Send later instead of now. ISO date, n8n date or epoch; without an offset it is read in the Timezone option.',
	},
	{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '' },
	{ displayName: 'Thread ID', name: 'threadId', type: 'string', default: '', description: 'Email thread to add the message to' },
	{ displayName: 'To Number', name: 'toNumber', type: 'string', default: '', placeholder: '+14155550123', description: 'One of the contact\'s numbers, if not the primary one' },
]);

export const sendMessageOptions = optionsCollection([timezoneOption]);

export const messagesFilters = filtersCollection([
	{
		displayName: 'Message Types',
		name: 'types',
		type: 'multiOptions',
		options: GET_MESSAGE_TYPES.map((value) => ({ name: value.replace(/^TYPE_/, '').replace(/_/g, ' '), value })),
		default: [],
		description: 'Only messages of these types (GHL filters)',
	},
]);
