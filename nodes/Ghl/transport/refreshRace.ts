import type { IDataObject } from 'n8n-workflow';

import type { GhlContext } from './auth';
import type { GhlCredentialType } from './constants';
import { sleep } from './rateLimiter';

/** n8n's answer when a refresh token was already used (by another process that won the race). */
export function isLostRefresh(error: unknown): boolean {
	for (let current = error as { failure?: { cause?: string }; message?: string; cause?: unknown } | undefined, depth = 0; current && depth < 4; current = current.cause as typeof current, depth++) {
		if (current.failure?.cause === 'credential-invalid' || /needs to be reconnected/.test(String(current.message))) return true;
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
