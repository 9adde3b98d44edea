import { apiVersionFor, isApiVersion, PACKAGE_VERSION } from '../../../../../nodes/Ghl/transport/constants';
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
		expect(apiVersionFor('/conversations/messages')).toBe('2021-04-15');
		expect(apiVersionFor('/conversations/search')).toBe('2021-04-15');
		expect(apiVersionFor('/conversationsX')).toBe('2021-07-28');
	});

	it.each([
		['2021-07-28', true],
		['2021-04-15', true],
		['2024-02-29', true],
		['2021-02-30', false],
		['2021-7-28', false],
		['2021-07-28 ', false],
		['2021-07-28\r\nX: 1', false],
		['latest', false],
		['', false],
	])('isApiVersion(%j) is %s', (value, expected) => {
		expect(isApiVersion(value)).toBe(expected);
	});
});
