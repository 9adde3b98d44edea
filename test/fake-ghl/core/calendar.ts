/**
 * Appointments as records and a calendar's free slots: open hours in the calendar's (or the
 * location's) time zone, slot duration and interval, booked slots removed.
 */
import { MESSAGES } from './constants.ts';
import { isoInTz, tzOffsetMin, validTz, wallToUtc } from './time.ts';
import type { Core, Rec } from './types.ts';
import { badRequest, clone, newId } from './util.ts';

export function eventFrom(core: Core, input: Rec, cal: Rec | undefined, existing?: Rec): Rec {
	const t = core.iso();
	const e: Rec = existing
		? { ...existing }
		: {
				id: newId(),
				groupId: cal?.groupId ?? '',
				appointmentStatus: 'confirmed',
				status: 'booked',
				isRecurring: false,
				users: [],
				assignedResources: [],
				dateAdded: t,
				createdBy: { source: 'third_party', userId: null },
			};
	for (const [k, v] of Object.entries(input)) {
		if (v === undefined) continue;
		if (k === 'description') e.notes = v;
		if (['toNotify', 'ignoreDateRange', 'ignoreFreeSlotValidation', 'overrideLocationConfig'].includes(k)) continue;
		e[k] = v;
	}
	if (!e.assignedUserId) e.assignedUserId = cal?.teamMembers?.[0]?.userId ?? '';
	if (e.assignedUserId && !e.users.includes(e.assignedUserId)) e.users = [...e.users, e.assignedUserId];
	const start = Date.parse(e.startTime);
	if (input.startTime !== undefined && input.endTime === undefined) {
		const duration = existing ? existing.endMs - existing.startMs : slotMs(cal);
		e.endTime = new Date(start + duration).toISOString();
	}
	e.startMs = start;
	e.endMs = Date.parse(e.endTime);
	if (!e.title) {
		const c = core.state.contacts.get(e.contactId);
		e.title = c ? `Appointment with ${c.name ?? c.email ?? c.id}` : 'Appointment';
	}
	e.dateUpdated = t;
	return e;
}

const unitMs = (n: number, unit: string) => n * (unit === 'hours' ? 3_600_000 : 60_000);
const slotMs = (cal: Rec | undefined) => unitMs(cal?.slotDuration ?? 30, cal?.slotDurationUnit ?? 'mins');

export function calendarTz(core: Core, cal: Rec, requested?: string | null): string {
	if (validTz(requested)) return requested;
	if (validTz(cal.timezone)) return cal.timezone;
	const loc = core.state.locations.get(cal.locationId);
	return validTz(loc?.timezone) ? loc!.timezone : 'UTC';
}

export function freeSlots(core: Core, cal: Rec, startMs: number, endMs: number, tz: string, userId?: string, exceptEventId?: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	const dur = slotMs(cal);
	const step = unitMs(cal.slotInterval ?? cal.slotDuration ?? 30, cal.slotIntervalUnit ?? cal.slotDurationUnit ?? 'mins') || dur;
	const busy = [...core.state.appointments.values()].filter(
		(a) =>
			a.calendarId === cal.id &&
			a.id !== exceptEventId &&
			!['cancelled', 'invalid'].includes(a.appointmentStatus) &&
			(!userId || a.assignedUserId === userId),
	);
	const startLocal = new Date(startMs + tzOffsetMin(tz, startMs) * 60000);
	let y = startLocal.getUTCFullYear();
	let mo = startLocal.getUTCMonth();
	let d = startLocal.getUTCDate();
	for (let guard = 0; guard < 40; guard++) {
		const dayStartUtc = wallToUtc(tz, y, mo, d, 0, 0);
		if (dayStartUtc > endMs) break;
		const dow = new Date(Date.UTC(y, mo, d)).getUTCDay();
		const dateKey = new Date(Date.UTC(y, mo, d)).toISOString().slice(0, 10);
		for (const oh of cal.openHours ?? []) {
			if (!oh.daysOfTheWeek?.includes(dow)) continue;
			for (const h of oh.hours ?? []) {
				const open = wallToUtc(tz, y, mo, d, h.openHour, h.openMinute ?? 0);
				const close = wallToUtc(tz, y, mo, d, h.closeHour, h.closeMinute ?? 0);
				for (let s = open; s + dur <= close; s += step) {
					if (s < startMs || s > endMs) continue;
					if (busy.some((a) => a.startMs < s + dur && a.endMs > s)) continue;
					(out[dateKey] ??= []).push(isoInTz(tz, s));
				}
			}
		}
		const next = new Date(Date.UTC(y, mo, d + 1));
		y = next.getUTCFullYear();
		mo = next.getUTCMonth();
		d = next.getUTCDate();
	}
	for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort();
	return out;
}

export function assertSlotFree(core: Core, cal: Rec, startMs: number, eventId?: string, userId?: string): void {
	const slots = freeSlots(core, cal, startMs, startMs, calendarTz(core, cal), userId, eventId);
	const ok = Object.values(slots).some((list) => list.some((s) => Date.parse(s) === startMs));
	if (!ok) throw badRequest(MESSAGES.slotUnavailable);
}

export function publicEvent(e: Rec): Rec {
	const { startMs, endMs, status, ...rest } = e;
	void startMs;
	void endMs;
	void status;
	return clone(rest);
}
export function appointmentResponse(e: Rec): Rec {
	return {
		id: e.id,
		calendarId: e.calendarId,
		locationId: e.locationId,
		contactId: e.contactId,
		startTime: e.startTime,
		endTime: e.endTime,
		title: e.title,
		meetingLocationType: e.meetingLocationType,
		appointmentStatus: e.appointmentStatus,
		assignedUserId: e.assignedUserId,
		address: e.address,
		isRecurring: Boolean(e.isRecurring),
		rrule: e.rrule,
	};
}
