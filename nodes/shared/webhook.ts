import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * Request plumbing shared by the signed triggers: body limits, JSON parsing, short answers that
 * never leak internals, constant-time comparison and warnings logged once (replay memory: replay.ts).
 */

export type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;
export type WebhookResponse = ReturnType<IWebhookFunctions['getResponseObject']>;
export type Headers = Record<string, string | string[] | undefined>;

/** Bodies above this are answered 413 and never verified or parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	413: 'Payload Too Large',
};

/** Answers with a bare status text; the caller returns `{ noWebhookResponse: true }`. */
export function reject(res: WebhookResponse, status: 400 | 401 | 413): void {
	res.status(status).send(STATUS_TEXT[status]).end();
}

/**
 * Answers 200 with a short fixed JSON body and starts the workflow with `items`, or nothing.
 * The node answers itself: with `onReceived` and no `responseData` n8n would send the literal
 * text "firstEntryJson"; `noWebhookResponse` plus `workflowData` still starts the execution.
 */
export function acknowledge(res: WebhookResponse, items?: INodeExecutionData[]): IWebhookResponseData {
	res.status(200).json({ received: true });
	return items ? { noWebhookResponse: true, workflowData: [items] } : { noWebhookResponse: true };
}

/** The first value of a header (Node lower-cases header names). */
export function headerValue(headers: Headers, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

export type RawBody = { tooLarge: true } | { tooLarge: false; raw: Buffer | undefined };

/**
 * The exact bytes n8n received (`req.rawBody`, already decompressed), or undefined when n8n did
 * not keep them. Oversized bodies are reported before anything else looks at them.
 */
export function readRawBody(req: WebhookRequest): RawBody {
	const declared = Number(headerValue(req.headers as Headers, 'content-length'));
	if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return { tooLarge: true };
	const value = (req as { rawBody?: unknown }).rawBody;
	let raw: Buffer | undefined;
	if (Buffer.isBuffer(value)) raw = value;
	else if (typeof value === 'string') raw = Buffer.from(value, 'utf8');
	if (raw && raw.length > MAX_BODY_BYTES) return { tooLarge: true };
	return { tooLarge: false, raw };
}

/** Parses a JSON object; anything else (invalid JSON, arrays, scalars) is undefined. */
export function parseJsonObject(raw: Buffer): IDataObject | undefined {
	let text = raw.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	return isPlainObject(parsed) ? parsed : undefined;
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compares two secrets in constant time. Both sides are hashed first, so neither the content
 * nor the length of the expected value leaks through timing.
 */
export function constantTimeEqual(provided: string, expected: string): boolean {
	const a = createHash('sha256').update(provided, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

export function sha256Hex(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON text with object keys sorted (arrays keep their order): every spelling of one parsed value
 * (whitespace, key order, \u escapes) gives the same text. Throws on nesting too deep to walk.
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isPlainObject(value)) {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

let clock: () => number = () => Date.now();

/** Tests only: replace the clock used for timestamps and replay memory. */
export function setWebhookClock(now?: () => number): void {
	clock = now ?? (() => Date.now());
}

export function now(): number {
	return clock();
}

type NodeContext = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>;

/** One trigger node in one workflow. */
export function nodeKey(ctx: NodeContext): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

const warned = new Set<string>();

/**
 * Logs a warning once per node, reason and process: a setting that refuses every request, or a
 * flood of junk requests, must not write one log line per request.
 */
export function warnOnce(ctx: NodeContext & Pick<IWebhookFunctions, 'logger'>, reason: string, message: string): void {
	const key = `${nodeKey(ctx)}:${reason}`;
	if (warned.has(key)) return;
	if (warned.size >= 10_000) warned.clear();
	warned.add(key);
	ctx.logger.warn(message);
}

/** Tests only: log every warning again. */
export function forgetWarnings(): void {
	warned.clear();
}

/**
 * GHL and ScoreApp have no API to register webhooks: the URL is pasted into their settings by
 * hand, so activation has nothing to create, check or remove.
 */
export const pastedUrlWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
