/**
 * Calendars API (calendars.json): calendars of a location, one calendar, free slots (31 days at
 * most), appointments (book with slot validation, get, update, delete).
 */
import { assertLocation, getOwned } from '../core/auth.ts';
import { appointmentResponse, assertSlotFree, calendarTz, eventFrom, freeSlots, publicEvent } from '../core/calendar.ts';
import { validTz } from '../core/time.ts';
import type { Core, Rec, Routes } from '../core/types.ts';
import { badRequest, clone, newId, notFound, ok } from '../core/util.ts';

export function calendarRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'GET /calendars/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(core, ctx.auth, locationId);
			const groupId = ctx.query.get('groupId');
			const cals = [...state.calendars.values()].filter((c) => c.locationId === locationId && (!groupId || c.groupId === groupId));
			return ok({ calendars: clone(cals) });
		},
		'GET /calendars/{calendarId}': (ctx) => ok({ calendar: clone(getOwned(core, state.calendars, ctx.params.calendarId, 'Calendar', ctx.auth)) }),
		'GET /calendars/{calendarId}/free-slots': (ctx) => {
			const cal = getOwned(core, state.calendars, ctx.params.calendarId, 'Calendar', ctx.auth);
			const start = Number(ctx.query.get('startDate'));
			const end = Number(ctx.query.get('endDate'));
			if (end < start) throw badRequest('endDate must be after startDate');
			if (end - start > 31 * 86_400_000) throw badRequest('Date range cannot be more than 31 days');
			const tz = ctx.query.get('timezone');
			if (tz && !validTz(tz)) throw badRequest(`Invalid timezone ${tz}`);
			const slots = freeSlots(core, cal, start, end, calendarTz(core, cal, tz), ctx.query.get('userId') ?? undefined);
			const body: Rec = {};
			for (const [day, list] of Object.entries(slots)) body[day] = { slots: list };
			body.traceId = newId(36);
			return ok(body);
		},
		'POST /calendars/events/appointments': (ctx) => {
			const b = ctx.body;
			const loc = assertLocation(core, ctx.auth, b.locationId);
			const cal = state.calendars.get(b.calendarId);
			if (!cal || cal.locationId !== loc.id) throw notFound('Calendar');
			const contact = state.contacts.get(b.contactId);
			if (!contact || contact.locationId !== loc.id) throw notFound('Contact');
			const start = Date.parse(b.startTime);
			if (Number.isNaN(start)) throw badRequest('startTime must be a valid ISO 8601 date string');
			if (b.endTime !== undefined && Number.isNaN(Date.parse(b.endTime))) throw badRequest('endTime must be a valid ISO 8601 date string');
			if (!b.ignoreFreeSlotValidation) assertSlotFree(core, cal, start, undefined, b.assignedUserId);
			const e = eventFrom(core, b, cal);
			state.appointments.set(e.id, e);
			return ok(appointmentResponse(e)); // the spec declares 200 (not 201) here
		},
		'GET /calendars/events/appointments/{eventId}': (ctx) => ok({ event: publicEvent(getOwned(core, state.appointments, ctx.params.eventId, 'Event', ctx.auth)) }),
		'PUT /calendars/events/appointments/{eventId}': (ctx) => {
			const e = getOwned(core, state.appointments, ctx.params.eventId, 'Event', ctx.auth);
			const b = ctx.body;
			const cal = state.calendars.get(b.calendarId ?? e.calendarId);
			if (!cal || cal.locationId !== e.locationId) throw notFound('Calendar');
			if (b.startTime !== undefined) {
				const start = Date.parse(b.startTime);
				if (Number.isNaN(start)) throw badRequest('startTime must be a valid ISO 8601 date string');
				if (!b.ignoreFreeSlotValidation && start !== e.startMs) assertSlotFree(core, cal, start, e.id, b.assignedUserId);
			}
			const updated = eventFrom(core, b, cal, e);
			state.appointments.set(e.id, updated);
			return ok(appointmentResponse(updated));
		},
		'DELETE /calendars/events/{eventId}': (ctx) => {
			const e = getOwned(core, state.appointments, ctx.params.eventId, 'Event', ctx.auth);
			state.appointments.delete(e.id);
			return ok({ succeeded: true }, 201);
		},
	};
}
