import { byCalendarSlot, byContactLocator, byEmailOrPhone, byRecordId } from '../../../../../nodes/Ghl/actions/lockKeys';
import { createContext, locator } from '../../../../helpers/context';

const keyOf = (lockKey: typeof byContactLocator, parameters: Record<string, unknown>) =>
	lockKey.call(createContext({ parameters }), 0);

describe('lock keys: items with one key never run at once', () => {
	it('byContactLocator: the locator\'s value as typed, case-insensitive; none without a value', () => {
		expect(keyOf(byContactLocator, { contactId: locator('id', ' AbC ') })).toBe('contact:abc');
		expect(keyOf(byContactLocator, { contactId: locator('email', 'Jane@Example.com') })).toBe('contact:jane@example.com');
		expect(keyOf(byContactLocator, { contactId: locator('list', '') })).toBeUndefined();
		expect(keyOf(byContactLocator, {})).toBeUndefined();
	});

	it('byEmailOrPhone: email, else the phone\'s digits, else the name', () => {
		expect(keyOf(byEmailOrPhone, { email: ' Jane@Example.com ', phone: '+1 415' })).toBe('email:jane@example.com');
		expect(keyOf(byEmailOrPhone, { email: '', phone: '+1 (415) 555-0123' })).toBe('phone:14155550123');
		expect(keyOf(byEmailOrPhone, { email: '', phone: '', additionalFields: { name: 'Jane Doe' } })).toBe('name:jane doe');
		expect(keyOf(byEmailOrPhone, { email: '', phone: '', additionalFields: {} })).toBeUndefined();
	});

	it('byRecordId: the parameter and the trimmed ID', () => {
		expect(keyOf(byRecordId('taskId'), { taskId: ' t1 ' })).toBe('taskId:t1');
		expect(keyOf(byRecordId('noteId'), { noteId: '' })).toBeUndefined();
	});

	it('byCalendarSlot: the calendar and the start instant, however the start is written', () => {
		const slot = (startTime: unknown, options = {}) => keyOf(byCalendarSlot, { calendarId: locator('id', 'cal1'), startTime, options });
		const at = Date.parse('2026-05-01T18:30:00Z');
		expect(slot('2026-05-01T14:30:00-04:00')).toBe(`slot:cal1:${at}`);
		expect(slot('2026-05-01 14:30', { timezone: 'America/New_York' })).toBe(`slot:cal1:${at}`);
		expect(slot(at)).toBe(`slot:cal1:${at}`);
		expect(slot('not a date')).toBe('slot:cal1:not a date');
		expect(keyOf(byCalendarSlot, { calendarId: locator('id', ''), startTime: at })).toBeUndefined();
	});
});
