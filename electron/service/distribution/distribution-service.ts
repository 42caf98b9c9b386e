import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { carriedActions, newActionsOf } from '../../../shared/domain/agenda';
import { dateStyleFor } from '../../../shared/domain/date-format';
import { distributionSubject, recipientsOf, type Recipient } from '../../../shared/domain/distribution';
import type { MeetingSeries } from '../../../shared/domain/meeting-series';
import { MEETING_KIND_LABELS, isActionOpen, type ActionItem } from '../../../shared/domain/meetings';
import { safeFileName } from '../atomic-file';
import { notFound, type ServiceContext } from '../context';
import { meetingDocx } from '../export/export-service';
import { xmlSafeLine } from '../export/sanitise';
import type { DocumentToSave } from '../host';
import { describeFsError } from '../store/shard-store';
import { directoryShard, meetingShard, settingsShard, unitRecordsShard } from '../store/shards';
import { actionsCalendar } from './actions-calendar';
import { requireSeries } from '../series/series-service';
import {
  invitationCalendar,
  invitationUid,
  occurrenceSequenceOf,
  seriesInvitationCalendar,
  seriesSequenceOf,
  sequenceOf,
} from './invitation';
import { minutesMail } from './minutes-mail';

type DistributionHandlers = Pick<
  WorkbookHandlers,
  'exportMinutesEmail' | 'exportMeetingInvitation' | 'exportActionsCalendar'
>;

const shown = (r: Recipient) => `${r.name} <${r.email}>`;

/** A name for a file that every file system accepts, with its extension kept whole. */
const fileName = (base: string, extension: string) =>
  `${safeFileName(xmlSafeLine(base).replace(/\s+/g, ' ')).slice(0, 150)}.${extension}`;

/** Hands a file to the host; a folder that refuses it becomes a clear message, and nothing stored changes. */
async function save(ctx: ServiceContext, doc: DocumentToSave) {
  try {
    return await ctx.host.saveDocument(doc);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(
      'storage',
      `The file could not be saved: ${describeFsError(error)}. Nothing was lost.`,
    );
  }
}

export function distributionHandlers(ctx: ServiceContext): DistributionHandlers {
  const brm = (): Recipient | null => {
    const settings = ctx.store.get(settingsShard);
    const email = settings.brmEmail.trim();
    return email ? { name: settings.brmName.trim() || email, email } : null;
  };

  /** The meetings still planned from a series (a skipped one is gone). */
  const meetingsOf = (series: MeetingSeries) =>
    series.meetingIds
      .filter((id) => ctx.store.has(meetingShard, id))
      .map((id) => ctx.store.get(meetingShard, id));

  const recipients = (meetingId: string) => {
    if (!ctx.store.has(meetingShard, meetingId)) throw notFound('meeting');
    const meeting = ctx.store.get(meetingShard, meetingId);
    return { meeting, ...recipientsOf(meeting, ctx.store.get(directoryShard).contacts) };
  };

  return {
    exportMinutesEmail: async ({ meetingId, kind, cc }) => {
      const { to, missing } = recipients(meetingId);
      const docx = await meetingDocx(ctx, meetingId, kind);
      const { meeting, unit, unitActions, nextMeeting } = docx.input;
      const draft = kind === 'minutes' && meeting.status !== 'finalised';
      const subject = distributionSubject(
        kind,
        { kindLabel: MEETING_KIND_LABELS[meeting.kind], date: meeting.date },
        unit.name,
        draft,
      );
      const actions =
        kind === 'minutes'
          ? newActionsOf(meeting, unitActions)
          : carriedActions(meeting, unitActions).map((c) => c.action);
      const bytes = await minutesMail({
        kind,
        meeting,
        actions,
        nextMeeting,
        from: brm(),
        to,
        cc,
        subject,
        attachment: { fileName: docx.fileName, bytes: docx.bytes },
        now: ctx.now(),
        dates: dateStyleFor(docx.input.locale),
      });
      const saved = await save(ctx, {
        suggestedName: fileName(subject, 'eml'),
        bytes,
        extension: 'eml',
        open: true,
      });
      if (saved.savedTo) {
        // The record is the meeting's own ("sent to N people on …"), kept even on finalised minutes.
        const distributions = [
          ...(meeting.distributions ?? []),
          { at: ctx.now().toISOString(), kind, draft, to: to.map(shown), cc: [...cc] },
        ].slice(-1000);
        ctx.store.put(meetingShard, meeting.id, { ...meeting, distributions });
      }
      return { ...saved, path: saved.savedTo, to: to.map(shown), missing };
    },

    exportMeetingInvitation: async ({ meetingId, cancel, series: wholeSeries }) => {
      const { meeting, to, missing } = recipients(meetingId);
      const organiser = brm();
      if (!organiser) {
        throw new WorkbookError(
          'invalid-input',
          'Calendars need to know who organises the meeting: add your e-mail address in Settings first.',
        );
      }
      const unit = ctx.store.get(directoryShard).units.find((u) => u.id === meeting.unitId);
      if (!unit) throw notFound('business unit');
      if (wholeSeries && !meeting.series) {
        throw new WorkbookError(
          'invalid-input',
          'This meeting was planned on its own, not as part of a series.',
        );
      }
      const series = meeting.series ? requireSeries(ctx.store, meeting.unitId, meeting.series.id) : undefined;
      const input = { meeting, unitName: unit.name, organiser, attendees: to, cancel, now: ctx.now() };
      const invitation =
        wholeSeries && series
          ? {
              text: seriesInvitationCalendar({ ...input, series, seriesMeetings: meetingsOf(series) }),
              uid: invitationUid(series.id),
              sequence: seriesSequenceOf(series, cancel),
            }
          : {
              text: invitationCalendar({ ...input, series }),
              uid: invitationUid(series?.id ?? meeting.id),
              sequence: series ? occurrenceSequenceOf(series, meeting, cancel) : sequenceOf(meeting, cancel),
            };
      const what = `${wholeSeries ? 'series ' : ''}${cancel ? 'cancelled' : 'invitation'}`;
      const saved = await save(ctx, {
        suggestedName: fileName(`${meeting.date} ${unit.name} review ${what}`, 'ics'),
        bytes: new TextEncoder().encode(invitation.text),
        extension: 'ics',
        open: true,
      });
      return {
        ...saved,
        path: saved.savedTo,
        to: to.map(shown),
        missing,
        sequence: invitation.sequence,
        uid: invitation.uid,
      };
    },

    exportActionsCalendar: async ({ unitId }) => {
      const { units } = ctx.store.get(directoryShard);
      if (unitId !== null && !units.some((u) => u.id === unitId)) throw notFound('business unit');
      const chosen = units.filter((u) => (unitId === null ? !u.archived : u.id === unitId));
      const actions = chosen.flatMap((unit) => {
        const list: readonly ActionItem[] = ctx.store.has(unitRecordsShard, unit.id)
          ? ctx.store.get(unitRecordsShard, unit.id).actions
          : [];
        return list.filter((a) => isActionOpen(a.status)).map((action) => ({ action, unitName: unit.name }));
      });
      actions.sort((a, b) => a.action.dueDate.localeCompare(b.action.dueDate));
      const name = unitId === null ? 'All units' : (chosen[0]?.name ?? 'Unit');
      const saved = await save(ctx, {
        suggestedName: fileName(`${name} open actions`, 'ics'),
        bytes: new TextEncoder().encode(actionsCalendar(actions, ctx.now())),
        extension: 'ics',
      });
      return { ...saved, path: saved.savedTo, count: actions.length };
    },
  };
}
