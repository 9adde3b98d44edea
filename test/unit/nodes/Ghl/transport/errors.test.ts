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
	});
});
