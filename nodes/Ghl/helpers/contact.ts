import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { GhlClient } from '../transport';
import { readDefinitionOnce } from './definitions';
import { assertEmail, assertId, invalidInput } from './utils';

/** Contact → Update and Delete change what a look-up by email or phone finds. */
function changesContacts(ctx: IExecuteFunctions): boolean {
	return ctx.getNodeParameter('resource', 0) === 'contact' && ['update', 'delete'].includes(ctx.getNodeParameter('operation', 0) as string);
}

/** Reads a contact resource locator and returns the contact ID, looking it up by email or phone. */
export async function resolveContactId(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	parameterName = 'contactId',
): Promise<string> {
	const locator = this.getNodeParameter(parameterName, itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' ? locator.mode : 'id';
	const value = typeof locator === 'object' ? locator.value : locator;
	const field = 'Contact';
	if (mode !== 'email' && mode !== 'phone') return assertId(this.getNode(), itemIndex, field, value);

	const qs: IDataObject = { locationId: client.locationId };
	if (mode === 'email') qs.email = assertEmail(this.getNode(), itemIndex, `${field} (by email)`, value);
	else {
		const phone = String(value ?? '').trim();
		if (!/\d{4,}/.test(phone.replace(/\D/g, ''))) {
			throw invalidInput(this.getNode(), itemIndex, `${field} (by phone)`, `"${phone}" is not a phone number`, 'Enter a number such as +14155550123.');
		}
		qs.number = phone;
	}
	const lookup = async () =>
		await client.request<{ contact?: { id?: string } | null }>({ method: 'GET', path: '/contacts/search/duplicate', qs, itemIndex });
	// Items naming one contact by the same email or phone share one look-up per execution, unless
	// the run itself changes or deletes contacts (then each item looks again).
	const response = changesContacts(this)
		? await lookup()
		: await readDefinitionOnce(client, `contact-by-${mode}:${String(qs.email ?? qs.number).toLowerCase()}`, lookup);
	const id = response.contact?.id;
	if (!id) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			field,
			`no contact with ${mode} "${String(value)}" in location ${client.locationId}`,
			'Check the value, or create the contact first (Contact → Create or Update).',
		);
	}
	return id;
}
