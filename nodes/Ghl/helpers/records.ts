import type { IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { unknownIdHint } from '../transport/errors';
import { assertId } from './utils';

/** GHL answers an unknown ID with 404, or on some endpoints with a 400 that says so. */
const UNKNOWN_ID = /not\s*found|does\s*n[o']t\s*exist|no\s+\w+\s+(?:was\s+)?found|invalid\s+\w*\s*id\b/i;

/**
 * Runs one request for a record addressed by ID; if GHL does not know the ID, the error's
 * description says which ID of which kind was wrong (GHL's own message stays the message).
 */
export async function explainUnknownId<T>(node: INode, what: string, id: string, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		if (
			error instanceof NodeApiError &&
			(error.httpCode === '404' || (error.httpCode === '400' && UNKNOWN_ID.test(error.message)))
		) {
			error.description = unknownIdHint(what, id);
		}
		// The transport only throws NodeApiErrors; re-wrapping one hands back the same error.
		throw new NodeApiError(node, error as JsonObject);
	}
}

/** Reads a record's ID parameter (task, note, appointment), checked as every path segment is. */
export function recordIdReader(parameter: string, label: string) {
	return function (this: IExecuteFunctions, itemIndex: number): string {
		return assertId(this.getNode(), itemIndex, label, this.getNodeParameter(parameter, itemIndex, ''));
	};
}
