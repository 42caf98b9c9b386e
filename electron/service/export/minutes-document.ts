/**
 * The minutes of a service review meeting, as sent to everyone invited: title block, details,
 * attendance, each agenda item with its minutes, decisions and actions, the new actions, and the
 * next meeting. A meeting that is not finalised is marked as a draft on every page.
 */
import { Tab, TextRun, type Document, type Paragraph, type Table } from 'docx';
import type { ActionItem, AgendaItem, Attendance, Attendee } from '../../../shared/domain/meetings';
import { assembleAgenda, newActionsOf, type CarriedAction } from '../../../shared/domain/agenda';
import { COLOURS, STYLES, buildDocument, dataTable, paragraph, run } from './docx-kit';
import { richTextBlock } from './rich-text-blocks';
import {
  carriedActionsTable,
  emptyNote,
  frameOf,
  meetingDetails,
  mutedCellNote,
  sideLabel,
  titleBlock,
  type DocumentFrame,
  type MeetingDocumentInput,
} from './meeting-document';
import { packBlocksUnder, unplacedPackBlocks } from './review-pack-blocks';

const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

function attendeesTable(attendees: readonly Attendee[], frame: DocumentFrame): (Paragraph | Table)[] {
  if (attendees.length === 0) return [emptyNote('No attendees were recorded.')];
  const count = (a: Attendance) => attendees.filter((x) => x.attendance === a).length;
  return [
    dataTable(
      frame.page,
      [
        { header: 'Name', share: 0.3 },
        { header: 'Business or IT', share: 0.16 },
        { header: 'Role', share: 0.34 },
        { header: 'Attendance', share: 0.2 },
      ],
      attendees.map((a) => [
        a.name,
        sideLabel(a.side),
        a.role,
        a.attendance ? ATTENDANCE_LABELS[a.attendance] : 'Not recorded',
      ]),
    ),
    emptyNote(`Present: ${count('present')} · Apologies: ${count('apologies')} · Absent: ${count('absent')}`),
  ];
}

/** The actions carried into the meeting, each with the update this meeting gave it. */
function carriedActions(
  carried: readonly CarriedAction[],
  input: MeetingDocumentInput,
  frame: DocumentFrame,
) {
  return carriedActionsTable(carried, input, frame, {
    none: 'No open actions were carried into this meeting.',
    updateHeader: 'Update in this meeting',
    row: ({ action, updateInThisMeeting }) => ({
      status: updateInThisMeeting?.status ?? action.status,
      update: updateInThisMeeting?.note.trim() ? updateInThisMeeting.note : mutedCellNote('No update given'),
    }),
  });
}

/** "A3 ⇥ Draft the new SLA — Maria Jones, due 8 Dec 2026", numbered as in the new-actions table. */
function actionLine(action: ActionItem, number: number, frame: DocumentFrame): Paragraph {
  const who = action.owner.trim() ? `${action.owner}, due ` : 'due ';
  return paragraph(
    [
      run(`A${number}`, { bold: true, color: COLOURS.accent }),
      new TextRun({ children: [new Tab()] }),
      run(action.title),
      run(` — ${who}${frame.dates.short(action.dueDate)}`, { color: COLOURS.muted }),
    ],
    { style: STYLES.actionLine, directionFrom: action.title },
  );
}

function agendaItemBody(
  item: AgendaItem,
  raised: readonly { action: ActionItem; number: number }[],
  frame: DocumentFrame,
): Paragraph[] {
  const out = richTextBlock(item.minutes);
  if (item.decisions.length) {
    out.push(paragraph('Decisions', { style: STYLES.label }));
    for (const d of item.decisions) out.push(...richTextBlock(d.text, { firstStyle: STYLES.decision }));
  }
  if (raised.length) {
    out.push(paragraph('Actions', { style: STYLES.label }));
    for (const { action, number } of raised) out.push(actionLine(action, number, frame));
  }
  return out.length ? out : [emptyNote('No minutes were recorded for this item.')];
}

function newActionsTable(numbered: readonly { action: ActionItem; number: number }[], frame: DocumentFrame) {
  if (numbered.length === 0) return [emptyNote('No new actions were raised in this meeting.')];
  return [
    dataTable(
      frame.page,
      [
        { header: 'No.', share: 0.07 },
        { header: 'Action', share: 0.55 },
        { header: 'Owner', share: 0.24 },
        { header: 'Due', share: 0.14 },
      ],
      numbered.map(({ action, number }) => [
        `A${number}`,
        action.title,
        action.owner,
        frame.dates.short(action.dueDate),
      ]),
    ),
  ];
}

/** The distribution list: everyone invited, and who has no address on file (sent to some other way). */
function distributionBlock(input: MeetingDocumentInput): Paragraph[] {
  const list = input.distribution;
  if (!list || list.to.length + list.missing.length === 0) return [];
  const out = [paragraph('Distribution', { style: STYLES.heading1 })];
  if (list.to.length) out.push(paragraph(list.to.map((r) => `${r.name} <${r.email}>`).join('; ')));
  if (list.missing.length) out.push(emptyNote(`No e-mail address on file: ${list.missing.join('; ')}`));
  return out;
}

export function minutesDocument(input: MeetingDocumentInput): Document {
  const { meeting } = input;
  const frame = frameOf(input);
  const draft = meeting.status !== 'finalised';
  const numbered = newActionsOf(meeting, input.unitActions).map((action, i) => ({ action, number: i + 1 }));

  const children: (Paragraph | Table)[] = [
    ...titleBlock(
      frame.title,
      `Minutes of the meeting of ${frame.dates.long(meeting.date)}`,
      draft ? 'Draft — these minutes are not yet final' : null,
    ),
    meetingDetails(input, frame),
    paragraph('Attendees', { style: STYLES.heading1 }),
    ...attendeesTable(meeting.attendees, frame),
    paragraph('Minutes', { style: STYLES.heading1 }),
  ];
  assembleAgenda(meeting, input.unitActions).forEach((entry, index) => {
    const heading = (title: string) => paragraph(`${index + 1}.  ${title}`, { style: STYLES.heading2 });
    if (entry.kind === 'carried-actions') {
      children.push(heading(entry.title), ...carriedActions(entry.actions, input, frame));
    } else {
      const raised = numbered.filter((n) => n.action.agendaItemId === entry.item.id);
      children.push(
        heading(entry.item.title),
        ...packBlocksUnder(input.reviewPack, entry.item.id, frame),
        ...agendaItemBody(entry.item, raised, frame),
      );
    }
  });
  children.push(...unplacedPackBlocks(input.reviewPack, frame));
  children.push(paragraph('New actions', { style: STYLES.heading1 }), ...newActionsTable(numbered, frame));
  if (input.nextMeeting) {
    const next = input.nextMeeting;
    const when = next.time
      ? `${frame.dates.long(next.date)} at ${frame.dates.time(next.time)}`
      : frame.dates.long(next.date);
    children.push(
      paragraph('Next meeting', { style: STYLES.heading1 }),
      paragraph(
        `The next meeting is planned for ${when}${next.location.trim() ? `, ${next.location.trim()}` : ''}.`,
      ),
    );
  }

  children.push(...distributionBlock(input));

  const documentDate = frame.dates.instant(input.documentDate);
  return buildDocument({
    page: frame.page,
    title: frame.title,
    subject: `Minutes of the meeting of ${meeting.date}`,
    creator: input.author,
    language: frame.dates.locale,
    masthead: {
      organisationName: input.organisationName,
      logo: input.logo,
      documentKind: draft ? 'Draft minutes' : 'Minutes',
      draft,
      footerNote: `${draft ? 'Draft minutes' : 'Minutes'} · ${documentDate}`,
    },
    children,
  });
}
