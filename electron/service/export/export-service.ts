import { Packer, type Document } from 'docx';
import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { MEETING_KIND_LABELS, type Meeting } from '../../../shared/domain/meetings';
import type { SavedDocument } from '../../../shared/domain/documents';
import { recipientsOf } from '../../../shared/domain/distribution';
import { safeFileName } from '../atomic-file';
import { notFound, type ServiceContext } from '../context';
import { reviewPackOf } from '../review-pack/pack-service';
import { describeFsError } from '../store/shard-store';
import { directoryShard, meetingShard, settingsShard } from '../store/shards';
import { agendaDocument } from './agenda-document';
import { parseLogo } from './logo';
import type { MeetingDocumentInput } from './meeting-document';
import { minutesDocument } from './minutes-document';
import { xmlSafeLine } from './sanitise';
import { requireUnit, unitRecordsOf } from '../store/unit-records';

type ExportHandlers = Pick<WorkbookHandlers, 'exportMinutes' | 'exportAgenda' | 'setDocumentLogo'>;

/** Everything a meeting's documents show, read from the store as it is now. */
export function meetingDocumentInput(ctx: ServiceContext, meetingId: string): MeetingDocumentInput {
  if (!ctx.store.has(meetingShard, meetingId)) throw notFound('meeting');
  const meeting = ctx.store.get(meetingShard, meetingId);
  const unit = requireUnit(ctx.store, meeting.unitId);
  const unitActions = unitRecordsOf(ctx.store, unit.id).actions;
  const nextId = meeting.nextMeetingId;
  const nextMeeting =
    nextId && ctx.store.has(meetingShard, nextId) ? ctx.store.get(meetingShard, nextId) : null;
  const settings = ctx.store.get(settingsShard);
  const directory = ctx.store.get(directoryShard);
  return {
    meeting,
    unit,
    unitActions,
    nextMeeting,
    organisationName: settings.organisationName,
    logo: settings.logo ? parseLogo(settings.logo) : null,
    locale: settings.locale,
    documentDate: ctx.now(),
    author: settings.brmName || 'BRM Workbook',
    reviewPack: reviewPackOf(ctx, meeting),
    distribution: recipientsOf(meeting, directory.contacts),
  };
}

/** "2026-11-24 Retail periodic review minutes.docx" ("… draft minutes.docx" until finalised), with characters no file system accepts replaced. */
export function documentFileName(meeting: Meeting, unitName: string, what: 'minutes' | 'agenda'): string {
  const kind = MEETING_KIND_LABELS[meeting.kind].toLowerCase();
  // Draft minutes are named apart, so exporting the final minutes never overwrites the draft sent earlier.
  const document = what === 'minutes' && meeting.status !== 'finalised' ? 'draft minutes' : what;
  // Trimmed before the extension goes on, so a long unit name never cuts off ".docx".
  const name = xmlSafeLine(`${meeting.date} ${unitName} ${kind} review ${document}`).replace(/\s+/g, ' ');
  return `${safeFileName(name).slice(0, 150)}.docx`;
}

/**
 * The Word file of a meeting's minutes or agenda pre-read, as the export writes it: the minutes mail
 * attaches exactly these bytes.
 */
export async function meetingDocx(
  ctx: ServiceContext,
  meetingId: string,
  what: 'minutes' | 'agenda',
): Promise<{ input: MeetingDocumentInput; fileName: string; bytes: Uint8Array }> {
  const input = meetingDocumentInput(ctx, meetingId);
  const document = what === 'minutes' ? minutesDocument(input) : agendaDocument(input);
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { input, fileName: documentFileName(input.meeting, input.unit.name, what), bytes };
}

/**
 * Packs a Word document and hands it to the host to save. A folder that refuses the file (read-only, or
 * the file is open in Word) becomes a clear message; nothing stored is touched either way.
 */
export async function saveDocx(
  ctx: ServiceContext,
  document: Document,
  suggestedName: string,
): Promise<SavedDocument> {
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  try {
    return await ctx.host.saveDocument({ suggestedName, bytes, extension: 'docx' });
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // describeFsError speaks of the data folder; here it is the folder the document was going to.
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'the folder is not writable, or the file is open in another program'
        : describeFsError(error);
    throw new WorkbookError('storage', `The document could not be saved: ${why}. Nothing was lost.`);
  }
}

export function exportHandlers(ctx: ServiceContext): ExportHandlers {
  const save = (document: Document, suggestedName: string) => saveDocx(ctx, document, suggestedName);

  return {
    exportMinutes: ({ meetingId }) => {
      const input = meetingDocumentInput(ctx, meetingId);
      return save(minutesDocument(input), documentFileName(input.meeting, input.unit.name, 'minutes'));
    },

    exportAgenda: ({ meetingId }) => {
      const input = meetingDocumentInput(ctx, meetingId);
      return save(agendaDocument(input), documentFileName(input.meeting, input.unit.name, 'agenda'));
    },

    setDocumentLogo: ({ dataUrl }) => {
      if (dataUrl !== null && !parseLogo(dataUrl)) {
        throw new WorkbookError(
          'invalid-input',
          'That file is not a PNG or JPEG image BRM Workbook can read. Choose another logo.',
          { dataUrl: 'Choose a PNG or JPEG image of at most 256 KB.' },
        );
      }
      return ctx.store.put(settingsShard, null, { ...ctx.store.get(settingsShard), logo: dataUrl });
    },
  };
}
