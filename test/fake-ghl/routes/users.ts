/** Users API (users.json): the users of a location. */
import { assertLocation } from '../core/auth.ts';
import type { Core, Routes } from '../core/types.ts';
import { clone, ok } from '../core/util.ts';

export function userRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'GET /users/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(core, ctx.auth, locationId);
			const users = [...state.users.values()].filter((u) => !u.deleted && u.roles.locationIds.includes(locationId));
			return ok({ users: users.map((u) => { const { companyId, ...rest } = clone(u); void companyId; return rest; }) });
		},
	};
}
