import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { timeZoneFor } from '../helpers/dates';
import { fieldsParameter } from './common.descriptions';

/** How many results an item wants: Return All means no limit, else the Limit parameter. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Options → Timezone (checked) if set, else the workflow's timezone. */
export function readTimeZoneOption(this: IExecuteFunctions, itemIndex: number): string {
	const { timezone } = this.getNodeParameter('options', itemIndex, {}) as { timezone?: string };
	return timeZoneFor.call(this, itemIndex, timezone, 'Options → Timezone');
}

/** A copy of the item's Additional Fields (or, for update, Update Fields). */
export function readFields(this: IExecuteFunctions, itemIndex: number, dto: string): IDataObject {
	return { ...((this.getNodeParameter(fieldsParameter(dto), itemIndex, {}) ?? {}) as IDataObject) };
}
