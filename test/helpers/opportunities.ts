import { LOCATION_ID } from './context';
import { ghl } from './setup';

/** Two pipelines as GET /opportunities/pipelines answers them. */
export const PIPELINES = [
	{ id: 'p1', name: 'Sales', stages: [{ id: 's1', name: 'New Lead' }, { id: 's2', name: 'Qualified' }] },
	{ id: 'p2', name: 'Partners', stages: [{ id: 's9', name: 'Intro' }] },
];

/** The one pipelines read a run makes (a definition read, shared by every item). */
export function pipelinesOnce() {
	return ghl().get('/opportunities/pipelines').query({ locationId: LOCATION_ID }).once().reply(200, { pipelines: PIPELINES });
}
