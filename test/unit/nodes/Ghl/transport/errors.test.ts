import { requiredScope } from '../../../../../nodes/Ghl/transport/errors';
import { useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('transport', () => {
	it('names the scope an endpoint needs', () => {
		expect(requiredScope('GET', '/contacts/x')).toBe('contacts.readonly');
		expect(requiredScope('POST', '/contacts/search')).toBe('contacts.readonly');
		expect(requiredScope('PUT', '/calendars/events/appointments/e1')).toBe('calendars/events.write');
		expect(requiredScope('GET', '/calendars/c1/free-slots')).toBe('calendars.readonly');
		expect(requiredScope('GET', '/locations/l/customFields')).toBe('locations/customFields.readonly');
		expect(requiredScope('POST', '/oauth/locationToken')).toBe('oauth.write');
		expect(requiredScope('GET', '/conversations/search')).toBe('conversations.readonly');
		expect(requiredScope('PUT', '/conversations/conv1')).toBe('conversations.write');
		expect(requiredScope('POST', '/conversations/messages')).toBe('conversations/message.write');
		expect(requiredScope('GET', '/conversations/conv1/messages')).toBe('conversations/message.readonly');
		expect(requiredScope('GET', '/conversations/messages/m1')).toBe('conversations/message.readonly');
	});
});
