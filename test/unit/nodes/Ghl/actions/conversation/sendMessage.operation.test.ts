import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const V = '2021-04-15';
const base = { resource: 'conversation', operation: 'sendMessage', location: locator('list', ''), contactId: locator('id', 'c1'), type: 'SMS', message: 'Hi Jane', additionalFields: {}, options: {} };
const email = { ...base, type: 'Email', subject: 'Your score', html: '<p>Hi</p>', message: '' };
const sent = { conversationId: 'conv1', messageId: 'm1', status: 'pending' };

describe('conversation → sendMessage', () => {
	it('sends an SMS with Version 2021-04-15 and outputs GHL\'s answer with the contact, paired to its item', async () => {
		ghl(V).post('/conversations/messages', { type: 'SMS', message: 'Hi Jane', contactId: 'c1' }).reply(200, sent);
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual([{ json: { contactId: 'c1', ...sent }, pairedItem: { item: 0 } }]);
	});

	it('sends an email with every field: cc/bcc as arrays, attachments, reply, schedule as UTC epoch seconds', async () => {
		ghl(V)
			.post('/conversations/messages', {
				type: 'Email',
				subject: 'Your score',
				html: '<p>Hi</p>',
				message: 'Hi (text)',
				attachments: ['https://files.example.com/a.pdf', 'https://files.example.com/b.png'],
				emailFrom: 'sales@example.com',
				emailTo: 'jane.work@example.com',
				emailCc: ['a@example.com', 'b@example.com'],
				emailBcc: ['c@example.com'],
				emailReplyMode: 'reply_all',
				replyMessageId: 'msg0',
				threadId: 'th1',
				scheduledTimestamp: 1_777_646_400, // 2026-05-01 10:40 in New York = 14:40Z
				contactId: 'c1',
			})
			.reply(200, { ...sent, emailMessageId: 'em1' });
		const { output } = await runNode({
			parameters: {
				...email,
				message: 'Hi (text)',
				additionalFields: {
					attachments: 'https://files.example.com/a.pdf, https://files.example.com/b.png',
					emailFrom: 'sales@example.com',
					emailTo: 'jane.work@example.com',
					emailCc: 'a@example.com, b@example.com',
					emailBcc: ['c@example.com'],
					emailReplyMode: 'reply_all',
					replyMessageId: 'msg0',
					threadId: 'th1',
					scheduledTime: '2026-05-01 10:40',
				},
				options: { timezone: 'America/New_York' },
			},
		});
		expect(output[0].json.emailMessageId).toBe('em1');
	});

	it('reads an epoch-millisecond schedule as seconds for GHL', async () => {
		ghl(V).post('/conversations/messages', (body) => body.scheduledTimestamp === 1_777_646_400).reply(200, sent);
		await runNode({ parameters: { ...base, additionalFields: { scheduledTime: 1_777_646_400_000 } } });
	});

	it('finds the contact by email first, then sends to its ID', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'jane@example.com' }).reply(200, { contact: { id: 'c9' } });
		ghl(V).post('/conversations/messages', { type: 'SMS', message: 'Hi Jane', contactId: 'c9' }).reply(200, sent);
		const { output } = await runNode({ parameters: { ...base, contactId: locator('email', 'jane@example.com') } });
		expect(output[0].json.contactId).toBe('c9');
	});

	it('sends WhatsApp, a Custom provider message and an attachment-only SMS', async () => {
		ghl(V).post('/conversations/messages', { type: 'WhatsApp', message: 'Hi', contactId: 'c1' }).reply(200, sent);
		ghl(V).post('/conversations/messages', { type: 'Custom', message: 'Hi', conversationProviderId: 'prov1', contactId: 'c1' }).reply(200, sent);
		ghl(V).post('/conversations/messages', { type: 'SMS', attachments: ['https://x.example/p.jpg'], contactId: 'c1' }).reply(200, sent);
		const parameters = [
			{ ...base, type: 'WhatsApp', message: 'Hi' },
			{ ...base, type: 'Custom', message: 'Hi', additionalFields: { conversationProviderId: 'prov1' } },
			{ ...base, message: '', additionalFields: { attachments: 'https://x.example/p.jpg' } },
		];
		const { output } = await runNode({ items: [{ json: {} }, { json: {} }, { json: {} }], parameters: (i) => parameters[i], continueOnFail: false });
		expect(output).toHaveLength(3);
	});

	describe('refuses bad input before any request', () => {
		it.each([
			['SMS without text', { message: '  ' }, 'Message: is empty (item 0)'],
			['Email without subject', { ...email, subject: '' }, 'Subject: is empty (item 0)'],
			['Email without any body', { ...email, html: ' ', message: '' }, 'HTML: is empty, and so is Message (item 0)'],
			['an invalid CC address', { ...email, additionalFields: { emailCc: 'a@example.com, not-an-email' } }, 'Additional Fields → Email CC: "not-an-email" is not a valid email address (item 0)'],
			['an invalid BCC address', { ...email, additionalFields: { emailBcc: 'x@y..com' } }, 'Additional Fields → Email BCC: "x@y..com" is not a valid email address (item 0)'],
			['an invalid From address', { ...email, additionalFields: { emailFrom: 'sales' } }, 'Additional Fields → Email From: "sales" is not a valid email address (item 0)'],
			['a plain-http attachment', { additionalFields: { attachments: 'http://x.example/a.pdf' } }, 'Additional Fields → Attachment URLs: "http://x.example/a.pdf" is not an https URL (item 0)'],
			['a file: attachment', { additionalFields: { attachments: 'file:///etc/passwd' } }, 'Additional Fields → Attachment URLs: "file:///etc/passwd" is not an https URL (item 0)'],
			['an attachment with credentials', { additionalFields: { attachments: 'https://u:p@x.example/a' } }, 'Additional Fields → Attachment URLs: "https://u:p@x.example/a" is not an https URL (item 0)'],
			['email fields on an SMS', { additionalFields: { emailCc: 'a@example.com' } }, 'Additional Fields → Email CC: is only for Email, not SMS (item 0)'],
			['Custom without a provider', { type: 'Custom' }, 'Additional Fields → Conversation Provider ID: is empty (item 0)'],
			['an unknown type', { type: 'Pigeon' }, 'Type: "Pigeon" is not a message type (item 0)'],
			['a crafted reply ID', { additionalFields: { replyMessageId: '../x' } }, 'Additional Fields → Reply To Message ID: "../x" is not a valid GHL ID (item 0)'],
			['a schedule that is no date', { additionalFields: { scheduledTime: 'tomorrow-ish' } }, 'Additional Fields → Scheduled Time: "tomorrow-ish" is not a date (item 0)'],
			['a from number that is no number', { additionalFields: { fromNumber: 'call me' } }, 'Additional Fields → From Number: "call me" is not a phone number (item 0)'],
		])('%s', async (_name, overrides, message) => {
			await expect(runNode({ parameters: { ...base, ...overrides } })).rejects.toMatchObject({ message });
		});

		it('in item 1 before item 0 is sent', async () => {
			const parameters = [base, { ...base, message: '' }];
			await expect(runNode({ items: [{ json: {} }, { json: {} }], parameters: (i) => parameters[i] })).rejects.toMatchObject({ message: 'Message: is empty (item 1)' });
		});
	});

	it.each([
		['SMS', 'SMS', /Do Not Disturb on for SMS, or for all channels.*DND per Channel → SMS: Inactive/],
		['Email', 'Email', /Do Not Disturb on for Email, or for all channels.*DND per Channel → Email: Inactive/],
		['RCS', 'RCS', /Do Not Disturb on for SMS \(which RCS messages follow\)/],
		['Instagram', 'IG', /Do Not Disturb on for all channels.*DND \(All Channels\) off/],
	])('explains a DND refusal of a %s message: which channel and how to lift it', async (_name, type, description) => {
		ghl(V).post('/conversations/messages').reply(400, { statusCode: 400, message: 'Cannot send message as DND is active for this contact' });
		const parameters = type === 'Email' ? { ...email } : { ...base, type, message: 'Hi' };
		await expect(runNode({ parameters })).rejects.toMatchObject({
			httpCode: '400',
			message: 'Cannot send message as DND is active for this contact',
			description: expect.stringMatching(description),
		});
	});

	it('puts the DND explanation into the error item with Continue On Fail', async () => {
		ghl(V).post('/conversations/messages').reply(422, { statusCode: 422, message: 'Contact has Do Not Disturb enabled' });
		const { output } = await runNode({ parameters: base, continueOnFail: true });
		expect(output).toEqual([
			{ json: { error: 'Contact has Do Not Disturb enabled', description: expect.stringContaining('the contact has Do Not Disturb on for SMS'), httpCode: '422' }, pairedItem: { item: 0 } },
		]);
	});

	it('keeps GHL\'s own hint for other refusals', async () => {
		ghl(V).post('/conversations/messages').reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ description: expect.stringContaining('"conversations/message.write" scope') });
	});

	it('never retries a send on a 5xx (a repeat would send the message twice)', async () => {
		ghl(V).post('/conversations/messages').reply(502, { message: 'Bad Gateway' });
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ httpCode: '502' });
	});
});
