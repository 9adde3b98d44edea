import type { IDataObject } from 'n8n-workflow';

import type { GhlContext } from './auth';
import type { GhlCredentialType } from './constants';
import { sleep } from './rateLimiter';

type MaybeRefreshError = { failure?: { cause?: string }; message?: string; cause?: unknown; code?: unknown; httpCode?: unknown; body?: { error?: unknown } };

/**
 * n8n's answer when a refresh token was already used (by another execution or process that won the
 * race). n8n 2.x: "The credential … needs to be reconnected" (`failure.cause: 'credential-invalid'`).
 * n8n 1.x has no in-process single-flight, so two executions of one instance refresh with the same
 * token; the loser gets @n8n/client-oauth2's AuthError (`code: 'EAUTH'`, body `invalid_grant`),
 * which n8n wraps in a NodeApiError that drops the cause and keeps only `httpCode: 'EAUTH'` and the
 * OAuth2 error text ("… or refresh token is invalid, expired, revoked …").
 */
export function isLostRefresh(error: unknown): boolean {
	for (let current = error as MaybeRefreshError | undefined, depth = 0; current && depth < 4; current = current.cause as typeof current, depth++) {
		if (current.failure?.cause === 'credential-invalid' || /needs to be reconnected/.test(String(current.message))) return true;
		if (current.code === 'EAUTH' || current.httpCode === 'EAUTH' || current.body?.error === 'invalid_grant') return true;
	}
	return false;
}

const RACE_POLL_MS = 250;
const RACE_WAIT_MS = 5_000;

/**
 * GHL refresh tokens are single-use. When two n8n processes refresh one credential at once, the
 * loser's refresh fails although the winner is about to store fresh tokens. Wait for them and go on.
 */
export async function waitForRotatedToken(ctx: GhlContext, credentialType: GhlCredentialType, staleToken: string): Promise<boolean> {
	for (let waited = 0; waited <= RACE_WAIT_MS; waited += RACE_POLL_MS) {
		const credentials = await ctx.getCredentials(credentialType);
		const current = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
		if (current && current !== staleToken) return true;
		await sleep(RACE_POLL_MS);
	}
	return false;
}
