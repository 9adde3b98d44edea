import * as contact from './contact/Contact.resource';

/** Resource value → its operations; the router looks operations up here. */
export const resources = {
	contact: contact.operations,
};

export const resourceDescriptions = [...contact.description];
