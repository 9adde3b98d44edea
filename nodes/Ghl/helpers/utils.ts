import type { IDataObject, IDisplayOptions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertPathSegment } from '../transport/path';

/** Adds one operation's displayOptions to each of its properties (merging any they already have). */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}

/** An error for bad input, naming the field, the item and the fix. */
export function invalidInput(node: INode, itemIndex: number, field: string, problem: string, fix: string) {
	return new NodeOperationError(node, `${field}: ${problem} (item ${itemIndex})`, {
		description: fix,
		itemIndex,
	});
}

/** One @; no empty, leading, trailing or doubled dots; domain labels of letters, digits and hyphens. */
const EMAIL =
	/^(?!\.)(?!.*\.\.)[^\s@()<>,;:"[\]\\]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[\p{L}\p{N}-]+)$/u;

export function assertEmail(node: INode, itemIndex: number, field: string, value: unknown): string {
	const email = String(value ?? '').trim();
	if (!EMAIL.test(email)) {
		throw invalidInput(node, itemIndex, field, `"${email}" is not a valid email address`, 'Enter an address like name@example.com, or leave the field empty.');
	}
	return email;
}

/** A GHL ID read from a parameter; the same rule as every request path segment. */
export function assertId(node: INode, itemIndex: number, field: string, value: unknown): string {
	return assertPathSegment(node, itemIndex, field, value);
}

/** Drops undefined and empty-string values, so unset optional fields are never sent. */
export function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
	) as T;
}

/** Splits "a, b" or an array into trimmed non-empty strings. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}
