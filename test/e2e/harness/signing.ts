/**
 * Builds webhook requests the way their senders do: GHL signs the raw body with Ed25519
 * (`x-ghl-signature`, base64); ScoreApp sends the hex HMAC-SHA256 of the body (`Scoreapp-Signature`).
 */
import { createHmac, generateKeyPairSync, randomUUID, sign } from 'node:crypto';

export function newEd25519KeyPair(): { publicKeyPem: string; privateKeyPem: string } {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return {
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}

export interface SignedRequest {
	body: string;
	headers: Record<string, string>;
}

/** A GHL marketplace webhook: `webhookId` and `timestamp` added unless given, body signed as sent. */
export function ghlEvent(privateKeyPem: string, event: Record<string, unknown>): SignedRequest & { webhookId: string } {
	const payload = { webhookId: randomUUID(), timestamp: new Date().toISOString(), ...event };
	const body = JSON.stringify(payload);
	const signature = sign(null, Buffer.from(body), privateKeyPem).toString('base64');
	return { body, headers: { 'x-ghl-signature': signature }, webhookId: String(payload.webhookId) };
}

export function scoreAppEvent(secret: string, payload: Record<string, unknown>): SignedRequest {
	const body = JSON.stringify(payload);
	return { body, headers: { 'Scoreapp-Signature': createHmac('sha256', secret).update(body).digest('hex') } };
}

/** A ScoreApp LEAD_SIGNED_UP-style payload (shape from docs/scoreapp-mapping.md). */
export function scoreAppLead(
	event: string,
	lead: { email: string; firstName?: string; lastName?: string; phone?: string; percent?: number },
): Record<string, unknown> {
	const percent = lead.percent ?? 81;
	return {
		event_name: event,
		data: {
			id: randomUUID(),
			key: randomUUID().replace(/-/g, '').slice(0, 22),
			email: lead.email,
			first_name: lead.firstName ?? 'Grace',
			last_name: lead.lastName ?? 'Hopper',
			status: 'Finished',
			started_at: new Date(Date.now() - 300_000).toISOString(),
			finished_at: new Date().toISOString(),
			opt_in: true,
			total_score: { percent, denominator10: Math.round(percent / 10) },
			category_scores: [
				{ category: { title: 'Strategy' }, percent: percent + 5, denominator10: 9 },
				{ category: { title: 'Operations' }, percent: percent - 20, denominator10: 6 },
			],
			quiz_questions: [
				{ question: 'How big is your team?', answers: [{ answer: '11-50' }] },
				{ question: 'Do you track leads?', answers: [{ answer: 'Yes' }] },
			],
			lead_form_questions: lead.phone ? [{ question: 'Phone', answers: [{ answer: lead.phone }] }] : [],
			utm_source: 'newsletter',
			utm_campaign: 'e2e',
			report: 'https://example.scoreapp.com/report/abc',
		},
	};
}
