import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Every request path is built here, from a fixed template such as `/contacts/{contactId}/tasks`
 * and its segments. IDs come from workflow data (webhooks, forms, leads), so a segment must never
 * be able to climb out of its place: `..`, backslashes or encoded dots would let whoever controls
 * the value pick another endpoint for the credential's token.
 */

/** Templates are written by us: slash-separated literal words and `{name}` placeholders. */
const TEMPLATE = /^(\/([A-Za-z0-9_-]+|\{[A-Za-z][A-Za-z0-9]*\}))*\/?$/;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\%?#\s\u0000-\u001f\u007f]/;

/** What the editor's ID fields suggest (letters, digits, _ and -); `segmentProblem` is what is enforced. */
export const EDITOR_ID_PATTERN = '^[A-Za-z0-9_-]+$';

/** Why a value can't be one path segment, or undefined when it can. */
export function segmentProblem(value: string): string | undefined {
	if (!value) return 'is empty';
	if (value === '.' || value === '..') return `"${value}" is not a valid GHL ID`;
	if (FORBIDDEN.test(value)) return `"${printable(value)}" is not a valid GHL ID`;
	return undefined;
}

/** Keeps control characters out of error messages (they are shown and logged). */
function printable(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 100);
}

export const ID_FIX =
	'GHL IDs are letters and digits: paste the ID only (not a URL), with no spaces, slashes, dots-only values or % escapes. If it comes from an expression, check what the previous node outputs.';

/** Checks one ID for use as a path segment; throws an error naming the field and item. */
export function assertPathSegment(node: INode, itemIndex: number, field: string, value: unknown): string {
	const id = String(value ?? '').trim();
	const problem = segmentProblem(id);
	if (problem) {
		const fix =
			problem === 'is empty'
				? `Pick a record from the list or enter its ID. If it comes from an expression, check that the previous node outputs it for item ${itemIndex}.`
				: ID_FIX;
		throw new NodeOperationError(node, `${field}: ${problem} (item ${itemIndex})`, { description: fix, itemIndex });
	}
	return id;
}

/**
 * Fills a template's placeholders with checked, percent-encoded segments. Throws (naming the
 * placeholder) for a malformed template, a missing segment or a value that fails the check.
 */
export function buildPath(
	node: INode,
	itemIndex: number,
	template: string,
	segments: Record<string, string> = {},
): string {
	if (!TEMPLATE.test(template)) {
		throw new NodeOperationError(node, `Request path "${printable(template)}" is not a path template`, {
			description: 'Paths are built from fixed templates; IDs go in as segments.',
			itemIndex,
		});
	}
	return template.replace(PLACEHOLDER, (_, name: string) => {
		if (!(name in segments)) {
			throw new NodeOperationError(node, `Request path "${template}" has no value for {${name}}`, { itemIndex });
		}
		return encodeURIComponent(assertPathSegment(node, itemIndex, name, segments[name]));
	});
}

/**
 * A path typed by a user (API Request), turned into a template of `{s0}/{s1}…` placeholders and
 * its segments, so it goes through `buildPath` and the one segment rule like every other path.
 * Refuses anything that could leave the API base URL: a scheme or `//` (another host), a query or
 * fragment (those belong in Query Parameters), and every segment `segmentProblem` refuses.
 */
export function userPathTemplate(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): { template: string; segments: Record<string, string> } {
	const text = String(value ?? '').trim();
	const refuse = (problem: string, fix: string) =>
		new NodeOperationError(node, `${field}: ${problem} (item ${itemIndex})`, { description: fix, itemIndex });
	const relative = 'Give the path below the API base URL only, such as /contacts/abc123.';
	if (!text || text === '/') throw refuse('is empty', relative);
	if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) || text.startsWith('//')) {
		throw refuse(`"${printable(text)}" is not a relative path (it names a host)`, relative);
	}
	if (/[?#]/.test(text)) throw refuse(`"${printable(text)}" holds a query or fragment`, 'Put query values in Query Parameters.');
	const parts = text.replace(/^\//, '').split('/');
	// One trailing slash is part of some GHL paths (`/contacts/`); an empty segment elsewhere is not.
	const trailingSlash = parts.length > 1 && parts[parts.length - 1] === '';
	if (trailingSlash) parts.pop();
	const segments: Record<string, string> = {};
	parts.forEach((part, index) => {
		const problem = segmentProblem(part);
		if (problem) {
			const shown = problem === 'is empty' ? 'an empty segment (//)' : `segment "${printable(part)}"`;
			throw refuse(`${shown} is not allowed in "${printable(text)}"`, `${relative} Segments may not be empty, "." or "..", or hold %, \\, whitespace or control characters.`);
		}
		segments[`s${index}`] = part;
	});
	return { template: `${parts.map((_, index) => `/{s${index}}`).join('')}${trailingSlash ? '/' : ''}`, segments };
}
