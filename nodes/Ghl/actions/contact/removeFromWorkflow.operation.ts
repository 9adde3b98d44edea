import { removeFromWorkflow } from './enrolment';

export const { description, execute, lockKey } = removeFromWorkflow;
