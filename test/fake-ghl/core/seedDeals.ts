/**
 * Seeding the records of "from lead to deal": pipelines with their stages, lost reasons,
 * opportunities, workflows, campaigns, conversations and messages; and their part of the
 * 'default' seed (ids in DEFAULT_IDS and README.md).
 */
import { addConversation, addMessage } from './conversation.ts';
import { DEFAULT_IDS } from './constants.ts';
import { opportunityFrom, pipelineFrom } from './opportunity.ts';
import type { Core, Rec, SeedInput } from './types.ts';
import { newId } from './util.ts';

export function seedDeals(core: Core, s: SeedInput, push: (k: string, v: Rec) => void): void {
	const { state } = core;
	const t = core.iso();
	for (const p of s.pipelines ?? []) {
		const rec = pipelineFrom(core, p);
		state.pipelines.set(rec.id, rec);
		push('pipelines', rec);
	}
	for (const r of s.lostReasons ?? []) {
		const rec = { createdAt: t, updatedAt: t, ...r, id: r.id ?? newId() };
		state.lostReasons.set(rec.id, rec);
		push('lostReasons', rec);
	}
	for (const o of s.opportunities ?? []) {
		const { id, createdAt, ...rest } = o;
		const pipeline = state.pipelines.get(rest.pipelineId);
		const rec = opportunityFrom(core, { pipelineStageId: pipeline?.stages[0]?.id, locationId: pipeline?.locationId, name: '', ...rest });
		if (id) rec.id = id;
		if (createdAt) rec.createdAt = typeof createdAt === 'number' ? core.iso(createdAt) : createdAt;
		state.opportunities.set(rec.id, rec);
		push('opportunities', rec);
	}
	for (const w of s.workflows ?? []) {
		const rec = { status: 'published', version: 1, createdAt: t, updatedAt: t, ...w, id: w.id ?? newId() };
		state.workflows.set(rec.id, rec);
		push('workflows', rec);
	}
	for (const c of s.campaigns ?? []) {
		const rec = { status: 'published', ...c, id: c.id ?? newId() };
		state.campaigns.set(rec.id, rec);
		push('campaigns', rec);
	}
	for (const c of s.conversations ?? []) {
		const contact = state.contacts.get(c.contactId);
		push('conversations', addConversation(core, { locationId: contact?.locationId, ...c }));
	}
	for (const m of s.messages ?? []) {
		const conv = state.conversations.get(m.conversationId);
		if (!conv) throw new Error(`fake-ghl seed: message for unknown conversation ${m.conversationId}`);
		const { dateAdded, ...rest } = m;
		push('messages', addMessage(core, conv, { ...rest, ...(dateAdded ? { dateAdded: typeof dateAdded === 'number' ? core.iso(dateAdded) : dateAdded } : {}) }));
	}
}

export function defaultDealsSeed(): SeedInput {
	const I = DEFAULT_IDS;
	const A = I.locationA;
	return {
		customFields: [
			{ id: I.oppFieldSource, locationId: A, name: 'Deal source', fieldKey: 'opportunity.deal_source', dataType: 'TEXT', model: 'opportunity' },
			{ id: I.oppFieldClose, locationId: A, name: 'Expected close', fieldKey: 'opportunity.expected_close', dataType: 'DATE', model: 'opportunity' },
		],
		pipelines: [
			{
				id: I.pipelineSales,
				locationId: A,
				name: 'Sales Pipeline',
				stages: [
					{ id: I.stageNewLead, name: 'New Lead' },
					{ id: I.stageQualified, name: 'Qualified' },
					{ id: I.stageProposal, name: 'Proposal' },
					{ id: I.stageWon, name: 'Won' },
				],
			},
			{ id: I.pipelineOnboarding, locationId: A, name: 'Onboarding', stages: [{ id: I.stageKickoff, name: 'Kickoff' }, { id: I.stageLive, name: 'Live' }] },
			{ id: I.pipelineSalesB, locationId: I.locationB, name: 'Sales Pipeline', stages: [{ id: I.stageBNew, name: 'New' }, { id: I.stageBClosed, name: 'Closed' }] },
		],
		lostReasons: [
			{ id: I.lostReasonPrice, locationId: A, name: 'Too expensive' },
			{ id: I.lostReasonCompetitor, locationId: A, name: 'Went with a competitor' },
			{ id: I.lostReasonB, locationId: I.locationB, name: 'No response' },
		],
		workflows: [
			{ id: I.workflowNurture, locationId: A, name: 'Nurture sequence', status: 'published', version: 3 },
			{ id: I.workflowHotLead, locationId: A, name: 'Hot lead alert', status: 'published', version: 1 },
			{ id: I.workflowDraft, locationId: A, name: 'Re-engagement', status: 'draft', version: 1 },
			{ id: I.workflowB, locationId: I.locationB, name: 'Welcome series', status: 'published', version: 2 },
		],
		campaigns: [
			{ id: I.campaignSpring, locationId: A, name: 'Spring promo', status: 'published' },
			{ id: I.campaignWebinar, locationId: A, name: 'Webinar follow-up', status: 'draft' },
			{ id: I.campaignB, locationId: I.locationB, name: 'Monthly newsletter', status: 'published' },
		],
	};
}
