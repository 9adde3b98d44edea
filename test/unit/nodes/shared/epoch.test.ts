import { toEpochMs } from '../../../../nodes/Ghl/helpers/dates';
import { EPOCH_SECONDS_BELOW, epochToMs } from '../../../../nodes/shared/epoch';
import { parseTimestamp } from '../../../../nodes/Ghl/trigger/verification';

const node = { id: 'n', name: 'HighLevel', type: 'ghl', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

describe('epoch seconds or milliseconds: one threshold for the action node and the trigger', () => {
	const now = Date.parse('2026-05-01T14:30:00Z');
	const birthday = Date.parse('1985-06-15T00:00:00Z');

	it.each([
		['now in seconds', now / 1000, now],
		['now in milliseconds', now, now],
		['a 1985 birth date in milliseconds', birthday, birthday],
		['a 1985 birth date in seconds', birthday / 1000, birthday],
		['zero', 0, 0],
		['the last value read as seconds', EPOCH_SECONDS_BELOW - 1, (EPOCH_SECONDS_BELOW - 1) * 1000],
		['the first value read as milliseconds', EPOCH_SECONDS_BELOW, EPOCH_SECONDS_BELOW],
	])('%s', (_, value, ms) => {
		expect(epochToMs(value)).toBe(ms);
		expect(parseTimestamp(value)).toBe(ms);
		expect(parseTimestamp(String(value))).toBe(ms);
		expect(toEpochMs(node, 0, 'Start', value)).toBe(ms);
		if (Number.isInteger(value)) expect(toEpochMs(node, 0, 'Start', String(value))).toBe(ms);
	});

	it('the threshold lies between any real date in seconds and 1973 in milliseconds', () => {
		expect(new Date(EPOCH_SECONDS_BELOW).getUTCFullYear()).toBe(1973);
		expect(new Date(EPOCH_SECONDS_BELOW * 1000).getUTCFullYear()).toBe(5138);
	});
});
