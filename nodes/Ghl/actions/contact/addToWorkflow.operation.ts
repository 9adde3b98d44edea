import { addToWorkflow } from './enrolment';

export const { description, execute, lockKey } = addToWorkflow;
