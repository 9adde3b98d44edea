/* eslint-disable @typescript-eslint/no-explicit-any -- API responses checked loosely; runs in Node, not shipped */
/**
 * Proves the fake's opportunities routes (#12, "from lead to deal"): pipelines, lost reasons,
 * opportunity custom fields, create/update/status/upsert/delete, followers, search. In-process,
 * like fake-ghl.test.ts; engage.test.ts covers workflows, campaigns and conversations.
 */
import { DEFAULT_IDS as I, MESSAGES } from './server.ts';
import { useFake } from './testkit.ts';

const A = I.locationA;
const kit = useFake();
const { call, contact } = kit;
const deal = (contactId: string, extra: Record<string, unknown> = {}) => ({ locationId: A, pipelineId: I.pipelineSales, name: 'Deal', status: 'open', contactId, ...extra });

describe('pipelines, lost reasons, opportunity custom fields', () => {
	test('seeded per location', async () => {
		const p = await call('GET', `/opportunities/pipelines?locationId=${A}`);
		expect(p.status).toBe(200);
		expect(p.body.pipelines.map((x: any) => x.id)).toEqual([I.pipelineSales, I.pipelineOnboarding]);
		expect(p.body.pipelines[0].stages.map((s: any) => s.name)).toEqual(['New Lead', 'Qualified', 'Proposal', 'Won']);
		const lr = await call('GET', `/opportunities/lost-reason?locationId=${A}&name=expensive`);
		expect(lr.body).toMatchObject({ lostReasons: [{ id: I.lostReasonPrice, name: 'Too expensive' }], total: 1 });
		const cf = await call('GET', `/locations/${A}/customFields?model=opportunity`);
		expect(cf.body.customFields.map((f: any) => f.id)).toEqual([I.oppFieldSource, I.oppFieldClose]);
		expect((await call('GET', `/opportunities/pipelines?locationId=${I.locationB}`)).status).toBe(403);
		expect((await call('GET', '/opportunities/pipelines')).status).toBe(422);
	});
});

describe('opportunities', () => {
	test('create: happy path, stage defaults to the first, custom fields by key, contact attached', async () => {
		const c = await contact();
		const r = await call('POST', '/opportunities/', deal(c, { monetaryValue: 500, customFields: [{ key: 'deal_source', field_value: 'web' }] }));
		expect(r.status).toBe(201);
		expect(r.body.opportunity).toMatchObject({ pipelineStageId: I.stageNewLead, status: 'open', monetaryValue: 500, contactId: c, customFields: [{ id: I.oppFieldSource, fieldValue: 'web' }], contact: { id: c, name: 'Lea' } });
		const g = await call('GET', `/opportunities/${r.body.opportunity.id}`);
		expect(g.body.opportunity.id).toBe(r.body.opportunity.id);
		expect(kit.fake.snapshot('opportunities').opportunities).toHaveLength(1);
	});
	test('create: stage of another pipeline, unknown pipeline, contact elsewhere → 400; duplicates → 400', async () => {
		const c = await contact();
		const wrong = await call('POST', '/opportunities/', deal(c, { pipelineStageId: I.stageKickoff }));
		expect(wrong.status).toBe(400);
		expect(wrong.body.message).toContain(MESSAGES.stageNotInPipeline);
		expect((await call('POST', '/opportunities/', deal(c, { pipelineId: I.pipelineSalesB }))).body.message).toMatch(/^Pipeline not found/);
		expect((await call('POST', '/opportunities/', deal('nope'))).body.message).toMatch(/^Contact not found/);
		expect((await call('POST', '/opportunities/', deal(c))).status).toBe(201);
		const dup = await call('POST', '/opportunities/', deal(c));
		expect(dup).toMatchObject({ status: 400, body: { message: MESSAGES.duplicateOpportunity } });
		expect((await call('POST', '/opportunities/', deal(c, { pipelineId: I.pipelineOnboarding }))).status).toBe(201);
	});
	test('create: strict CreateDto → 422', async () => {
		const c = await contact();
		const r = await call('POST', '/opportunities/', { ...deal(c, { stage: 'x', status: 'maybe' }), name: undefined });
		expect(r.status).toBe(422);
		expect(r.body.message).toEqual(expect.arrayContaining(['property stage should not exist', 'name should not be empty', 'status must be one of the following values: open, won, lost, abandoned, all']));
	});
	test('update, status with lost reason, delete', async () => {
		const id = (await call('POST', '/opportunities/', deal(await contact()))).body.opportunity.id;
		kit.fake.advanceClock(1000);
		const u = await call('PUT', `/opportunities/${id}`, { pipelineStageId: I.stageProposal, monetaryValue: 900 });
		expect(u.body.opportunity).toMatchObject({ pipelineStageId: I.stageProposal, monetaryValue: 900 });
		expect(u.body.opportunity.lastStageChangeAt > u.body.opportunity.createdAt).toBe(true);
		expect((await call('PUT', `/opportunities/${id}`, { pipelineStageId: I.stageLive })).body.message).toContain(MESSAGES.stageNotInPipeline);
		const moved = await call('PUT', `/opportunities/${id}`, { pipelineId: I.pipelineOnboarding });
		expect(moved.body.opportunity.pipelineStageId).toBe(I.stageKickoff);
		expect((await call('PUT', `/opportunities/${id}`, { locationId: A })).body.message).toEqual(['property locationId should not exist']);
		expect((await call('PUT', `/opportunities/${id}/status`, { status: 'lost', lostReasonId: 'nope' })).status).toBe(400);
		expect((await call('PUT', `/opportunities/${id}/status`, { status: 'lost', lostReasonId: I.lostReasonPrice })).body).toEqual({ succeded: true });
		expect(kit.fake.state.opportunities.get(id)).toMatchObject({ status: 'lost', lostReasonId: I.lostReasonPrice });
		expect((await call('PUT', `/opportunities/${id}/status`, {})).status).toBe(422);
		expect((await call('DELETE', `/opportunities/${id}`)).body).toEqual({ succeded: true });
		expect((await call('GET', `/opportunities/${id}`)).status).toBe(400);
	});
	test('upsert (UpsertOpportunityDto: matches on id) and followers', async () => {
		const c = await contact();
		const base = { locationId: A, pipelineId: I.pipelineSales, followers: [I.userA], isRemoveAllFollowers: false, followersActionType: 'add' };
		const created = await call('POST', '/opportunities/upsert', { ...base, name: 'Up' });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ new: true, opportunity: { name: 'Up', followers: [I.userA] } });
		const id = created.body.opportunity.id;
		const updated = await call('POST', '/opportunities/upsert', { ...base, id, followers: [I.userAB], pipelineStageId: I.stageWon, status: 'won' });
		expect(updated.body).toMatchObject({ new: false, opportunity: { id, status: 'won', followers: [I.userA, I.userAB] } });
		expect((await call('POST', '/opportunities/upsert', { ...base, contactId: c })).body.message).toEqual(['property contactId should not exist']);
		expect((await call('POST', '/opportunities/upsert', { locationId: A, pipelineId: I.pipelineSales })).status).toBe(422);
		const add = await call('POST', `/opportunities/${id}/followers`, { followers: [I.userAB, 'u3'] });
		expect(add).toMatchObject({ status: 201, body: { followers: [I.userA, I.userAB, 'u3'], followersAdded: ['u3'] } });
		const rm = await call('DELETE', `/opportunities/${id}/followers`, { followers: [I.userA] });
		expect(rm.body).toEqual({ followers: [I.userAB, 'u3'], followersRemoved: [I.userA] });
		const all = await call('DELETE', `/opportunities/${id}/followers?isRemoveAllFollowers=true`, { followers: [] });
		expect(all.body).toEqual({ followers: [], followersRemoved: [I.userAB, 'u3'] });
	});
});

describe('opportunity search', () => {
	test('GET: filters, page and the startAfter/startAfterId cursor walk everything once', async () => {
		const ids: string[] = [];
		let c1 = '';
		for (let i = 0; i < 5; i++) {
			kit.fake.advanceClock(1000);
			const c = await contact({ firstName: i === 4 ? 'Ann' : 'Zed' });
			c1 ||= c;
			const r = await call('POST', '/opportunities/', deal(c, { name: `D${i}`, pipelineId: i % 2 ? I.pipelineOnboarding : I.pipelineSales, status: i === 4 ? 'won' : 'open' }));
			ids.push(r.body.opportunity.id);
		}
		const seen: string[] = [];
		let path = `/opportunities/search?location_id=${A}&limit=3&order=added_asc`;
		for (let page = 1; page <= 3; page++) {
			const r = await call('GET', path);
			expect(r.status).toBe(200);
			seen.push(...r.body.opportunities.map((o: any) => o.id));
			expect(r.body.meta).toMatchObject({ total: 5, currentPage: page });
			if (!r.body.meta.nextPageUrl) {
				expect(r.body.meta).toMatchObject({ nextPage: null, startAfterId: null });
				break;
			}
			expect(r.body.meta.nextPage).toBe(page + 1);
			const next = new URL(r.body.meta.nextPageUrl);
			expect(next.searchParams.get('startAfterId')).toBe(r.body.meta.startAfterId);
			path = next.pathname + next.search;
		}
		expect(seen).toEqual(ids);
		const page2 = await call('GET', `/opportunities/search?location_id=${A}&limit=3&page=2&order=added_asc`);
		expect(page2.body.opportunities.map((o: any) => o.id)).toEqual([ids[3], ids[4]]);
		expect(page2.body.meta.prevPage).toBe(1);
		const newest = await call('GET', `/opportunities/search?location_id=${A}&limit=1`);
		expect(newest.body.opportunities[0].name).toBe('D4');
		expect((await call('GET', `/opportunities/search?location_id=${A}&pipeline_id=${I.pipelineOnboarding}`)).body.meta.total).toBe(2);
		expect((await call('GET', `/opportunities/search?location_id=${A}&status=won`)).body.meta.total).toBe(1);
		expect((await call('GET', `/opportunities/search?location_id=${A}&q=zed`)).body.meta.total).toBe(4);
		expect((await call('GET', `/opportunities/search?location_id=${A}&q=zed&contact_id=${c1}`)).body.opportunities.map((o: any) => o.id)).toEqual([ids[0]]);
		expect((await call('GET', `/opportunities/search?location_id=${A}&q=nobody`)).body.meta.total).toBe(0);
	});
	test('GET: location_id required, limit ≤ 100, unknown parameter → 422; POST body strict', async () => {
		expect((await call('GET', '/opportunities/search')).body.message).toContain('location_id should not be empty');
		expect((await call('GET', `/opportunities/search?location_id=${A}&limit=101`)).status).toBe(422);
		expect((await call('GET', `/opportunities/search?location_id=${A}&pipelineId=x`)).body.message).toEqual(['property pipelineId should not exist']);
		await call('POST', '/opportunities/', deal(await contact({ firstName: 'Quinn' }), { name: 'Quinn deal' }));
		const body = { locationId: A, query: 'quinn', limit: 10, page: 1, searchAfter: [], additionalDetails: { notes: false, tasks: true, calendarEvents: false, unReadConversations: false } };
		const r = await call('POST', '/opportunities/search', body);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ total: 1, opportunities: [{ name: 'Quinn deal', tasks: [] }] });
		expect(r.body.opportunities[0].sort).toHaveLength(2);
		expect((await call('POST', '/opportunities/search', { ...body, filters: [] })).body.message).toEqual(['property filters should not exist']);
	});
	test('scopes: a token without opportunities.write → 401', async () => {
		const readOnly = kit.fake.mintToken({ locationId: A, scopes: ['opportunities.readonly', 'contacts.write'] }).access_token;
		expect((await call('GET', `/opportunities/pipelines?locationId=${A}`, undefined, { token: readOnly })).status).toBe(200);
		const r = await call('POST', '/opportunities/', deal('x'), { token: readOnly });
		expect(r).toMatchObject({ status: 401, body: { message: MESSAGES.scope } });
	});
});
