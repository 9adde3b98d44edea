/** Every implemented route, by spec operation key, grouped as the spec files are. */
// @ts-ignore TS5097 -- the explicit .ts extension is required when Node runs this file directly
import { calendarRoutes } from './calendars.ts';
// @ts-ignore TS5097 -- see above
import { contactRoutes } from './contacts.ts';
// @ts-ignore TS5097 -- see above
import { contactSearchRoutes } from './contactSearch.ts';
// @ts-ignore TS5097 -- see above
import { conversationRoutes } from './conversations.ts';
// @ts-ignore TS5097 -- see above
import { locationRoutes } from './locations.ts';
// @ts-ignore TS5097 -- see above
import { noteRoutes } from './notes.ts';
// @ts-ignore TS5097 -- see above
import { oauthRoutes } from './oauth.ts';
// @ts-ignore TS5097 -- see above
import { opportunityRoutes } from './opportunities.ts';
// @ts-ignore TS5097 -- see above
import { taskRoutes } from './tasks.ts';
// @ts-ignore TS5097 -- see above
import { userRoutes } from './users.ts';
// @ts-ignore TS5097 -- see above
import { workflowRoutes } from './workflows.ts';
import type { Core, Routes } from '../core/types.ts';

export function allRoutes(core: Core): Routes {
	const families = [contactRoutes, contactSearchRoutes, taskRoutes, noteRoutes, calendarRoutes, locationRoutes, userRoutes, oauthRoutes, opportunityRoutes, workflowRoutes, conversationRoutes];
	const routes: Routes = {};
	for (const family of families) {
		for (const [key, handler] of Object.entries(family(core))) {
			if (routes[key]) throw new Error(`fake-ghl: route ${key} is defined twice`);
			routes[key] = handler;
		}
	}
	return routes;
}
