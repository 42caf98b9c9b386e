/** Open actions as all-day events on their due dates, so they show in Outlook beside the meetings. */
import type { ActionItem } from '../../../shared/domain/meetings';
import { allDay, calendarText, newCalendar } from './calendar-file';

export interface CalendarAction {
  action: ActionItem;
  unitName: string;
}

export function actionsCalendar(actions: readonly CalendarAction[], now: Date): string {
  const calendar = newCalendar(null);
  calendar.name('BRM Workbook: open actions');
  for (const { action, unitName } of actions) {
    const owner = action.owner.trim() ? ` (${action.owner.trim()})` : '';
    calendar.createEvent({
      // Stable per action: importing the file again updates the entries instead of doubling them.
      id: `action-${action.id}@brm-workbook`,
      stamp: now,
      start: allDay(action.dueDate),
      allDay: true,
      summary: calendarText(`Action due: ${action.title}${owner}`).replace(/\n/g, ' '),
      description: calendarText(`${unitName}\nStatus: ${action.status}`),
    });
  }
  return calendar.toString();
}
