import { apiVersionFor, PACKAGE_VERSION } from '../../../../../nodes/Ghl/transport/constants';
import { useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('transport', () => {
	it('keeps the User-Agent version equal to package.json', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		expect(PACKAGE_VERSION).toBe(require('../../../../../package.json').version);
	});

	it('picks the Version header per endpoint family', () => {
		expect(apiVersionFor('/calendars/events/appointments')).toBe('2021-04-15');
		expect(apiVersionFor('/contacts/x')).toBe('2021-07-28');
		expect(apiVersionFor('/locations/x/customFields')).toBe('2021-07-28');
	});
});
