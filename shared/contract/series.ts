import { z } from 'zod';
import { idSchema } from '../domain/common';
import { seriesRepeatSchema, type MeetingSeries } from '../domain/meeting-series';
import { meetingPlanFieldsSchema } from '../domain/meetings';
import { method } from './define';

export const seriesContract = {
  /**
   * A periodic review planned ahead as a series: every meeting the rule gives is planned at once, linked
   * in order, each with the plan's template, invitees, time and place. Returns the series and the first
   * meeting's id.
   */
  planMeetingSeries: method<{ series: MeetingSeries; firstMeetingId: string }>()(
    z.strictObject({ unitId: idSchema, fields: meetingPlanFieldsSchema, repeat: seriesRepeatSchema }),
  ),
  /** The series a meeting belongs to (`meeting.series.id`), for the meeting page and the invitation. */
  getMeetingSeries: method<MeetingSeries>()(z.strictObject({ unitId: idSchema, id: idSchema })),
};
