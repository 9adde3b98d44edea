/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Regenerates spec.generated.ts from the official HighLevel OpenAPI files.
 *
 *   node test/fake-ghl/gen-spec.ts [specDir]     (Node >= 22.18 / 24: strips types)
 *
 * specDir defaults to $GHL_OPENAPI_DIR or /work/shared/ghl-api/openapi.
 * For every operation of the listed spec files it records method, path,
 * accepted Version header values and security alternatives; for the
 * operations the fake implements (IMPLEMENTED below) it also records the
 * query parameters and the request-body schema with every $ref inlined,
 * so the fake validates requests against exactly what the spec declares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const specDir = process.argv[2] ?? process.env.GHL_OPENAPI_DIR ?? '/work/shared/ghl-api/openapi';
const FILES = ['contacts', 'calendars', 'oauth', 'locations', 'users', 'custom-fields', 'opportunities', 'workflows', 'campaigns', 'conversations'];

/** "METHOD /path" of the operations the fake implements. */
export const IMPLEMENTED = [
	'POST /contacts/',
	'POST /contacts/upsert',
	'GET /contacts/{contactId}',
	'GET /contacts/search/duplicate',
	'PUT /contacts/{contactId}',
	'DELETE /contacts/{contactId}',
	'POST /contacts/search',
	'GET /contacts/', // deprecated, but n8n's built-in HighLevel node lists contacts with it
	'GET /contacts/business/{businessId}',
	'POST /contacts/{contactId}/tags',
	'DELETE /contacts/{contactId}/tags',
	'POST /contacts/bulk/tags/update/{type}',
	'GET /contacts/{contactId}/tasks',
	'POST /contacts/{contactId}/tasks',
	'GET /contacts/{contactId}/tasks/{taskId}',
	'PUT /contacts/{contactId}/tasks/{taskId}',
	'DELETE /contacts/{contactId}/tasks/{taskId}',
	'PUT /contacts/{contactId}/tasks/{taskId}/completed',
	'GET /contacts/{contactId}/notes',
	'POST /contacts/{contactId}/notes',
	'GET /contacts/{contactId}/notes/{id}',
	'PUT /contacts/{contactId}/notes/{id}',
	'DELETE /contacts/{contactId}/notes/{id}',
	'GET /contacts/{contactId}/appointments',
	'POST /contacts/{contactId}/workflow/{workflowId}',
	'DELETE /contacts/{contactId}/workflow/{workflowId}',
	'POST /contacts/{contactId}/campaigns/{campaignId}',
	'DELETE /contacts/{contactId}/campaigns/{campaignId}',
	'DELETE /contacts/{contactId}/campaigns/removeAll',
	'GET /calendars/',
	'GET /calendars/{calendarId}',
	'GET /calendars/{calendarId}/free-slots',
	'POST /calendars/events/appointments',
	'GET /calendars/events/appointments/{eventId}',
	'PUT /calendars/events/appointments/{eventId}',
	'DELETE /calendars/events/{eventId}',
	'GET /locations/{locationId}',
	'GET /locations/{locationId}/customFields',
	'GET /locations/{locationId}/tags',
	'GET /users/',
	'GET /opportunities/pipelines',
	'GET /opportunities/lost-reason',
	'GET /opportunities/search',
	'POST /opportunities/search',
	'GET /opportunities/{id}',
	'PUT /opportunities/{id}',
	'DELETE /opportunities/{id}',
	'PUT /opportunities/{id}/status',
	'POST /opportunities/',
	'POST /opportunities/upsert',
	'POST /opportunities/{id}/followers',
	'DELETE /opportunities/{id}/followers',
	'GET /workflows/',
	'GET /campaigns/',
	'GET /conversations/search',
	'POST /conversations/',
	'GET /conversations/{conversationId}',
	'GET /conversations/{conversationId}/messages',
	'POST /conversations/messages',
	'POST /oauth/token',
	'POST /oauth/locationToken',
	'GET /oauth/installedLocations',
];

/**
 * Request bodies whose `required` list is replaced (README.md, "Not in the spec"), so the fake and
 * the unit tests' spec check (test/helpers/spec.ts) agree. The spec's list is kept as
 * `x-spec-required`. SendMessageBodyDto marks `subType` and `status` required, but HighLevel's own
 * examples send neither (`status` reports a custom provider's delivery state).
 */
const REQUIRED_OVERRIDES: Record<string, string[]> = {
	'POST /conversations/messages': ['type', 'contactId'],
};

/**
 * Security for operations the spec declares none for (README.md, "Not in the spec"): the bulk tag
 * update writes contacts like `POST /contacts/{contactId}/tags`, so it takes what that takes.
 */
const SECURITY_OVERRIDES: Record<string, Array<{ scheme: string; scopes: string[] }>> = {
	'POST /contacts/bulk/tags/update/{type}': [{ scheme: 'bearer', scopes: ['contacts.write'] }],
};

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function inline(node: Json, doc: Json, file: string, seen: string[] = [], isPropertyMap = false): Json {
	if (Array.isArray(node)) return node.map((n) => inline(n, doc, file, seen));
	if (!node || typeof node !== 'object') return node;
	if (typeof node.$ref === 'string') {
		const ref: string = node.$ref;
		if (!ref.startsWith('#/')) return { description: `unresolved external ref ${ref}` };
		if (seen.includes(ref)) throw new Error(`${file}: recursive schema ${ref}`);
		const target = ref
			.slice(2)
			.split('/')
			.reduce((o: Json, k: string) => o?.[k], doc);
		if (!target) throw new Error(`${file}: dangling ref ${ref}`);
		return { ...inline(target, doc, file, [...seen, ref]), 'x-ref': ref.split('/').pop() };
	}
	const out: Json = {};
	for (const [k, v] of Object.entries(node)) {
		// Documentation keys are dropped, but never a property that happens to be named like one.
		if (!isPropertyMap && (k === 'description' || k === 'example' || k === 'examples')) continue;
		out[k] = inline(v, doc, file, seen, k === 'properties' && !isPropertyMap);
	}
	return out;
}

const operations: Json[] = [];
for (const name of FILES) {
	const file = `${name}.json`;
	const doc = JSON.parse(readFileSync(join(specDir, file), 'utf8'));
	for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
		for (const [method, op] of Object.entries<Json>(item)) {
			if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
			const key = `${method.toUpperCase()} ${path}`;
			const params: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
			const version = params.find((p) => p.in === 'header' && p.name === 'Version');
			const entry: Json = {
				key,
				spec: file,
				operationId: op.operationId,
				method: method.toUpperCase(),
				path,
				versions: version ? (version.schema?.enum ?? []) : null,
				security:
					SECURITY_OVERRIDES[key] ??
					(op.security ?? []).map((s: Json) => {
						const [scheme, scopes] = Object.entries<Json>(s)[0];
						return { scheme, scopes };
					}),
				deprecated: Boolean(op.deprecated),
				implemented: IMPLEMENTED.includes(key),
			};
			if (entry.implemented) {
				entry.query = params
					.filter((p) => p.in === 'query')
					.map((p) => ({ name: p.name, required: Boolean(p.required), schema: inline(p.schema ?? {}, doc, file) }));
				if (op.requestBody) {
					const [contentType, media] = Object.entries<Json>(op.requestBody.content)[0];
					entry.body = {
						required: Boolean(op.requestBody.required),
						contentType,
						schema: inline(media.schema, doc, file),
					};
					const required = REQUIRED_OVERRIDES[key];
					if (required) Object.assign(entry.body.schema, { 'x-spec-required': entry.body.schema.required, required });
				}
			}
			operations.push(entry);
		}
	}
}
const missing = IMPLEMENTED.filter((k) => !operations.some((o) => o.key === k));
if (missing.length) throw new Error(`operations not found in spec: ${missing.join(', ')}`);

const out = `/* eslint-disable */
// GENERATED by gen-spec.ts from the HighLevel OpenAPI files (${FILES.map((f) => f + '.json').join(', ')}).
// Do not edit: run \`node test/fake-ghl/gen-spec.ts [specDir]\`.
// The OpenAPI documents are published by HighLevel under CC0.
export const SPEC_OPERATIONS: SpecOperation[] = ${JSON.stringify(operations, null, '\t')};

export interface SpecOperation {
	key: string;
	spec: string;
	operationId?: string;
	method: string;
	path: string;
	/** accepted values of the Version header; null = the spec declares none */
	versions: string[] | null;
	security: { scheme: string; scopes: string[] }[];
	deprecated: boolean;
	implemented: boolean;
	query?: { name: string; required: boolean; schema: any }[];
	body?: { required: boolean; contentType: string; schema: any };
}
`;
const target = join(dirname(process.argv[1]), "spec.generated.ts"); // no import.meta: tsconfig.test.json compiles test/ as CommonJS
writeFileSync(target, out);
// eslint-disable-next-line no-console -- the fake's own output
console.log(`wrote ${target}: ${operations.length} operations, ${IMPLEMENTED.length} implemented`);
