import { GhlTrigger } from '../../../../../nodes/Ghl/GhlTrigger.node';
import { useGhlTestEnvironment } from '../../../../helpers/setup';

const trigger = new GhlTrigger();

describe('GHL Trigger: Fetch Full Record without signature verification', () => {
	useGhlTestEnvironment();

	it('shows a notice in the editor for that combination', () => {
		const notice = trigger.description.properties.find((p) => p.name === 'fetchNeedsSignatureNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayOptions?.show).toEqual({
			source: ['marketplaceApp'],
			signatureVerification: ['none'],
			fetchFullRecord: ['ghlOAuth2Api', 'ghlPrivateIntegrationApi'],
		});
	});
});

describe('GHL Trigger: legacy RSA option', () => {
	useGhlTestEnvironment();

	it('says GHL is reported to no longer send x-wh-signature since 2026-09-01', () => {
		const options = trigger.description.properties.find((p) => p.name === 'options')?.options as Array<{ name: string; description?: string }>;
		expect(options.find((o) => o.name === 'allowLegacyRsa')?.description).toMatch(/no longer send.*2026-09-01/);
	});
});

describe('GHL Trigger description', () => {
	it('has no field n8n\'s editor would take as the auth field (it would hide Source): credentials depend on one option list that also has a no-credential value', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { GhlTrigger } = require('../../../../../nodes/Ghl/GhlTrigger.node');
		const description = new GhlTrigger().description;
		expect(description.properties.map((p: { name: string }) => p.name)).not.toContain('authentication');
		const dependsOn = new Set(
			description.credentials.flatMap((credential: { displayOptions?: { show?: object } }) => Object.keys(credential.displayOptions?.show ?? {})),
		);
		expect([...dependsOn].sort()).toEqual(['fetchFullRecord', 'source']);
		const fetch = description.properties.find((p: { name: string }) => p.name === 'fetchFullRecord');
		expect(fetch.options.map((o: { value: string }) => o.value)).toContain('none');
		const source = description.properties.find((p: { name: string }) => p.name === 'source');
		const credentialSources = description.credentials.flatMap((c: { displayOptions?: { show?: { source?: string[] } } }) => c.displayOptions?.show?.source ?? []);
		// Not every Source value selects a credential, so Source is not taken as an auth field either.
		expect(source.options.some((o: { value: string }) => !credentialSources.includes(o.value))).toBe(true);
	});
});
