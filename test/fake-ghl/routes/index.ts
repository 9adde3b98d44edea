/** Every implemented route, by spec operation key, grouped as the spec files are. */
import { calendarRoutes } from './calendars.ts';
import { contactRoutes } from './contacts.ts';
import { contactSearchRoutes } from './contactSearch.ts';
import { conversationRoutes } from './conversations.ts';
import { locationRoutes } from './locations.ts';
import { noteRoutes } from './notes.ts';
import { oauthRoutes } from './oauth.ts';
import { opportunityRoutes } from './opportunities.ts';
import { taskRoutes } from './tasks.ts';
import { userRoutes } from './users.ts';
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
