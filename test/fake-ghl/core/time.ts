/** Time zones with Intl only: offsets, wall-clock → UTC, ISO 8601 with the zone's offset. */
import type { Rec } from './types.ts';

const dtfCache = new Map<string, Intl.DateTimeFormat>();
export function tzOffsetMin(tz: string, utcMs: number): number {
	let f = dtfCache.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		dtfCache.set(tz, f);
	}
	const p: Rec = {};
	for (const part of f.formatToParts(new Date(utcMs))) p[part.type] = part.value;
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}
export function wallToUtc(tz: string, y: number, mo: number, d: number, h: number, mi: number): number {
	const guess = Date.UTC(y, mo, d, h, mi);
	const off = tzOffsetMin(tz, guess);
	let utc = guess - off * 60000;
	const off2 = tzOffsetMin(tz, utc);
	if (off2 !== off) utc = guess - off2 * 60000;
	return utc;
}
export function isoInTz(tz: string, utcMs: number): string {
	const off = tzOffsetMin(tz, utcMs);
	const local = new Date(utcMs + off * 60000).toISOString().slice(0, 19);
	const sign = off < 0 ? '-' : '+';
	const a = Math.abs(off);
	return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
export function validTz(tz: unknown): tz is string {
	if (typeof tz !== 'string' || !tz) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}
