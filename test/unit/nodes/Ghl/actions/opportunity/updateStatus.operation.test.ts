import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'opportunity', operation: 'updateStatus', location: locator('list', ''), opportunityId: 'o1' };

describe('opportunity → updateStatus', () => {
	it('marks a deal lost with the reason', async () => {
		ghl().put('/opportunities/o1/status', { status: 'lost', lostReasonId: 'lr1' }).reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, status: 'lost', lostReasonId: 'lr1' } });
		expect(output[0].json).toEqual({ id: 'o1', status: 'lost', lostReasonId: 'lr1' });
	});

	it('sends no lost reason for any other status', async () => {
		ghl().put('/opportunities/o1/status', { status: 'won' }).reply(200, { succeded: true });
		await runNode({ parameters: { ...base, status: 'won', lostReasonId: 'lr1' } });
	});

	it('refuses a status GHL does not have', async () => {
		await expect(runNode({ parameters: { ...base, status: 'closed' } })).rejects.toMatchObject({ message: 'Status: "closed" is not a status (item 0)' });
	});
});
