import { addToCampaign } from './enrolment';

export const { description, execute, lockKey } = addToCampaign;
