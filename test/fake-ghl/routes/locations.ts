/** Locations API (locations.json): a location, its custom fields (by model) and its tags. */
import { assertLocation } from '../core/auth.ts';
import type { Core, Routes } from '../core/types.ts';
import { clone, ok } from '../core/util.ts';

export function locationRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'GET /locations/{locationId}': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.params.locationId);
			const { duplicateContactSequence, ...pub } = loc;
			void duplicateContactSequence;
			return ok({ location: clone(pub) });
		},
		'GET /locations/{locationId}/customFields': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.params.locationId);
			const model = ctx.query.get('model');
			const list = [...state.customFields.values()].filter((f) => f.locationId === loc.id && (!model || model === 'all' || f.model === model));
			return ok({ customFields: clone(list) });
		},
		'GET /locations/{locationId}/tags': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.params.locationId);
			return ok({ tags: clone([...state.tags.values()].filter((t) => t.locationId === loc.id)) });
		},
	};
}
