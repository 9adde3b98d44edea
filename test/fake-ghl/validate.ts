/**
 * Minimal OpenAPI-schema validator that reports errors the way HighLevel's
 * NestJS ValidationPipe (class-validator, whitelist + forbidNonWhitelisted)
 * does: an array of strings such as
 *   "property foo should not exist"
 *   "locationId should not be empty"
 *   "completed must be a boolean value"
 *   "dndSettings.Call.status must be one of the following values: active, inactive, permanent"
 * Nested messages are prefixed with the parent path ("customFields.0.property x should not exist"),
 * as NestJS does when it flattens nested ValidationErrors.
 *
 * Rules (only what the spec can express):
 *  - an object schema with a non-empty `properties` map forbids other properties
 *    (unless it declares additionalProperties); `properties: {}` or a bare
 *    `type: object` means "shape unknown" and accepts anything (the spec uses it
 *    for `any` fields such as dateOfBirth and for SearchBodyV2DTO);
 *  - `required` properties must be present and not null / '' (IsNotEmpty);
 *  - optional properties may be null (class-validator's IsOptional skips null);
 *  - type, enum, items, anyOf/oneOf/allOf are checked.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Schema = any;

const TYPE_MESSAGES: Record<string, string> = {
	string: 'must be a string',
	boolean: 'must be a boolean value',
	number: 'must be a number conforming to the specified constraints',
	integer: 'must be an integer number',
	array: 'must be an array',
	object: 'must be an object',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOk(type: string, v: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof v === 'string';
		case 'boolean':
			return typeof v === 'boolean';
		case 'number':
			return typeof v === 'number' && Number.isFinite(v);
		case 'integer':
			return typeof v === 'number' && Number.isInteger(v);
		case 'array':
			return Array.isArray(v);
		case 'object':
			return isPlainObject(v);
		default:
			return true;
	}
}

function schemaType(schema: Schema): string | undefined {
	if (!schema || typeof schema !== 'object') return undefined;
	if (typeof schema.type === 'string') return schema.type;
	if (schema.properties) return 'object';
	if (schema.items) return 'array';
	return undefined;
}

function hasKnownShape(schema: Schema): boolean {
	return (
		schema &&
		typeof schema === 'object' &&
		schema.properties &&
		Object.keys(schema.properties).length > 0 &&
		schema.additionalProperties === undefined
	);
}

/** Validates `value` (the property called `name`) against `schema`; pushes messages. */
function check(schema: Schema, value: unknown, name: string, out: string[], each = false): void {
	if (!schema || typeof schema !== 'object') return;
	const prefix = each ? `each value in ${name}` : name;

	for (const key of ['anyOf', 'oneOf'] as const) {
		if (Array.isArray(schema[key])) {
			let best: string[] | undefined;
			for (const alt of schema[key]) {
				const errs: string[] = [];
				check(alt, value, name, errs, each);
				if (errs.length === 0) return;
				if (!best || errs.length < best.length) best = errs;
			}
			if (best) out.push(...best);
			return;
		}
	}
	if (Array.isArray(schema.allOf)) {
		for (const part of schema.allOf) check(part, value, name, out, each);
	}

	const type = schemaType(schema);
	if (type === 'object') {
		if (!isPlainObject(value)) {
			if (hasKnownShape(schema)) out.push(`nested property ${name} must be either object or array`);
			else if (schema.type === 'object' && schema.properties) out.push(`${prefix} ${TYPE_MESSAGES.object}`);
			// bare `type: object` = any value (the spec's rendering of `any`)
			return;
		}
		const nested = validateObject(schema, value);
		for (const msg of nested) out.push(`${name}.${msg}`);
		return;
	}
	if (type === 'array') {
		if (!Array.isArray(value)) {
			out.push(`${prefix} ${TYPE_MESSAGES.array}`);
			return;
		}
		const items = schema.items;
		if (!items) return;
		const itemType = schemaType(items);
		if (itemType === 'object' || items.anyOf || items.oneOf) {
			value.forEach((item, i) => {
				if (item === null || item === undefined) {
					out.push(`${name}.${i} should not be null or undefined`);
					return;
				}
				check(items, item, `${name}.${i}`, out);
			});
		} else {
			const before = out.length;
			for (const item of value) {
				check(items, item, name, out, true);
				if (out.length > before) break; // class-validator reports "each value" once
			}
		}
		return;
	}
	if (type && !typeOk(type, value)) {
		out.push(`${prefix} ${TYPE_MESSAGES[type] ?? `must be of type ${type}`}`);
		return;
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
		out.push(`${prefix} must be one of the following values: ${schema.enum.join(', ')}`);
	}
}

/** Errors for an object value against an object schema (no path prefix). */
export function validateObject(schema: Schema, value: Record<string, unknown>): string[] {
	const out: string[] = [];
	const props: Record<string, Schema> = schema.properties ?? {};
	const required: string[] = Array.isArray(schema.required) ? schema.required : [];
	if (hasKnownShape(schema)) {
		for (const key of Object.keys(value)) {
			if (!(key in props)) out.push(`property ${key} should not exist`);
		}
	}
	for (const [key, propSchema] of Object.entries(props)) {
		const v = value[key];
		const isRequired = required.includes(key);
		if (v === undefined || v === null) {
			if (isRequired && !(v === null && propSchema?.nullable)) {
				out.push(`${key} should not be empty`);
				const t = schemaType(propSchema);
				if (t && TYPE_MESSAGES[t] && t !== 'object') out.push(`${key} ${TYPE_MESSAGES[t]}`);
			}
			continue;
		}
		if (isRequired && v === '') {
			out.push(`${key} should not be empty`);
			continue;
		}
		check(propSchema, v, key, out);
	}
	return out;
}

/**
 * Validates a request body. Returns [] when valid. A non-object body against an
 * object schema yields a single GHL-like message.
 */
export function validateBody(schema: Schema, body: unknown): string[] {
	if (!schema) return [];
	const type = schemaType(schema);
	if (type === 'array') {
		const out: string[] = [];
		check(schema, body, 'body', out);
		return out;
	}
	if (!isPlainObject(body)) return ['request body must be a JSON object'];
	return validateObject(schema, body);
}

/**
 * Validates query parameters (all strings on the wire) against the spec's
 * parameter list: unknown parameters are forbidden, required ones must be
 * present, numbers/booleans/enums must parse. Array parameters may repeat.
 */
export function validateQuery(
	params: { name: string; required: boolean; schema: Schema }[],
	query: URLSearchParams,
): string[] {
	const out: string[] = [];
	const known = new Set(params.map((p) => p.name));
	for (const key of new Set(query.keys())) {
		// `userIds[]=a&userIds[]=b` is how some clients serialise arrays
		const base = key.endsWith('[]') ? key.slice(0, -2) : key;
		if (!known.has(base)) out.push(`property ${key} should not exist`);
	}
	for (const p of params) {
		const values = [...query.getAll(p.name), ...query.getAll(`${p.name}[]`)];
		if (values.length === 0 || (values.length === 1 && values[0] === '')) {
			if (p.required) out.push(`${p.name} should not be empty`);
			continue;
		}
		const t = schemaType(p.schema) ?? 'string';
		const v = values[0];
		if (t === 'number' || t === 'integer') {
			const n = Number(v);
			if (v.trim() === '' || !Number.isFinite(n) || (t === 'integer' && !Number.isInteger(n))) {
				out.push(`${p.name} ${TYPE_MESSAGES[t]}`);
			}
		} else if (t === 'boolean') {
			if (v !== 'true' && v !== 'false') out.push(`${p.name} ${TYPE_MESSAGES.boolean}`);
		} else if (t !== 'array' && Array.isArray(p.schema?.enum) && !p.schema.enum.includes(v)) {
			out.push(`${p.name} must be one of the following values: ${p.schema.enum.join(', ')}`);
		}
	}
	return out;
}
