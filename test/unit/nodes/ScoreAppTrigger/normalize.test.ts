import { answerMap, categoryScores, normalizeScoreAppEvent } from '../../../../nodes/ScoreAppTrigger/normalize';

describe('normalizeScoreAppEvent: tolerance', () => {
	it('turns a test send without email or scores into nulls and empty maps, without throwing', () => {
		const lead = normalizeScoreAppEvent({ event_name: 'QUIZ_STARTED', data: { id: 'r1', status: 'Started', quiz_questions: [] } });
		expect(lead).toMatchObject({
			event: 'QUIZ_STARTED',
			email: null,
			firstName: null,
			lastName: null,
			phone: null,
			score: null,
			scoreOutOf10: null,
			categoryScores: {},
			categoryScoreList: [],
			highestCategory: null,
			lowestCategory: null,
			answers: {},
			leadFormAnswers: {},
			resultId: 'r1',
			status: 'Started',
			reportUrl: null,
			optIn: null,
		});
	});

	it('survives a missing or non-object data and odd value types', () => {
		expect(normalizeScoreAppEvent({}).event).toBeNull();
		expect(normalizeScoreAppEvent({ event_name: 'X', data: 'oops' }).data).toEqual({});
		const odd = normalizeScoreAppEvent({
			event_name: 'QUIZ_FINISHED',
			data: {
				email: '  ',
				total_score: 'n/a',
				category_scores: 'none',
				lead_form_questions: [null, 'x', { answers: [{ answer: 'no label' }] }],
				quiz_questions: { not: 'an array' },
			},
		});
		expect(odd).toMatchObject({ email: null, score: null, categoryScoreList: [], leadFormAnswers: {}, answers: {} });
	});
});

describe('normalizeScoreAppEvent: where each field comes from', () => {
	it('falls back to lead-form questions for email, names and phone', () => {
		const lead = normalizeScoreAppEvent({
			event_name: 'LEAD_SIGNED_UP',
			data: {
				first_name: null,
				lead_form_questions: [
					{ question: 'First Name', answers: [{ answer: 'Ann' }] },
					{ question: 'Surname', answers: [{ answer: 'Lee' }] },
					{ question: 'Work e-mail', answers: [{ answer: 'ann@example.com' }] },
					{ question: 'Mobile', answers: [{ answer: '+1 555 0100' }] },
				],
			},
		});
		expect(lead).toMatchObject({ firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', phone: '+1 555 0100' });
	});

	it('prefers a top-level phone over the lead form', () => {
		const lead = normalizeScoreAppEvent({
			data: { phone: '+1 555 0199', lead_form_questions: [{ question: 'Phone', answers: [{ answer: '+1 555 0100' }] }] },
		});
		expect(lead.phone).toBe('+1 555 0199');
	});

	it('reads a numeric total score and string percentages', () => {
		expect(normalizeScoreAppEvent({ data: { total_score: 64 } }).score).toBe(64);
		expect(normalizeScoreAppEvent({ data: { total_score: { percent: '81' } } }).score).toBe(81);
	});

	it('works out the highest and lowest category when ScoreApp does not send them', () => {
		const lead = normalizeScoreAppEvent({
			data: {
				category_scores: [
					{ percent: 40, category: { title: 'A' } },
					{ percent: 95, category: { title: 'B' } },
					{ percent: null, category: { title: 'C' } },
					{ percent: 10, category: { title: 'D' } },
				],
			},
		});
		expect(lead).toMatchObject({ highestCategory: 'B', lowestCategory: 'D' });
		expect(lead.categoryScores).toEqual({ A: 40, B: 95, C: null, D: 10 });
	});

	it('accepts highest/lowest category given as plain strings', () => {
		const lead = normalizeScoreAppEvent({ data: { highest_category: 'Sales', lowest_category: { name: 'Ops' } } });
		expect(lead).toMatchObject({ highestCategory: 'Sales', lowestCategory: 'Ops' });
	});

	it('maps ids, dates and URLs from their alternative keys', () => {
		const lead = normalizeScoreAppEvent({
			data: {
				result_id: 'r9',
				result_key: 'k9',
				quiz_id: 'q1',
				lead_id: 'l1',
				finished_at: '2024-03-14T10:09:00.000Z',
				result_url: 'https://acme.scoreapp.com/r/k9',
				opt_in: 'false',
			},
		});
		expect(lead).toMatchObject({
			resultId: 'r9',
			resultKey: 'k9',
			quizId: 'q1',
			leadId: 'l1',
			finishedAt: '2024-03-14T10:09:00.000Z',
			reportUrl: 'https://acme.scoreapp.com/r/k9',
			optIn: false,
		});
		expect(normalizeScoreAppEvent({ data: { scorecard_id: 's1' } }).quizId).toBe('s1');
	});
});

describe('answerMap and categoryScores', () => {
	it('keys answers by question, numbering repeated questions and joining multiple answers', () => {
		expect(
			answerMap([
				{ question: 'Q', answers: [{ answer: 'a' }] },
				{ question: 'Q', answers: [{ answer: 'b' }, { answer: 'c' }] },
				{ question: { title: 'Nested' }, answers: ['plain'] },
				{ question: 'Empty', answers: [] },
				{ question: 'Single', answer: 'one' },
			]),
		).toEqual({ Q: 'a', 'Q (2)': 'b, c', Nested: 'plain', Empty: null, Single: 'one' });
	});

	it('reads category scores as a list or a title → score object', () => {
		expect(categoryScores({ Strategy: 80, Team: { percent: 70, denominator10: 7 } })).toEqual([
			{ category: 'Strategy', percent: 80, outOf10: null },
			{ category: 'Team', percent: 70, outOf10: 7 },
		]);
		expect(categoryScores([{ title: 'Flat', score: 50 }, { percent: 1 }])).toEqual([
			{ category: 'Flat', percent: 50, outOf10: null },
		]);
	});
});
