import { Ghl } from '../../../../../../nodes/Ghl/Ghl.node';
import { createContext, locator, LOCATION_ID } from '../../../../../helpers/context';
import { pipelinesOnce } from '../../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'opportunity', operation: 'getAll', location: locator('list', ''), pipelineId: '', pipelineStageId: '', filters: {}, options: {} };
const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `o${from + i}` }));

describe('opportunity → getAll', () => {
	it('sends every filter GHL knows, in GHL\'s names and day format', async () => {
		pipelinesOnce();
		ghl()
			.get('/opportunities/search')
			.query({
				location_id: LOCATION_ID,
				pipeline_id: 'p1',
				pipeline_stage_id: 's2',
				status: 'won',
				assigned_to: 'user_1',
				contact_id: 'c1',
				date: '05-01-2026',
				endDate: '05-31-2026',
				q: 'jane',
				limit: 10,
			})
			.reply(200, { opportunities: page(0, 2), meta: { total: 2 } });
		const { output } = await runNode({
			parameters: {
				...base,
				pipelineId: 'p1',
				pipelineStageId: 's2',
				limit: 10,
				filters: { status: 'won', assignedTo: 'user_1', contactId: 'c1', startDate: '2026-05-01', endDate: '2026-05-31T23:00:00', query: 'jane' },
				options: { timezone: 'America/New_York' },
			},
		});
		expect(output.map((item) => item.json.id)).toEqual(['o0', 'o1']);
	});

	it('Return All follows GHL\'s cursor and keeps location_id on every page (n8n issue #18436)', async () => {
		ghl().get('/opportunities/search').query({ location_id: LOCATION_ID, limit: 100 }).reply(200, { opportunities: page(0, 100), meta: { startAfter: 111, startAfterId: 'o99', total: 230 } });
		ghl()
			.get('/opportunities/search')
			.query({ location_id: LOCATION_ID, limit: 100, startAfter: 111, startAfterId: 'o99' })
			.reply(200, { opportunities: page(100, 100), meta: { startAfter: 222, startAfterId: 'o199', total: 230 } });
		ghl()
			.get('/opportunities/search')
			.query({ location_id: LOCATION_ID, limit: 100, startAfter: 222, startAfterId: 'o199' })
			.reply(200, { opportunities: page(200, 30), meta: { total: 230 } });
		const { output } = await runNode({ parameters: { ...base, returnAll: true } });
		expect(output).toHaveLength(230);
		expect(output[229].json.id).toBe('o229');
	});

	it('a limit asks for no more than it needs', async () => {
		ghl().get('/opportunities/search').query({ location_id: LOCATION_ID, limit: 100 }).reply(200, { opportunities: page(0, 100), meta: { startAfter: 1, startAfterId: 'o99' } });
		ghl().get('/opportunities/search').query({ location_id: LOCATION_ID, limit: 20, startAfter: 1, startAfterId: 'o99' }).reply(200, { opportunities: page(100, 20), meta: { startAfter: 2, startAfterId: 'o119' } });
		const { output } = await runNode({ parameters: { ...base, limit: 120 } });
		expect(output).toHaveLength(120);
	});

	it('refuses a stage of another pipeline before searching', async () => {
		pipelinesOnce();
		const context = createContext({ parameters: { ...base, pipelineId: 'p2', pipelineStageId: 's1', limit: 5 } });
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message: 'Stage: "s1" is not a stage of pipeline "Partners" (item 0)' });
		expect(context.requests).toHaveLength(1);
	});

	it('refuses a date that is not one before any request', async () => {
		await expect(runNode({ parameters: { ...base, limit: 5, filters: { startDate: 'last week' } } })).rejects.toMatchObject({
			message: 'Filters → Created After: "last week" is not a date (item 0)',
		});
	});
});
