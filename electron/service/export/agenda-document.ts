/**
 * The agenda pre-read, sent before a meeting: details, invitees, the agenda with each item's
 * guidance, and the open actions carried in with their latest update, so nobody arrives unprepared.
 */
import type { Document, Paragraph, Table } from 'docx';
import { assembleAgenda, type CarriedAction } from '../../../shared/domain/agenda';
import type { Attendee } from '../../../shared/domain/meetings';
import { COLOURS, STYLES, buildDocument, dataTable, paragraph, run, textBlock } from './docx-kit';
import {
  carriedActionsTable,
  emptyNote,
  frameOf,
  meetingDetails,
  mutedCellNote,
  sideLabel,
  statusLabel,
  titleBlock,
  type DocumentFrame,
  type MeetingDocumentInput,
} from './meeting-document';
import { packBlocksUnder, unplacedPackBlocks } from './review-pack-blocks';

function inviteesTable(attendees: readonly Attendee[], frame: DocumentFrame): (Paragraph | Table)[] {
  if (attendees.length === 0) return [emptyNote('No one has been invited yet.')];
  return [
    dataTable(
      frame.page,
      [
        { header: 'Name', share: 0.34 },
        { header: 'Business or IT', share: 0.18 },
        { header: 'Role', share: 0.48 },
      ],
      attendees.map((a) => [a.name, sideLabel(a.side), a.role]),
    ),
  ];
}

/** The open actions carried into the meeting, each with its latest update before it. */
function openActionsTable(
  carried: readonly CarriedAction[],
  input: MeetingDocumentInput,
  frame: DocumentFrame,
): (Paragraph | Table)[] {
  return carriedActionsTable(carried, input, frame, {
    none: 'No open actions are carried into this meeting.',
    updateHeader: 'Latest update',
    row: ({ action, latestUpdate }) => ({
      status: action.status,
      update: latestUpdate
        ? [
            paragraph(
              [
                run(statusLabel(latestUpdate.status), { bold: true }),
                run(`, ${frame.dates.short(latestUpdate.date)}`, { color: COLOURS.muted }),
              ],
              { style: STYLES.tableText },
            ),
            ...textBlock(latestUpdate.note, STYLES.tableText),
          ]
        : mutedCellNote('No update yet'),
    }),
  });
}

export function agendaDocument(input: MeetingDocumentInput): Document {
  const { meeting } = input;
  const frame = frameOf(input);
  const agenda = assembleAgenda(meeting, input.unitActions);
  const children: (Paragraph | Table)[] = [
    ...titleBlock(
      frame.title,
      `Agenda and pre-read for the meeting of ${frame.dates.long(meeting.date)}`,
      null,
    ),
    meetingDetails(input, frame),
    paragraph('Invitees', { style: STYLES.heading1 }),
    ...inviteesTable(meeting.attendees, frame),
    paragraph('Agenda', { style: STYLES.heading1 }),
  ];
  let carried: CarriedAction[] = [];
  agenda.forEach((entry, index) => {
    // A heading with nothing under it must not be kept with the next heading and the table after it:
    // chained, they would leave half a page empty.
    const heading = (title: string, hasBody = true) =>
      paragraph(`${index + 1}.  ${title}`, { style: STYLES.heading2, keepNext: hasBody ? undefined : false });
    if (entry.kind === 'carried-actions') {
      carried = entry.actions;
      const count = entry.actions.length;
      children.push(
        heading(entry.title),
        paragraph(
          count === 0
            ? 'No open actions are carried into this meeting.'
            : `Updates on the ${count === 1 ? 'open action' : `${count} open actions`} from earlier meetings, listed under "Open actions carried in" below.`,
          { style: STYLES.guidance },
        ),
      );
    } else {
      const guidance = textBlock(entry.item.guidance, STYLES.guidance);
      const pack = packBlocksUnder(input.reviewPack, entry.item.id, frame);
      children.push(heading(entry.item.title, guidance.length + pack.length > 0), ...guidance, ...pack);
    }
  });
  children.push(...unplacedPackBlocks(input.reviewPack, frame));
  children.push(
    paragraph('Open actions carried in', { style: STYLES.heading1 }),
    ...openActionsTable(carried, input, frame),
  );

  return buildDocument({
    page: frame.page,
    title: frame.title,
    subject: `Agenda for the meeting of ${meeting.date}`,
    creator: input.author,
    language: frame.dates.locale,
    masthead: {
      organisationName: input.organisationName,
      logo: input.logo,
      documentKind: 'Agenda and pre-read',
      draft: false,
      footerNote: `Agenda · ${frame.dates.instant(input.documentDate)}`,
    },
    children,
  });
}
