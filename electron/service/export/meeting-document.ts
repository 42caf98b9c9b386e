/** What the minutes and the agenda pre-read have in common: their input, title block and details. */
import type { Paragraph, Table } from 'docx';
import type { BusinessUnit } from '../../../shared/domain/customers';
import type { CarriedAction } from '../../../shared/domain/agenda';
import type { ReviewPack } from '../../../shared/domain/review-pack-assembly';
import {
  ACTION_STATUS_LABELS,
  MEETING_KIND_LABELS,
  type ActionItem,
  type ActionStatus,
  type Meeting,
} from '../../../shared/domain/meetings';
import { dateStyleFor, type DateStyle } from '../../../shared/domain/date-format';
import {
  COLOURS,
  STYLES,
  dataTable,
  detailsTable,
  pageGeometry,
  paragraph,
  run,
  type CellValue,
  type PageGeometry,
} from './docx-kit';
import type { DocumentLogo } from './logo';

export interface MeetingDocumentInput {
  meeting: Meeting;
  unit: BusinessUnit;
  /** The unit's action items (its unit-records file). */
  unitActions: readonly ActionItem[];
  /** The meeting planned after this one, if any. */
  nextMeeting: Meeting | null;
  organisationName: string;
  logo: DocumentLogo | null;
  /** Settings locale ("en-GB"), empty for the system's. */
  locale: string;
  /** When the document is made: its date in the footer. */
  documentDate: Date;
  /** Who made it (document properties). */
  author: string;
  /** What the review pack brings to the meeting (see review-pack-blocks.ts). */
  reviewPack?: ReviewPack;
  /** Who the minutes go to: every invitee, with the address on file (seed 004: absentees included). */
  distribution?: { to: readonly { name: string; email: string }[]; missing: readonly string[] };
}

/** "Periodic service review — Retail". */
export const meetingTitle = (meeting: Meeting, unit: BusinessUnit) =>
  `${MEETING_KIND_LABELS[meeting.kind]} service review — ${unit.name}`;

export interface DocumentFrame {
  dates: DateStyle;
  page: PageGeometry;
  title: string;
}

/**
 * A due date is written once per table row and once per action line, and a meeting's thousand actions
 * fall on a few dozen days: Intl formats each day once per document, not once per row.
 */
function dayMemo(format: (isoDate: string) => string): (isoDate: string) => string {
  const written = new Map<string, string>();
  return (isoDate) => {
    let text = written.get(isoDate);
    if (text === undefined) {
      text = format(isoDate);
      written.set(isoDate, text);
    }
    return text;
  };
}

export function frameOf(input: MeetingDocumentInput): DocumentFrame {
  const style = dateStyleFor(input.locale);
  const dates: DateStyle = { ...style, short: dayMemo(style.short), long: dayMemo(style.long) };
  return { dates, page: pageGeometry(dates.letterPaper), title: meetingTitle(input.meeting, input.unit) };
}

/** Date, time, location, period, reason, chair, minute-taker: the rows that have something to say. */
export function meetingDetails(input: MeetingDocumentInput, frame: DocumentFrame): Table {
  const { meeting } = input;
  const { dates } = frame;
  const rows: [string, CellValue][] = [['Date', dates.long(meeting.date)]];
  if (meeting.time) rows.push(['Time', dates.time(meeting.time)]);
  if (meeting.location.trim()) rows.push(['Location', meeting.location]);
  if (meeting.periodStart || meeting.periodEnd)
    rows.push(['Period under review', dates.period(meeting.periodStart, meeting.periodEnd)]);
  if (meeting.kind === 'adhoc' && meeting.trigger.trim())
    rows.push(['Reason for the meeting', meeting.trigger]);
  rows.push(['Business unit', input.unit.name]);
  if (meeting.chair.trim()) rows.push(['Chair', meeting.chair]);
  if (meeting.minuteTaker.trim()) rows.push(['Minute-taker', meeting.minuteTaker]);
  return detailsTable(frame.page, rows);
}

export const sideLabel = (side: 'business' | 'it') => (side === 'it' ? 'IT' : 'Business');

/** A due date, with "Overdue" beneath it when the action was still open past it on the meeting's day. */
export function dueCell(
  action: ActionItem,
  status: ActionStatus,
  meeting: Meeting,
  dates: DateStyle,
): CellValue {
  const due = dates.short(action.dueDate);
  const open = status === 'open' || status === 'in-progress';
  if (!open || action.dueDate >= meeting.date) return due;
  return [
    paragraph(due, { style: STYLES.tableText }),
    paragraph([run('Overdue', { bold: true, color: COLOURS.overdue, size: 17 })], {
      style: STYLES.tableText,
    }),
  ];
}

export const statusLabel = (status: ActionStatus) => ACTION_STATUS_LABELS[status];

/** An italic, muted line in a table cell: "No update yet". */
export const mutedCellNote = (text: string): CellValue => [
  paragraph([run(text, { italics: true, color: COLOURS.muted })], { style: STYLES.tableText }),
];

/** How one document shows the actions carried into the meeting: its words, and each action's update. */
export interface CarriedActionsColumns {
  /** Said instead of the table when nothing was carried. */
  none: string;
  updateHeader: string;
  /** The status to show (the update's, when the meeting recorded one) and the update cell. */
  row: (carried: CarriedAction) => { status: ActionStatus; update: CellValue };
}

/** The actions carried into the meeting: title, owner, due (overdue marked), status and an update. */
export function carriedActionsTable(
  carried: readonly CarriedAction[],
  input: MeetingDocumentInput,
  frame: DocumentFrame,
  columns: CarriedActionsColumns,
): (Paragraph | Table)[] {
  if (carried.length === 0) return [emptyNote(columns.none)];
  return [
    dataTable(
      frame.page,
      [
        { header: 'Action', share: 0.31 },
        { header: 'Owner', share: 0.16 },
        { header: 'Due', share: 0.13 },
        { header: 'Status', share: 0.12 },
        { header: columns.updateHeader, share: 0.28 },
      ],
      carried.map((one) => {
        const { status, update } = columns.row(one);
        const { action } = one;
        return [
          action.title,
          action.owner,
          dueCell(action, status, input.meeting, frame.dates),
          statusLabel(status),
          update,
        ];
      }),
    ),
  ];
}

/** A muted line saying a section is empty, so the reader knows nothing was left out. */
export const emptyNote = (text: string): Paragraph => paragraph(text, { style: STYLES.note });

export function titleBlock(title: string, subtitle: string, draftNotice: string | null): Paragraph[] {
  return [
    ...(draftNotice ? [paragraph(draftNotice, { style: STYLES.draftNotice })] : []),
    paragraph(title, { style: STYLES.title }),
    paragraph(subtitle, { style: STYLES.subtitle }),
  ];
}
