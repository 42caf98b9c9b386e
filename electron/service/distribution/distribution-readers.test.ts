/**
 * Minutes mails and calendar invitations as other programs read them: Python's email package,
 * icalendar and vobject. The meetings live in a real workbook on a temporary folder and every file is
 * made through the contract, as the app makes it.
 */
import { plainTextToRichText, richTextToPlain } from '../../../shared/rich-text/rich-text';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../shared/domain/customers';
import type { Meeting } from '../../../shared/domain/meetings';
import { readMailOrCalendar } from '../../../test/fixtures/document-readers';
import {
  HOSTILE_STRINGS,
  fixtureWorkbook,
  hostileMeeting,
  realisticMeeting,
  seedMeeting,
  type MeetingText,
} from '../../../test/fixtures/meeting-fixture';
import { contactFields, savedFile, type TestWorkbook } from '../../../test/unit/workbook-helpers';
import { meetingShard } from '../store/shards';

interface Mail {
  subject: string;
  unsent: string;
  from: string[];
  to: string[];
  toNames: string[];
  cc: string[];
  plain: string;
  html: string;
  attachments: { filename: string; type: string; sha256: string; size: number }[];
  defects: string[];
}
interface Ics {
  method: string;
  timezones: string[];
  vobjectComponents: number;
  events: {
    uid: string;
    sequence: number;
    summary: string;
    description: string;
    location: string;
    status: string;
    start: string;
    startTzid: string | null;
    organizer: string;
    attendees: { address: string; role: string; rsvp: string; cn: string }[];
  }[];
}

const workbooks: TestWorkbook[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const fx of workbooks.splice(0)) fx.close();
});

/** What no calendar or mail file may hold: controls but tab and line ends, and U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not arrive
const FORBIDDEN_IN_FILES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * A seeded meeting whose invitees are unit contacts: all but the last have an address (the last, and
 * the IT attendees entered by name, have none). Names and roles may be hostile.
 */
async function meetingWithContacts(text: MeetingText, options: { status?: Meeting['status'] } = {}) {
  const fx = fixtureWorkbook();
  workbooks.push(fx);
  const seeded = await seedMeeting(fx, { text, status: options.status ?? 'held', nextDate: '2026-12-22' });
  await fx.call('updateSettings', {
    fields: {
      organisationName: 'Northwind',
      brmName: 'Alex "BRM" Morgan',
      brmEmail: 'alex@northwind.example',
      locale: 'en-GB',
      theme: 'system',
    },
  });
  const meeting = fx.wb.store.get(meetingShard, seeded.meetingId);
  const business = meeting.attendees.filter((a) => a.side === 'business');
  const contacts: Contact[] = [];
  for (const [i, attendee] of business.entries()) {
    const email = i === business.length - 1 ? '' : `person${i}@unit.example`;
    contacts.push(
      await fx.call('createContact', {
        unitId: seeded.unitId,
        fields: { ...contactFields(attendee.name), email },
      }),
    );
  }
  const byName = new Map(contacts.map((c) => [c.name, c.id]));
  fx.wb.store.put(meetingShard, meeting.id, {
    ...meeting,
    attendees: meeting.attendees.map((a) => ({
      ...a,
      contactId: a.side === 'business' ? (byName.get(a.name.trim()) ?? null) : null,
    })),
  });
  const withAddress = contacts.filter((c) => c.email).map((c) => c.email);
  const withoutAddress = meeting.attendees.filter(
    (a) =>
      a.side === 'it' || !byName.has(a.name.trim()) || !contacts.find((c) => c.name === a.name.trim())?.email,
  );
  return { fx, ...seeded, withAddress, withoutAddress: withoutAddress.map((a) => a.name) };
}

describe('the minutes mail', () => {
  it('goes to every invitee with an address, absentees included, with the exported .docx attached byte for byte', async () => {
    // Minutes without lists or links: docx numbers restarted lists and hyperlink relationships from
    // process-wide counters and random ids, so two builds of a document with them never match byte for byte.
    const text = realisticMeeting();
    const plain = { ...text, items: text.items.map((i) => ({ ...i, minutes: richTextToPlain(i.minutes) })) };
    const { fx, meetingId, withAddress, withoutAddress } = await meetingWithContacts(plain);
    // One clock for both files: the .docx zip stamps its entries with the current time.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T10:00:00Z') });
    const sent = await fx.call('exportMinutesEmail', {
      meetingId,
      kind: 'minutes',
      cc: ['it-contact@northwind.example'],
    });
    const exported = await fx.call('exportMinutes', { meetingId });
    vi.useRealTimers();

    // The contract names the file `path` (`savedTo` is what every export shares).
    expect(sent.path).toBe(sent.savedTo);
    const mail = readMailOrCalendar<Mail>('eml', savedFile(sent));
    expect(mail.defects).toEqual([]);
    expect(mail.unsent).toBe('1');
    expect(mail.to.sort()).toEqual([...withAddress].sort());
    expect(mail.cc).toEqual(['it-contact@northwind.example']);
    expect(mail.from).toEqual(['alex@northwind.example']);
    expect(mail.subject).toMatch(/^DRAFT minutes: .* periodic review, 2026-11-24$/);
    expect(sent.missing.sort()).toEqual([...withoutAddress].sort());
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toMatch(/\.docx$/);
    expect(mail.attachments[0]!.sha256).toBe(sha256(savedFile(exported)));
    // The body names the decisions, the new actions with owners and due dates, and the next meeting.
    const { items, newActions } = realisticMeeting();
    expect(mail.plain).toContain(items.find((i) => i.decisions.length)!.decisions[0]!.split('\n')[0]);
    expect(mail.plain).toContain(newActions[0]!.owner);
    // Dates as in the attached minutes (en-GB in Settings).
    expect(mail.plain).toMatch(/due \d{1,2} [A-Z][a-z]{2} 2026\)/);
    expect(mail.plain).toContain('22 December 2026 at 14:00');
    expect(mail.html).toContain('<h3>Decisions</h3>');

    // The meeting remembers it, and the Word minutes print the distribution list.
    const { meeting } = await fx.call('getMeeting', { id: meetingId });
    expect(meeting.distributions).toEqual([
      expect.objectContaining({ kind: 'minutes', draft: true, cc: ['it-contact@northwind.example'] }),
    ]);
    expect(meeting.distributions?.[0]?.to).toHaveLength(withAddress.length);
  });

  it('marks final minutes as final, and sends the agenda pre-read with the agenda', async () => {
    const { fx, meetingId } = await meetingWithContacts(realisticMeeting(), { status: 'finalised' });
    const minutes = await fx.call('exportMinutesEmail', { meetingId, kind: 'minutes' });
    expect(readMailOrCalendar<Mail>('eml', savedFile(minutes)).subject).toMatch(/^Minutes: /);
    const agenda = await fx.call('exportMinutesEmail', { meetingId, kind: 'agenda' });
    const mail = readMailOrCalendar<Mail>('eml', savedFile(agenda));
    expect(mail.subject).toMatch(/^Agenda pre-read: /);
    expect(mail.plain).toContain(realisticMeeting().items[0]!.title);
    expect(mail.attachments[0]!.filename).toMatch(/agenda\.docx$/);
  });

  it('writes dates in the locale of the settings, and decisions as typed, without the rich-text markup', async () => {
    const { fx, meetingId } = await meetingWithContacts(realisticMeeting());
    await fx.call('updateSettings', {
      fields: {
        organisationName: 'Northwind',
        brmName: 'Alex Morgan',
        brmEmail: 'alex@northwind.example',
        locale: 'de-DE',
        theme: 'system',
      },
    });
    const { meeting } = await fx.call('getMeeting', { id: meetingId });
    const itemId = meeting.agenda[0]!.id;
    // Typed in the decision editor: "&", "<", a "1." at the start, and a bold word.
    const typed = '1. Budget & scope <phase one> agreed';
    await fx.call('addDecision', { meetingId, itemId, text: plainTextToRichText(typed) });
    await fx.call('addDecision', { meetingId, itemId, text: 'Keep the **weekly** call' });
    await fx.call('addAction', {
      meetingId,
      agendaItemId: itemId,
      fields: { title: 'Send the budget', owner: 'Alex Morgan', dueDate: '2026-12-23' },
    });
    const sent = await fx.call('exportMinutesEmail', { meetingId, kind: 'minutes' });
    const mail = readMailOrCalendar<Mail>('eml', savedFile(sent));
    expect(mail.plain).toContain(`- ${typed}\n`);
    expect(mail.plain).toContain('- Keep the weekly call\n');
    expect(mail.html).toContain('1. Budget &amp; scope &lt;phase one&gt; agreed');
    // The same dates as the attached minutes: "23. Dez. 2026", the next meeting "Dienstag, 22. Dezember 2026".
    expect(mail.plain).toContain('Send the budget (Alex Morgan, due 23. Dez. 2026)');
    expect(mail.plain).toContain('22. Dezember 2026');
    expect(mail.plain).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('reads cleanly with hostile names, subjects and texts, and lists every invitee', async () => {
    const { fx, meetingId, withAddress } = await meetingWithContacts(hostileMeeting(5_000));
    const sent = await fx.call('exportMinutesEmail', {
      meetingId,
      kind: 'minutes',
    });
    const mail = readMailOrCalendar<Mail>('eml', savedFile(sent));
    expect(mail.defects).toEqual([]);
    expect(mail.to.sort()).toEqual([...withAddress].sort());
    expect(mail.toNames.join(' ')).toContain('שלום');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not arrive
    expect(mail.subject).not.toMatch(/[\u0000-\u001f\ufffe]/);
    expect(mail.plain).toContain('👨‍👩‍👧‍👦');
    // eslint-disable-next-line no-control-regex -- as above
    expect(mail.plain).not.toMatch(/[\u0001-\u0008\ufffe\uffff]/);
  });
});

describe('the calendar invitation', () => {
  const planOf = (m: Meeting, change: Partial<Meeting>) => ({
    kind: m.kind,
    templateId: m.templateId,
    date: change.date ?? m.date,
    time: change.time ?? m.time,
    location: change.location ?? m.location,
    periodStart: m.periodStart,
    periodEnd: m.periodEnd,
    trigger: m.trigger,
    chair: m.chair,
    minuteTaker: m.minuteTaker,
    invitees: m.attendees.map(({ attendance: _a, ...invitee }) => invitee),
  });

  it('has a stable UID, attendees with role and RSVP, the agenda, and a time zone readers know', async () => {
    const { fx, meetingId, withAddress } = await meetingWithContacts(realisticMeeting());
    const first = await fx.call('exportMeetingInvitation', {
      meetingId,
    });
    const ics = readMailOrCalendar<Ics>('ics', savedFile(first));
    expect(ics.method).toBe('REQUEST');
    expect(ics.vobjectComponents).toBe(1);
    const [event] = ics.events;
    expect(event!.uid).toBe(`${meetingId}@brm-workbook`);
    expect(event!.sequence).toBe(0);
    expect(event!.organizer).toBe('mailto:alex@northwind.example');
    expect(event!.attendees.map((a) => a.address.replace(/^mailto:/i, '')).sort()).toEqual(
      [...withAddress].sort(),
    );
    expect(event!.attendees.every((a) => a.role === 'REQ-PARTICIPANT' && a.rsvp === 'TRUE')).toBe(true);
    expect(event!.description).toContain(realisticMeeting().items[0]!.title);
    // 14:00 on the meeting's day, in the laptop's zone: a named zone with its VTIMEZONE, or UTC.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (event!.startTzid) {
      // The laptop's zone by the name its VTIMEZONE carries (ICU's "Asia/Calcutta" is "Asia/Kolkata").
      expect(new Intl.DateTimeFormat('en', { timeZone: event!.startTzid }).resolvedOptions().timeZone).toBe(
        zone,
      );
      expect(ics.timezones).toEqual([event!.startTzid]);
      expect(event!.start.slice(0, 16)).toBe('2026-11-24T14:00');
    } else {
      expect(new Date(event!.start).getTime()).toBe(new Date(2026, 10, 24, 14, 0).getTime());
    }

    // Rescheduled: the same UID with a higher SEQUENCE replaces the entry in every calendar.
    const { meeting } = await fx.call('getMeeting', { id: meetingId });
    await fx.call('updateMeetingPlan', { id: meetingId, fields: planOf(meeting, { date: '2026-11-26' }) });
    const moved = readMailOrCalendar<Ics>(
      'ics',
      savedFile(await fx.call('exportMeetingInvitation', { meetingId })),
    );
    expect(moved.events[0]!.uid).toBe(event!.uid);
    expect(moved.events[0]!.sequence).toBe(1);
    expect(moved.events[0]!.start.slice(0, 10)).toBe('2026-11-26');
    await fx.call('updateMeetingPlan', {
      id: meetingId,
      fields: planOf(meeting, { date: '2026-11-26', location: 'Room 2' }),
    });
    await fx.call('updateMeetingPlan', {
      id: meetingId,
      fields: { ...planOf(meeting, { date: '2026-11-26', location: 'Room 2' }), chair: 'Someone else' },
    });
    const relocated = readMailOrCalendar<Ics>(
      'ics',
      savedFile(await fx.call('exportMeetingInvitation', { meetingId })),
    );
    expect(relocated.events[0]!.sequence).toBe(2);
    expect(relocated.events[0]!.location).toBe('Room 2');

    // Cancelled: METHOD:CANCEL, the same UID, above every invitation sent.
    const cancel = readMailOrCalendar<Ics>(
      'ics',
      savedFile(await fx.call('exportMeetingInvitation', { meetingId, cancel: true })),
    );
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]!.uid).toBe(event!.uid);
    expect(cancel.events[0]!.status).toBe('CANCELLED');
    expect(cancel.events[0]!.sequence).toBe(3);
  });

  it('reads cleanly with hostile names and texts (controls, U+FFFE, RTL, emoji, ";" and ",")', async () => {
    const { fx, meetingId, withAddress } = await meetingWithContacts(hostileMeeting(5_000));
    const saved = await fx.call('exportMeetingInvitation', {
      meetingId,
    });
    const ics = readMailOrCalendar<Ics>('ics', savedFile(saved));
    expect(ics.events[0]!.attendees).toHaveLength(withAddress.length);
    expect(ics.events[0]!.summary).toContain('👨‍👩‍👧‍👦');
    expect(ics.events[0]!.description).toContain('שלום, הפגישה');
    expect(saved.missing.length).toBeGreaterThan(0);

    // The same text in its cancellation, with a place over several lines full of ";" and ",".
    const meeting = fx.wb.store.get(meetingShard, meetingId);
    fx.wb.store.put(meetingShard, meetingId, {
      ...meeting,
      location: `${HOSTILE_STRINGS[0]}\n${HOSTILE_STRINGS[5]}; room 4, floor 2\r\n${HOSTILE_STRINGS[1]}`,
      status: 'planned',
    });
    const cancel = await fx.call('exportMeetingInvitation', { meetingId, cancel: true });
    expect(cancel.path).toBe(cancel.savedTo);
    const cancelled = readMailOrCalendar<Ics>('ics', savedFile(cancel));
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events[0]!.location).toContain('مرحبا، تم تأجيل الاجتماع; room 4, floor 2');
    for (const file of [savedFile(saved), savedFile(cancel)]) {
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(FORBIDDEN_IN_FILES);
    }
  });

  it('is refused with a clear message until the BRM has an address in Settings', async () => {
    const fx = fixtureWorkbook();
    workbooks.push(fx);
    const { meetingId } = await seedMeeting(fx, { text: realisticMeeting() });
    await expect(fx.call('exportMeetingInvitation', { meetingId })).rejects.toThrow(
      /e-mail address in Settings/,
    );
  });
});

describe('the open actions calendar', () => {
  it('puts each open action on its due date as an all-day event, in any time zone', async () => {
    const { fx, unitId, actions } = await meetingWithContacts(hostileMeeting(100));
    const open = actions.filter((a) => a.status === 'open' || a.status === 'in-progress');
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        const saved = await fx.call('exportActionsCalendar', { unitId });
        expect(saved.count).toBe(open.length);
        const ics = readMailOrCalendar<Ics>('ics', savedFile(saved));
        expect(ics.events.map((e) => e.start).sort()).toEqual(open.map((a) => a.dueDate).sort());
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(HOSTILE_STRINGS.length).toBeGreaterThan(0);
  });
});
