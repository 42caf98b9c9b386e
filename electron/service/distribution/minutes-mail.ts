/**
 * The minutes (or agenda pre-read) mail as an RFC 5322 message, built by nodemailer's MIME composer and
 * never sent: `X-Unsent: 1` makes Outlook and Thunderbird open it as a new draft, ready to send.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { DateStyle } from '../../../shared/domain/date-format';
import type { DistributionKind, Recipient } from '../../../shared/domain/distribution';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import { richTextToPlain } from '../../../shared/rich-text/rich-text';
import { xmlSafe, xmlSafeLine } from '../export/sanitise';

export interface MinutesMailInput {
  kind: DistributionKind;
  meeting: Meeting;
  /** Actions raised in this meeting (minutes) or open ones carried into it (agenda). */
  actions: readonly ActionItem[];
  nextMeeting: Meeting | null;
  from: Recipient | null;
  to: readonly Recipient[];
  cc: readonly string[];
  subject: string;
  attachment: { fileName: string; bytes: Uint8Array };
  /** The Date header: when the draft was written. */
  now: Date;
  /** The locale of the settings, as in the attached Word file, so the mail and the minutes read alike. */
  dates: DateStyle;
}

interface BodyBlock {
  heading: string;
  lines: string[];
}

const when = (m: Meeting, dates: DateStyle) =>
  `${dates.long(m.date)}${m.time ? ` at ${dates.time(m.time)}` : ''}${m.location.trim() ? `, ${m.location}` : ''}`;

function actionLine(action: ActionItem, dates: DateStyle): string {
  const owner = action.owner.trim() ? `${action.owner.trim()}, ` : '';
  return `${action.title} (${owner}due ${dates.short(action.dueDate)})`;
}

function blocksOf(input: MinutesMailInput): BodyBlock[] {
  const { meeting, dates } = input;
  const actions = { heading: 'Actions', lines: input.actions.map((a) => actionLine(a, dates)) };
  if (input.kind === 'agenda') {
    return [
      { heading: 'Meeting', lines: [when(meeting, dates)] },
      { heading: 'Agenda', lines: meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`) },
      { ...actions, heading: 'Open actions' },
    ];
  }
  // Decisions are stored as rich text (Markdown): the mail shows what was typed, not its markup.
  const decisions = meeting.agenda.flatMap((item) => item.decisions.map((d) => richTextToPlain(d.text)));
  return [
    { heading: 'Decisions', lines: decisions },
    actions,
    { heading: 'Next meeting', lines: input.nextMeeting ? [when(input.nextMeeting, dates)] : [] },
  ];
}

const intro = (input: MinutesMailInput) =>
  input.kind === 'agenda'
    ? 'Please find attached the agenda pre-read for our meeting.'
    : input.meeting.status === 'finalised'
      ? 'Please find attached the minutes of our meeting.'
      : 'Please find attached the DRAFT minutes of our meeting; the final version follows.';

/** Readers refuse no character in a MIME body, but controls and U+FFFE show as boxes or garbage. */
const clean = (text: string) => xmlSafe(text).replace(/\t/g, ' ');

function plainBody(input: MinutesMailInput): string {
  const parts = [intro(input)];
  for (const block of blocksOf(input)) {
    if (block.lines.length === 0) continue;
    parts.push(
      `${block.heading}\n${block.lines.map((l) => `- ${clean(l).replace(/\n/g, '\n  ')}`).join('\n')}`,
    );
  }
  return parts.join('\n\n') + '\n';
}

const escapeHtml = (text: string) =>
  clean(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replace(/\n/g, '<br>');

function htmlBody(input: MinutesMailInput): string {
  const parts = [`<p>${escapeHtml(intro(input))}</p>`];
  for (const block of blocksOf(input)) {
    if (block.lines.length === 0) continue;
    // dir="auto": a decision written in Hebrew or Arabic reads right to left in the mail too.
    const items = block.lines.map((l) => `<li dir="auto">${escapeHtml(l)}</li>`).join('');
    parts.push(`<h3>${escapeHtml(block.heading)}</h3><ul>${items}</ul>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Calibri,Arial,sans-serif">${parts.join('')}</body></html>`;
}

const address = (r: Recipient) => ({ name: xmlSafeLine(r.name).trim(), address: r.email });

export async function minutesMail(input: MinutesMailInput): Promise<Uint8Array> {
  const composer = new MailComposer({
    ...(input.from ? { from: address(input.from) } : {}),
    to: input.to.map(address),
    ...(input.cc.length ? { cc: [...input.cc] } : {}),
    subject: xmlSafeLine(input.subject),
    date: input.now,
    text: plainBody(input),
    html: htmlBody(input),
    headers: { 'X-Unsent': '1' },
    attachments: [
      {
        filename: input.attachment.fileName,
        content: Buffer.from(input.attachment.bytes),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    ],
  });
  const message = await composer.compile().build();
  return new Uint8Array(message);
}
