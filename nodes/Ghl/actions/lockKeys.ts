import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { toEpochMs } from '../helpers/dates';
import type { GhlOperation } from './node.type';
import { readTimeZoneOption } from './parameters';

/**
 * What an operation's `lockKey` returns: items with the same key are never in flight together,
 * so concurrency cannot write one record twice at once. A key names what it is keyed by.
 */
type LockKey = NonNullable<GhlOperation['lockKey']>;

/** The Contact locator's value as typed (ID, email or phone): items for one contact. */
export function byContactLocator(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const locator = this.getNodeParameter('contactId', itemIndex, '') as INodeParameterResourceLocator | string;
		const value = typeof locator === 'object' ? locator.value : locator;
		return value ? `contact:${String(value).trim().toLowerCase()}` : undefined;
	} catch {
		return undefined;
	}
}

/** Items carrying the same email (or, failing that, phone, then name) describe one person. */
export function byEmailOrPhone(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim().toLowerCase();
	if (email) return `email:${email}`;
	const phone = String(this.getNodeParameter('phone', itemIndex, '') ?? '').replace(/\D/g, '');
	if (phone) return `phone:${phone}`;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return fields.name ? `name:${String(fields.name).toLowerCase()}` : undefined;
}

/** A record ID parameter (task, note, appointment): items for one record. */
export function byRecordId(parameter: string): LockKey {
	return function (this: IExecuteFunctions, itemIndex: number) {
		const id = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
		return id ? `${parameter}:${id}` : undefined;
	};
}

/** A calendar and start time: items booking one slot go one after another, so the second sees the first. */
export function byCalendarSlot(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const calendar = String(this.getNodeParameter('calendarId', itemIndex, '', { extractValue: true }) ?? '').trim();
		const start = this.getNodeParameter('startTime', itemIndex, '');
		let key = String(start);
		try {
			key = String(toEpochMs(this.getNode(), itemIndex, 'Start Time', start, { timeZone: readTimeZoneOption.call(this, itemIndex) }));
		} catch {
			// Bad input fails in execute, with the proper message.
		}
		return calendar ? `slot:${calendar}:${key}` : undefined;
	} catch {
		return undefined;
	}
}
