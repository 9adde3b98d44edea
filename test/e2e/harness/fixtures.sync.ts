/**
 * Two-way sync (#13): a GHL Trigger on ContactUpdate that grades the contact and writes the grade
 * back to the contact it was triggered by — once with the echo guard on both sides, once without
 * (the loop the guard prevents). The fake sends the signed events for its own state changes.
 */
import type { CredentialRef } from './context';
import { body, byId, chain, type ExportedWorkflow, ghl, webhookNode, WORKFLOWS } from './fixtures';

export const SYNC_FIELDS = { marker: 'fakeMarkerField00001', grade: 'fakeGradeField000001' } as const;

/** The custom fields the sync workflows need, seeded by the suite (marker: a text field). */
export const SYNC_CUSTOM_FIELDS = [
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
	{ id: SYNC_FIELDS.marker, name: 'n8n sync marker', fieldKey: 'contact.n8n_sync_marker', dataType: 'TEXT' },
	{ id: SYNC_FIELDS.grade, name: 'Lead grade', fieldKey: 'contact.lead_grade', dataType: 'TEXT' },
];

export function writeBackWorkflow(guarded: boolean, cred: CredentialRef, publicKeyPem: string): ExportedWorkflow {
	const ref = guarded ? WORKFLOWS.syncGuarded : WORKFLOWS.syncUnguarded;
	const trigger = {
		parameters: {
			source: 'marketplaceApp',
			events: ['ContactUpdate'],
			signatureVerification: 'signature',
			locationIds: '',
			fetchFullRecord: 'none',
			options: { customPublicKeys: publicKeyPem, ...(guarded ? { ignoreEchoes: true } : {}) },
		},
		id: guarded ? '5a0e0000-0000-4000-8000-000000000001' : '5a0e0000-0000-4000-8000-000000000002',
		name: 'GHL Trigger',
		type: 'n8n-nodes-ghl.ghlTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: ref.path.split('/')[0],
	};
	// The grade depends on what the person edited; unguarded, a changing stamp keeps the loop going.
	const grade = guarded
		? "={{ $('GHL Trigger').first().json.payload.city ? 'A' : 'B' }}"
		: "={{ ($('GHL Trigger').first().json.payload.city ? 'A' : 'B') + ' ' + $now.toMillis() }}";
	return chain(ref, [
		trigger,
		ghl('Write Grade Back', cred, 'contact', 'update', {
			contactId: byId("={{ $('GHL Trigger').first().json.payload.id }}"),
			updateFields: { customFields: { field: [{ field: 'lead_grade', value: grade }] } },
			options: guarded ? { markEcho: true, echoMarkerField: 'n8n_sync_marker' } : {},
		}),
	]);
}

/** The conflict policies on one seeded contact, inputs from the webhook body: {contactId, email}. */
export function conflictsWorkflow(cred: CredentialRef): ExportedWorkflow {
	const ref = WORKFLOWS.conflicts;
	return chain(ref, [
		webhookNode(ref.path),
		ghl('Fill Empty', cred, 'contact', 'update', {
			contactId: byId(body('contactId')),
			onConflict: 'fillEmpty',
			updateFields: { firstName: 'Other', city: 'Denver' },
			options: {},
		}),
		ghl('Skip Older', cred, 'contact', 'upsert', {
			email: body('email'),
			phone: '',
			onConflict: 'skipIfChanged',
			sourceUpdatedAt: '2020-01-01T00:00:00Z',
			additionalFields: { lastName: 'Old' },
			options: {},
		}),
		ghl('Write Newer', cred, 'contact', 'upsert', {
			email: body('email'),
			phone: '',
			onConflict: 'skipIfChanged',
			sourceUpdatedAt: '={{ $now.plus({ days: 1 }).toISO() }}',
			additionalFields: { lastName: 'New' },
			options: {},
		}),
	]);
}
