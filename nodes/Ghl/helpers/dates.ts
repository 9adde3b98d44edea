import type { INode } from 'n8n-workflow';

import { invalidInput } from './utils';

/**
 * Reads the date/time values n8n users have in hand: ISO strings, n8n DateTime (Luxon) values,
 * JS Dates and epoch milliseconds (or seconds). Returns epoch ms; unparseable input is an error
 * naming the field and item.
 */
export function toEpochMs(node: INode, itemIndex: number, field: string, value: unknown): number {
	let ms: number | undefined;
	if (value instanceof Date) ms = value.getTime();
	else if (typeof value === 'number') ms = value < 1e11 ? value * 1000 : value;
	else if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		ms = (value as { toMillis: () => number }).toMillis();
	} else if (typeof value === 'string' && value.trim()) {
		const text = value.trim();
		if (/^\d+$/.test(text)) {
			const n = Number(text);
			ms = n < 1e11 ? n * 1000 : n;
		} else {
			ms = Date.parse(text);
		}
	}
	if (ms === undefined || !Number.isFinite(ms)) {
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

export function toIso(node: INode, itemIndex: number, field: string, value: unknown): string {
	return new Date(toEpochMs(node, itemIndex, field, value)).toISOString();
}

/** YYYY-MM-DD, the birth-date format GHL accepts. */
export function toDateOnly(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		const text = value.trim();
		if (!Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return text;
	}
	return toIso(node, itemIndex, field, value).slice(0, 10);
}
