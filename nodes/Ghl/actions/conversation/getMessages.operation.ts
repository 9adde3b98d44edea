import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, limitProperty, returnAllProperty } from '../common.descriptions';
import { readLimit } from '../parameters';
import { GET_MESSAGE_TYPES } from './body';
import { messagesFilters } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact whose conversation is read. A contact without a conversation gives no items (not an error).' }),
	returnAllProperty,
	limitProperty,
	messagesFilters,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getMessages'] } }, properties);

/** GHL's page size when none is asked for is 20; larger pages mean fewer requests. */
const PAGE_SIZE = 100;

interface MessagesPage {
	lastMessageId?: string;
	nextPage?: boolean;
	messages?: IDataObject[];
}

/** The spec documents the page at the top level; GHL answers it wrapped in `messages`. Both are read. */
function pageOf(response: { messages?: MessagesPage | IDataObject[] } & MessagesPage): MessagesPage {
	return Array.isArray(response.messages) || response.messages === undefined ? response : response.messages;
}

function readTypes(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const { types = [] } = this.getNodeParameter('filters', itemIndex, {}) as { types?: string[] };
	const list = Array.isArray(types) ? types : [String(types)];
	const unknown = list.find((type) => !GET_MESSAGE_TYPES.includes(type));
	if (unknown) throw invalidInput(this.getNode(), itemIndex, 'Filters → Message Types', `"${unknown}" is not a message type`, 'Pick the types from the list.');
	return list.length ? list.join(',') : undefined;
}

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const type = readTypes.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { conversations = [] } = await client.request<{ conversations?: Array<{ id?: string }> }>({
		method: 'GET',
		path: '/conversations/search',
		qs: { locationId: client.locationId, contactId },
		itemIndex,
	});
	// GHL keeps one conversation per contact; none yet means nothing was ever sent or received.
	const conversationId = conversations[0]?.id;
	if (!conversationId) return [];

	const messages: IDataObject[] = [];
	let lastMessageId: string | undefined;
	while (messages.length < limit) {
		const qs: IDataObject = { limit: Math.min(PAGE_SIZE, limit - messages.length) };
		if (lastMessageId) qs.lastMessageId = lastMessageId;
		if (type) qs.type = type;
		const page = pageOf(
			await client.request({ method: 'GET', path: '/conversations/{conversationId}/messages', segments: { conversationId }, qs, itemIndex }),
		);
		const batch = page.messages ?? [];
		messages.push(...batch);
		// A page without a new cursor would loop forever; stop there.
		if (!page.nextPage || !batch.length || !page.lastMessageId || page.lastMessageId === lastMessageId) break;
		lastMessageId = page.lastMessageId;
	}
	return messages.slice(0, limit);
}
