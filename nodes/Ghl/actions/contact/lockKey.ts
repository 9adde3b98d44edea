import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Items carrying the same email (or, failing that, phone) describe one person: never send them at once. */
export function contactLockKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim().toLowerCase();
	if (email) return `email:${email}`;
	const phone = String(this.getNodeParameter('phone', itemIndex, '') ?? '').replace(/\D/g, '');
	if (phone) return `phone:${phone}`;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return fields.name ? `name:${String(fields.name).toLowerCase()}` : undefined;
}
