/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * What the global setup hands to the suites: one JSON file per run (its path in GHL_E2E_CONTEXT).
 * The suites reach n8n and the fake GHL API only over HTTP (and the n8n CLI), never in-process.
 */
import { readFileSync } from 'node:fs';

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowRef {
	id: string;
	name: string;
	/** Production webhook path (after /webhook/). */
	path: string;
}

export interface TemplateRef extends WorkflowRef {
	file: string;
	trigger: 'scoreApp' | 'ghl' | 'other';
	triggerNode: string;
	/** The events the trigger node listens to. */
	events: string[];
	/** Nodes the template has besides sticky notes. */
	nodeNames: string[];
}

export interface E2eContext {
	root: string;
	runDir: string;
	logFile: string;
	n8nUrl: string;
	fakeUrl: string;
	pids: { n8n: number; fake: number };
	/** Hash of fixtures.ts and templates/*.json when this run was set up (GHL_E2E_REUSE). */
	fixturesHash: string;
	n8nVersion: string;
	runtime: { node24: string; n8nBin: string };
	/** Environment of every n8n CLI invocation of this run (same DB, key, overwrites). */
	n8nEnv: Record<string, string>;
	owner: { email: string; password: string };
	credentialsOverwrite: Record<string, Record<string, string>>;
	/** Throwaway Ed25519 key pair; the GHL Trigger workflows trust its public key. */
	ed25519: { publicKeyPem: string; privateKeyPem: string };
	secrets: { scoreApp: string; ghlWorkflowWebhook: string };
	credentials: {
		oauthA: CredentialRef & { accessToken: string; refreshToken: string };
		oauthExpired: CredentialRef & { accessToken: string; refreshToken: string };
		oauthRace: CredentialRef & { accessToken: string; refreshToken: string };
		agency: CredentialRef & { accessToken: string; refreshToken: string };
		pitA: CredentialRef;
		pitB: CredentialRef;
		scoreApp: CredentialRef;
		ghlWebhookSecret: CredentialRef;
	};
	workflows: {
		allOps: WorkflowRef;
		cleanup: WorkflowRef;
		oauthExpired: WorkflowRef;
		oauthRace: WorkflowRef;
		agency: WorkflowRef;
		pit: WorkflowRef;
		ghlTrigger: WorkflowRef;
		ghlWorkflowWebhook: WorkflowRef;
		scoreAppTrigger: WorkflowRef;
		deals: WorkflowRef;
		duplicates: WorkflowRef;
		syncGuarded: WorkflowRef;
		conflicts: WorkflowRef;
		syncUnguarded: WorkflowRef;
	};
	templates: TemplateRef[];
	/** Seconds spent in each global-setup step. */
	timings: Record<string, number>;
}

let cached: E2eContext | undefined;

export function e2eContext(): E2eContext {
	if (cached) return cached;
	const file = process.env.GHL_E2E_CONTEXT;
	if (!file) throw new Error('GHL_E2E_CONTEXT is not set: run the e2e suites with `npm run test:e2e` (jest.e2e.config.js)');
	cached = JSON.parse(readFileSync(file, 'utf8')) as E2eContext;
	return cached;
}
