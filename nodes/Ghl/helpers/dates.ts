import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { epochToMs } from '../../shared/epoch';
import { invalidInput } from './utils';

export interface DateOptions {
	/**
	 * IANA zone for values written without an offset ("2026-05-01 14:30", n8n's date picker).
	 * Default UTC, so the result never depends on the server's own TZ.
	 */
	timeZone?: string;
	/** A bare date (YYYY-MM-DD) means the last millisecond of that day instead of its first. */
	endOfDay?: boolean;
}

/** A date or date-time with no offset: `2026-05-01`, `2026-05-01T14:30`, `2026-05-01 14:30:00.123`. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

const MAX_DATE_MS = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The zone's offset from UTC at that instant, in ms (New York in summer: -4 h). */
function offsetMs(timeZone: string, epochMs: number): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = Number(part.value);
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
	const wholeSeconds = epochMs - (((epochMs % 1000) + 1000) % 1000);
	return wall - wholeSeconds;
}

/** The instant a wall-clock time (given as if it were UTC) happens in `timeZone`. */
function wallTimeToEpochMs(wallAsUtc: number, timeZone: string): number {
	const first = offsetMs(timeZone, wallAsUtc);
	const guess = wallAsUtc - first;
	const second = offsetMs(timeZone, guess);
	return second === first ? guess : wallAsUtc - second;
}

/** Parses an offset-less date(-time); undefined if the text isn't one or names no real day. */
function parseWallTime(text: string, timeZone: string, endOfDay: boolean): number | undefined {
	const match = WALL_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, fraction] = match;
	const year = Number(y);
	const month = Number(mo) - 1;
	const day = Number(d);
	const dateOnly = h === undefined;
	const hour = dateOnly ? (endOfDay ? 23 : 0) : Number(h);
	const minute = dateOnly ? (endOfDay ? 59 : 0) : Number(mi);
	const second = dateOnly ? (endOfDay ? 59 : 0) : Number(s ?? 0);
	const ms = dateOnly ? (endOfDay ? 999 : 0) : Number((fraction ?? '0').padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(year, month, day, hour, minute, second, ms);
	const check = new Date(wall);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return undefined;
	}
	return wallTimeToEpochMs(wall, timeZone);
}

/**
 * Reads the date/time values n8n users have in hand: ISO strings (with or without an offset),
 * n8n DateTime (Luxon) values, JS Dates and epoch milliseconds (or seconds). Returns epoch ms;
 * unparseable input is an error naming the field and item.
 */
export function toEpochMs(node: INode, itemIndex: number, field: string, value: unknown, options: DateOptions = {}): number {
	let ms: number | undefined;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'number') ms = epochToMs(value);
	else if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		ms = (value as { toMillis: () => number }).toMillis();
	} else if (typeof value === 'string' && value.trim()) {
		const text = value.trim();
		if (/^\d+$/.test(text)) {
			ms = epochToMs(Number(text));
		} else if (WALL_TIME.test(text)) {
			ms = parseWallTime(text, options.timeZone ?? 'UTC', options.endOfDay === true);
		} else {
			ms = Date.parse(text);
		}
	}
	// Beyond ±8.64e15 ms JavaScript has no Date (toISOString would throw a raw RangeError).
	if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${String(value)}" is not a date`,
			'Use an ISO date such as 2026-05-01T14:30:00Z, an n8n date ({{ $now }}), or epoch milliseconds.',
		);
	}
	return ms;
}

export function toIso(node: INode, itemIndex: number, field: string, value: unknown, options: DateOptions = {}): string {
	return new Date(toEpochMs(node, itemIndex, field, value, options)).toISOString();
}

/** YYYY-MM-DD, the birth-date format GHL accepts. */
export function toDateOnly(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		const text = value.trim();
		if (!Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
	}
	return toIso(node, itemIndex, field, value).slice(0, 10);
}

/** ISO 8601 with the zone's offset at that instant: `2026-05-01T14:30:00-04:00`. */
export function toZonedIso(epochMs: number, timeZone: string): string {
	const offset = offsetMs(timeZone, epochMs);
	const wall = new Date(epochMs + offset).toISOString().replace('Z', '').replace(/\.000$/, '');
	const sign = offset < 0 ? '-' : '+';
	const minutes = Math.abs(Math.round(offset / 60_000));
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${wall}${sign}${hh}:${mm}`;
}

/**
 * A GHL time string as UTC ISO 8601. Some endpoints answer `2021-07-16 11:00:00` (no offset):
 * those are read in `timeZone`. Anything that isn't a date comes back unchanged.
 */
export function ghlTimeToIso(value: unknown, timeZone = 'UTC'): unknown {
	if (typeof value !== 'string' || !value.trim()) return value;
	const text = value.trim();
	const ms = WALL_TIME.test(text) ? parseWallTime(text, timeZone, false) : Date.parse(text);
	return ms === undefined || !Number.isFinite(ms) ? value : new Date(ms).toISOString();
}

/** An IANA timezone name, checked before any request. */
export function assertTimeZone(node: INode, itemIndex: number, field: string, value: unknown): string {
	const timeZone = String(value ?? '').trim();
	if (!timeZone || !isValidTimeZone(timeZone)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`"${timeZone}" is not a timezone`,
			'Use an IANA timezone name such as America/New_York, Europe/Berlin or UTC.',
		);
	}
	return timeZone;
}

/** The item's explicit timezone option if set (validated), else the workflow's timezone. */
export function timeZoneFor(this: IExecuteFunctions, itemIndex: number, explicit: unknown, field = 'Timezone'): string {
	if (String(explicit ?? '').trim()) return assertTimeZone(this.getNode(), itemIndex, field, explicit);
	const workflowZone = this.getTimezone();
	return workflowZone && isValidTimeZone(workflowZone) ? workflowZone : 'UTC';
}
