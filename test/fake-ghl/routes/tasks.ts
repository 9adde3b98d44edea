/** Tasks of a contact (contacts.json, /contacts/{contactId}/tasks). */
import { contactOf } from '../core/auth.ts';
import type { Core, Ctx, Rec, Routes } from '../core/types.ts';
import { newId, notFound, ok } from '../core/util.ts';

export function taskRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'GET /contacts/{contactId}/tasks': (ctx) => {
			const c = contactOf(core, ctx);
			return ok({ tasks: [...state.tasks.values()].filter((t) => t.contactId === c.id).map(publicTask) });
		},
		'POST /contacts/{contactId}/tasks': (ctx) => {
			const c = contactOf(core, ctx);
			const t = { id: newId(), contactId: c.id, locationId: c.locationId, body: '', ...ctx.body, dateAdded: core.iso(), dateUpdated: core.iso() };
			state.tasks.set(t.id, t);
			return ok({ task: publicTask(t) }, 201);
		},
		'GET /contacts/{contactId}/tasks/{taskId}': (ctx) => ok({ task: publicTask(taskOf(core, ctx)) }),
		'PUT /contacts/{contactId}/tasks/{taskId}': (ctx) => {
			const t = Object.assign(taskOf(core, ctx), ctx.body, { dateUpdated: core.iso() });
			return ok({ task: publicTask(t) });
		},
		'PUT /contacts/{contactId}/tasks/{taskId}/completed': (ctx) => {
			const t = Object.assign(taskOf(core, ctx), { completed: ctx.body.completed, dateUpdated: core.iso() });
			return ok({ task: publicTask(t) });
		},
		'DELETE /contacts/{contactId}/tasks/{taskId}': (ctx) => {
			state.tasks.delete(taskOf(core, ctx).id);
			return ok({ succeded: true });
		},
	};
}

export function publicTask(t: Rec): Rec {
	return { id: t.id, title: t.title, body: t.body, assignedTo: t.assignedTo, dueDate: t.dueDate, completed: Boolean(t.completed), contactId: t.contactId };
}
export function taskOf(core: Core, ctx: Ctx): Rec {
	const c = contactOf(core, ctx);
	const t = core.state.tasks.get(ctx.params.taskId);
	if (!t || t.contactId !== c.id) throw notFound('Task');
	return t;
}
