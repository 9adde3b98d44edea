import { removeFromCampaign } from './enrolment';

export const { description, execute, lockKey } = removeFromCampaign;
