import type { INode } from 'n8n-workflow';

import {
	assertTimeZone,
	ghlTimeToIso,
	isValidTimeZone,
	timeZoneFor,
	toDateOnly,
	toEpochMs,
	toIso,
	toZonedIso,
} from '../../../../../nodes/Ghl/helpers/dates';
import { createContext } from '../../../../helpers/context';

const node: INode = { id: 'n', name: 'HighLevel', type: 'ghl', typeVersion: 1, position: [0, 0], parameters: {} };
const iso = (value: unknown, options?: Parameters<typeof toEpochMs>[4]) => toIso(node, 3, 'Start', value, options);
const NY = 'America/New_York';

describe('toEpochMs / toIso: the values n8n users have in hand', () => {
	it.each([
		['ISO with Z', '2026-05-01T14:30:00Z', '2026-05-01T14:30:00.000Z'],
		['ISO with an offset', '2026-05-01T14:30:00-04:00', '2026-05-01T18:30:00.000Z'],
		['surrounding spaces', '  2026-05-01T14:30:00Z  ', '2026-05-01T14:30:00.000Z'],
		['a JS Date', new Date('2026-05-01T14:30:00Z'), '2026-05-01T14:30:00.000Z'],
		['an n8n (Luxon) DateTime', { toMillis: () => Date.parse('2026-05-01T14:30:00Z') }, '2026-05-01T14:30:00.000Z'],
		['epoch seconds as text', '1777645800', '2026-05-01T14:30:00.000Z'],
		['epoch ms as a number', 1777645800000, '2026-05-01T14:30:00.000Z'],
		['the largest date JavaScript has', 8.64e15, '+275760-09-13T00:00:00.000Z'],
	])('%s', (_, value, expected) => {
		expect(iso(value)).toBe(expected);
	});

	it('a wall time without an offset is read in the given zone, UTC by default (never the server\'s TZ)', () => {
		expect(iso('2026-05-01 14:30')).toBe('2026-05-01T14:30:00.000Z');
		expect(iso('2026-05-01T14:30', { timeZone: NY })).toBe('2026-05-01T18:30:00.000Z');
		expect(iso('2026-01-15 14:30', { timeZone: NY })).toBe('2026-01-15T19:30:00.000Z');
		expect(iso('2026-05-01 14:30:00.123456789', { timeZone: 'Asia/Kolkata' })).toBe('2026-05-01T09:00:00.123Z');
	});

	it('a bare date is the start of that day, or with endOfDay its last millisecond, in the zone', () => {
		expect(iso('2026-05-01', { timeZone: NY })).toBe('2026-05-01T04:00:00.000Z');
		expect(iso('2026-05-01', { timeZone: NY, endOfDay: true })).toBe('2026-05-02T03:59:59.999Z');
		expect(iso('2026-05-01T10:00', { timeZone: NY, endOfDay: true })).toBe('2026-05-01T14:00:00.000Z');
	});

	it('an hour that happens twice (DST ends) is read as its first occurrence', () => {
		expect(iso('2026-11-01 01:30', { timeZone: NY })).toBe('2026-11-01T05:30:00.000Z');
	});

	it.each([
		['an impossible day', '2026-02-30'],
		['hour 24', '2026-05-01T24:00'],
		['minute 60', '2026-05-01 14:60'],
		['words', 'next tuesday'],
		['empty text', ''],
		['spaces only', '   '],
		['null', null],
		['undefined', undefined],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['beyond the largest date', 8.64e15 + 1],
		['a plain object', {}],
	])('%s is an error naming the field and item', (_, value) => {
		expect(() => toEpochMs(node, 3, 'Start', value)).toThrow(/^Start: ".*" is not a date \(item 3\)$/);
	});
});

describe('toDateOnly', () => {
	it('keeps YYYY-MM-DD as given and cuts anything else to its UTC date', () => {
		expect(toDateOnly(node, 0, 'Date of Birth', ' 1985-06-15 ')).toBe('1985-06-15');
		expect(toDateOnly(node, 0, 'Date of Birth', '1985-06-15T23:30:00-05:00')).toBe('1985-06-16');
		expect(toDateOnly(node, 0, 'Date of Birth', Date.parse('1985-06-15T12:00:00Z'))).toBe('1985-06-15');
		expect(() => toDateOnly(node, 0, 'Date of Birth', 'someday')).toThrow('Date of Birth: "someday" is not a date (item 0)');
	});
});

describe('toZonedIso', () => {
	const at = Date.parse('2026-05-01T14:30:00Z');

	it('writes the zone\'s offset at that instant, half hours included, milliseconds only when there are some', () => {
		expect(toZonedIso(at, NY)).toBe('2026-05-01T10:30:00-04:00');
		expect(toZonedIso(Date.parse('2026-01-15T14:30:00Z'), NY)).toBe('2026-01-15T09:30:00-05:00');
		expect(toZonedIso(at, 'Asia/Kolkata')).toBe('2026-05-01T20:00:00+05:30');
		expect(toZonedIso(at + 250, NY)).toBe('2026-05-01T10:30:00.250-04:00');
		expect(toZonedIso(0, 'UTC')).toBe('1970-01-01T00:00:00+00:00');
	});

	it('round-trips through toEpochMs', () => {
		for (const zone of [NY, 'Asia/Kolkata', 'Europe/Berlin', 'UTC']) expect(toEpochMs(node, 0, 'x', toZonedIso(at, zone))).toBe(at);
	});
});

describe('ghlTimeToIso', () => {
	it('reads offset-less GHL times in the zone and leaves anything that is not a date alone', () => {
		expect(ghlTimeToIso('2021-07-16 11:00:00')).toBe('2021-07-16T11:00:00.000Z');
		expect(ghlTimeToIso('2021-07-16 11:00:00', NY)).toBe('2021-07-16T15:00:00.000Z');
		expect(ghlTimeToIso('2021-07-16T11:00:00+02:00', NY)).toBe('2021-07-16T09:00:00.000Z');
		expect(ghlTimeToIso('soon')).toBe('soon');
		expect(ghlTimeToIso('2021-02-30 11:00:00')).toBe('2021-02-30 11:00:00');
		expect(ghlTimeToIso('')).toBe('');
		expect(ghlTimeToIso(5)).toBe(5);
		expect(ghlTimeToIso(null)).toBeNull();
	});
});

describe('timezones', () => {
	it('assertTimeZone takes IANA names and refuses anything else before a request', () => {
		expect(isValidTimeZone(NY)).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
		expect(assertTimeZone(node, 1, 'Options → Timezone', ' Europe/Berlin ')).toBe('Europe/Berlin');
		expect(() => assertTimeZone(node, 1, 'Options → Timezone', 'Mars/Olympus')).toThrow('Options → Timezone: "Mars/Olympus" is not a timezone (item 1)');
		expect(() => assertTimeZone(node, 1, 'Options → Timezone', '')).toThrow('Options → Timezone: "" is not a timezone (item 1)');
	});

	it('timeZoneFor: the explicit option, else the workflow\'s zone, else UTC when the workflow\'s is unusable', () => {
		const inBerlin = createContext({ parameters: {}, timezone: 'Europe/Berlin' });
		expect(timeZoneFor.call(inBerlin, 0, NY)).toBe(NY);
		expect(timeZoneFor.call(inBerlin, 0, '  ')).toBe('Europe/Berlin');
		expect(timeZoneFor.call(inBerlin, 0, undefined)).toBe('Europe/Berlin');
		expect(timeZoneFor.call(createContext({ parameters: {}, timezone: 'Nowhere/Else' }), 0, '')).toBe('UTC');
		expect(() => timeZoneFor.call(inBerlin, 2, 'Nowhere/Else', 'Options → Timezone')).toThrow(/^Options → Timezone: .*\(item 2\)$/);
	});
});
