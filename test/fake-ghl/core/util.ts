/** Errors as GHL answers them, ids, and small value helpers (no state). */
import { randomBytes } from 'node:crypto';
import type { Rec } from './types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Thrown anywhere in a request; the server answers it as is (status, JSON body, headers). */
export class HttpError extends Error {
	status: number;
	body: unknown;
	headers: Record<string, string>;
	constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
		super(typeof body === 'object' && body && 'message' in body ? String((body as Rec).message) : `HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}
export function err(status: number, message: unknown, extra: Rec = {}): HttpError {
	return new HttpError(status, { statusCode: status, message, ...extra });
}
export const badRequest = (message: string, extra: Rec = {}) => err(400, message, extra);
export const notFound = (what: string) => err(400, `${what} not found`);
/** A handler's answer: status (default 200) and JSON body. */
export const ok = (body: unknown, status = 200) => ({ status, body, __result: true });

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function newId(len = 20): string {
	const bytes = randomBytes(len);
	let s = '';
	for (let i = 0; i < len; i++) s += ALPHABET[bytes[i] % ALPHABET.length];
	return s;
}

export const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function deepMerge<T>(base: T, patch: any): T {
	if (!patch || typeof patch !== 'object') return base;
	const out: any = Array.isArray(base) ? [...(base as any)] : { ...base };
	for (const [k, v] of Object.entries(patch)) {
		if (v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object') out[k] = deepMerge(out[k], v);
		else if (v !== undefined) out[k] = v;
	}
	return out;
}

export const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
export const lower = (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s);
export const digits = (s: unknown) => (typeof s === 'string' ? s.replace(/\D/g, '') : '');
export function samePhone(a: unknown, b: unknown): boolean {
	const x = digits(a);
	const y = digits(b);
	if (!x || !y) return false;
	if (x === y) return true;
	return x.length >= 10 && y.length >= 10 && x.slice(-10) === y.slice(-10);
}
export const normTags = (tags: unknown): string[] =>
	Array.isArray(tags) ? [...new Set(tags.filter((t) => typeof t === 'string').map((t) => t.trim().toLowerCase()).filter(Boolean))] : [];
