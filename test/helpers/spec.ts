import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { SPEC_OPERATIONS } from '../fake-ghl/spec.generated';
import { validateBody, validateQuery } from '../fake-ghl/validate';

function matcher(template: string): RegExp {
	const pattern = template
		.split(/\{[^}]+\}/)
		.map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
		.join('[^/]+');
	return new RegExp(`^${pattern}$`);
}

/**
 * What HighLevel's OpenAPI files (through the fake GHL's validator, which reports like GHL's
 * NestJS pipe) say is wrong with a request the node sent: unknown or missing body properties,
 * query parameters, Version header. [] when the request conforms.
 */
export function specProblems(request: IHttpRequestOptions): string[] {
	const method = (request.method ?? 'GET').toUpperCase();
	const path = new URL(request.url).pathname;
	// The most literal template wins (/calendars/events/... over /calendars/{calendarId}).
	const operation = SPEC_OPERATIONS.filter((candidate) => candidate.method === method && matcher(candidate.path).test(path)).sort(
		(a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0),
	)[0];
	if (!operation) return [`${method} ${path}: not in the spec`];
	const problems: string[] = [];
	const version = String((request.headers as IDataObject | undefined)?.Version ?? '');
	if (operation.versions && !operation.versions.includes(version)) {
		problems.push(`Version ${version} is not one of ${operation.versions.join(', ')}`);
	}
	if (operation.body && (operation.body.required || request.body !== undefined)) {
		problems.push(...validateBody(operation.body.schema, request.body));
	}
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(request.qs ?? {})) if (value !== undefined) query.set(key, String(value));
	problems.push(...validateQuery(operation.query ?? [], query));
	return problems.map((problem) => `${operation.key}: ${problem}`);
}
