/** ScoreApp webhook test data shared by the trigger's tests and its signature helpers' tests. */

export const SECRET = 'scoreapp-test-secret';

/** LEAD_SIGNED_UP as in scoreapp/webhooks.md §6, with the (unconfirmed) score keys next to it. */
export const leadSignedUp = {
	event_name: 'LEAD_SIGNED_UP',
	data: {
		id: '9b2f4c1e-3d7a-4e8b-a1c2-5f6e7d8c9b0a',
		status: 'Finished',
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
		key: '65a1f3c2de4b5a6978123a',
		first_name: 'Jane',
		last_name: 'Doe',
		email: 'jane.doe@example.com',
		started_at: '2024-03-14T10:02:11.000Z',
		opt_in: true,
		opt_in_detail: 'Implied',
		utm_source: 'linkedin',
		utm_campaign: 'spring',
		utm_medium: 'social',
		utm_term: null,
		utm_content: null,
		ip_address: '203.0.113.24',
		lead_form_questions: [
			{ id: '01a725d2', question: 'Company', answers: [{ answer: 'Acme Ltd' }] },
			{ id: '02b836e3', question: 'Phone number', answers: [{ answer: '+44 7700 900123' }] },
		],
		quiz_questions: [
			{ id: 'c3d4e5f6', question: 'Do you review your budget monthly?', answers: [{ answer: 'Yes' }] },
			{ id: 'd4e5f6a7', question: 'Which channels do you use?', answers: [{ answer: 'Email' }, { answer: 'Ads' }] },
		],
		abandon_email_url: 'https://acme.scoreapp.com/continue/65a1f3c2de4b5a6978123a',
		total_score: { percent: 72, denominator10: 7.2 },
		category_scores: [
			{ percent: 80, denominator10: 8, category: { title: 'Strategy' } },
			{ percent: 55, denominator10: 5.5, category: { title: 'Execution' } },
			{ percent: 90, category: { title: 'Team' } },
		],
		highest_category: { title: 'Team' },
		lowest_category: { title: 'Execution' },
		report: 'https://acme.scoreapp.com/report/65a1f3c2de4b5a6978123a',
	},
};
