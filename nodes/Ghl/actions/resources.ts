import * as appointment from './appointment/Appointment.resource';
import * as contact from './contact/Contact.resource';
import * as note from './note/Note.resource';
import * as task from './task/Task.resource';

/** Resource value → its operations; the router looks operations up here. */
export const resources = {
	contact: contact.operations,
	task: task.operations,
	note: note.operations,
	appointment: appointment.operations,
};

export const resourceDescriptions = [...contact.description, ...task.description, ...note.description, ...appointment.description];
