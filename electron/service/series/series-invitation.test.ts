/**
 * A series of periodic reviews planned ahead, as calendars read it: Python's icalendar and vobject parse
 * the files, dateutil expands the RRULE, and the dates it gives must be the meetings the workbook planned.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain/customers';
import type { SeriesRepeat } from '../../../shared/domain/meeting-series';
import type { Meeting, MeetingPlanFields } from '../../../shared/domain/meetings';
import { readMailOrCalendar } from '../../../test/fixtures/document-readers';
import { HOSTILE_STRINGS, fixtureWorkbook } from '../../../test/fixtures/meeting-fixture';
import {
  contactFields,
  refusalUnchecked,
  savedFile,
  unitFields,
  type TestWorkbook,
} from '../../../test/unit/workbook-helpers';
import { meetingShard } from '../store/shards';

interface IcsEvent {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  start: string;
  startTzid: string | null;
  attendees: { address: string; cn: string }[];
  rrule: string | null;
  exdates: string[];
  recurrenceId: string | null;
  occurrences: string[] | null;
}
interface Ics {
  method: string;
  vobjectComponents: number;
  events: IcsEvent[];
}
const workbooks: TestWorkbook[] = [];
afterEach(() => {
  for (const fx of workbooks.splice(0)) fx.close();
});

/** What no calendar file may hold: controls but tab and line ends, and U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not arrive
const FORBIDDEN_IN_FILES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const day = (isoDateTime: string) => isoDateTime.slice(0, 10);

/** A unit with three contacts (the last without an address) and the BRM's address in Settings. */
async function unitWithContacts(names: readonly string[] = ['Maria Jansen', 'Tom Berg', 'Ann Lee']) {
  const fx = fixtureWorkbook();
  workbooks.push(fx);
  await fx.call('updateSettings', {
    fields: {
      organisationName: 'Northwind',
      brmName: 'Alex Morgan',
      brmEmail: 'alex@northwind.example',
      locale: 'en-GB',
      theme: 'system',
    },
  });
  const unit = await fx.call('createUnit', {
    parentId: null,
    fields: unitFields('Retail'),
  });
  const contacts: Contact[] = [];
  for (const [i, name] of names.entries()) {
    contacts.push(
      await fx.call('createContact', {
        unitId: unit.id,
        fields: {
          ...contactFields(name, i === 0 ? 'customer' : 'purchaser'),
          email: i === names.length - 1 ? '' : `person${i}@retail.example`,
        },
      }),
    );
  }
  const templates = await fx.call('listTemplates', {});
  const plan = (fields: Partial<MeetingPlanFields> = {}): MeetingPlanFields => ({
    kind: 'periodic',
    templateId: templates.find((t) => t.kind === 'periodic')!.id,
    date: '2027-01-13',
    time: '14:00',
    location: 'Room 4.12',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    trigger: '',
    chair: 'Alex Morgan',
    minuteTaker: '',
    invitees: contacts.map((c, i) => ({
      id: `invitee-${i}`,
      contactId: c.id,
      name: c.name,
      side: 'business' as const,
      role: 'Purchaser',
    })),
    ...fields,
  });
  return { fx, unitId: unit.id, contacts, plan };
}

const meetingOf = (fx: TestWorkbook, id: string) => fx.wb.store.get(meetingShard, id);

/** The series' meetings in order, walking the links the planner set. */
function chain(fx: TestWorkbook, firstId: string): Meeting[] {
  const out: Meeting[] = [];
  for (let id: string | null = firstId; id; id = meetingOf(fx, id).nextMeetingId) out.push(meetingOf(fx, id));
  return out;
}

const ics = (saved: { path: string | null; savedTo: string | null }) => {
  // The name for the file, and the one every export shares, say the same.
  expect(saved.path).toBe(saved.savedTo);
  return readMailOrCalendar<Ics>('ics', savedFile(saved));
};

describe('a series of periodic reviews planned ahead', () => {
  it('is one VEVENT whose RRULE gives exactly the planned dates; a skipped meeting becomes an EXDATE', async () => {
    const { fx, unitId, plan } = await unitWithContacts();
    const { series, firstMeetingId } = await fx.call('planMeetingSeries', {
      unitId,
      fields: plan(),
      repeat: { frequency: 'monthly', interval: 1, count: 6, until: null },
    });
    const meetings = chain(fx, firstMeetingId);
    // Monthly on the 2nd Wednesday, never a weekend, each with its own agenda and period.
    expect(meetings.map((m) => m.date)).toEqual([
      '2027-01-13',
      '2027-02-10',
      '2027-03-10',
      '2027-04-14',
      '2027-05-12',
      '2027-06-09',
    ]);
    expect(meetings.every((m) => m.series?.id === series.id && m.agenda.length > 0)).toBe(true);
    expect(meetings[3]!.periodStart).toBe('2027-03-01');

    const whole = await fx.call('exportMeetingInvitation', {
      meetingId: meetings[2]!.id,
      series: true,
    });
    const first = ics(whole);
    expect(first.method).toBe('REQUEST');
    expect(first.vobjectComponents).toBe(1);
    expect(first.events).toHaveLength(1);
    const [event] = first.events;
    expect(event!.uid).toBe(`${series.id}@brm-workbook`);
    expect(whole.uid).toBe(event!.uid);
    expect(event!.sequence).toBe(0);
    expect(event!.rrule).toMatch(/FREQ=MONTHLY/);
    expect(event!.rrule).toMatch(/BYDAY=WE/);
    expect(event!.occurrences!.map(day)).toEqual(meetings.map((m) => m.date));
    expect(event!.occurrences!.every((o) => o.slice(11, 16) === '14:00')).toBe(true);
    expect(event!.attendees.map((a) => a.address.replace(/^mailto:/i, '')).sort()).toEqual([
      'person0@retail.example',
      'person1@retail.example',
    ]);
    expect(event!.description).toContain('Monthly on the 2nd Wednesday');

    // Skipping (deleting) the third meeting: the same UID, a higher SEQUENCE, its date an EXDATE.
    await fx.call('deleteMeeting', { id: meetings[2]!.id });
    const skipped = ics(
      await fx.call('exportMeetingInvitation', { meetingId: meetings[0]!.id, series: true }),
    );
    expect(skipped.events[0]!.uid).toBe(event!.uid);
    expect(skipped.events[0]!.sequence).toBe(1);
    expect(skipped.events[0]!.exdates.map(day)).toEqual(['2027-03-10']);
    expect(skipped.events[0]!.occurrences!.map(day)).toEqual(
      meetings.filter((_, i) => i !== 2).map((m) => m.date),
    );
    // The chain closes over the gap.
    expect(chain(fx, firstMeetingId).map((m) => m.date)).toEqual(
      meetings.filter((_, i) => i !== 2).map((m) => m.date),
    );
    const stored = await fx.call('getMeetingSeries', { unitId, id: series.id });
    expect(stored.skipped).toEqual(['2027-03-10']);
    expect(stored.meetingIds).toHaveLength(5);
  });

  it('offers one meeting of it alone (RECURRENCE-ID), and lists a moved meeting after the rule', async () => {
    const { fx, unitId, plan } = await unitWithContacts();
    const { series, firstMeetingId } = await fx.call('planMeetingSeries', {
      unitId,
      fields: plan(),
      repeat: { frequency: 'monthly', interval: 1, count: 4, until: null },
    });
    const meetings = chain(fx, firstMeetingId);
    const second = meetings[1]!;
    const alone = ics(await fx.call('exportMeetingInvitation', { meetingId: second.id }));
    expect(alone.events).toHaveLength(1);
    expect(alone.events[0]!.uid).toBe(`${series.id}@brm-workbook`);
    expect(alone.events[0]!.rrule).toBeNull();
    expect(alone.events[0]!.recurrenceId!.slice(0, 16)).toBe('2027-02-10T14:00');
    expect(alone.events[0]!.start.slice(0, 16)).toBe('2027-02-10T14:00');

    // Moved two days later: still known by its date in the rule, SEQUENCE raised.
    const { attendance: _a, ...invitee } = second.attendees[0]!;
    await fx.call('updateMeetingPlan', {
      id: second.id,
      fields: {
        ...plan({ date: '2027-02-12', periodStart: second.periodStart, periodEnd: second.periodEnd }),
        invitees: [invitee],
      },
    });
    const moved = ics(await fx.call('exportMeetingInvitation', { meetingId: second.id }));
    expect(moved.events[0]!.recurrenceId!.slice(0, 10)).toBe('2027-02-10');
    expect(moved.events[0]!.start.slice(0, 10)).toBe('2027-02-12');
    expect(moved.events[0]!.sequence).toBe(1);

    const whole = ics(await fx.call('exportMeetingInvitation', { meetingId: firstMeetingId, series: true }));
    expect(whole.events).toHaveLength(2);
    expect(new Set(whole.events.map((e) => e.uid)).size).toBe(1);
    const override = whole.events.find((e) => e.recurrenceId)!;
    expect(override.recurrenceId!.slice(0, 10)).toBe('2027-02-10');
    expect(override.start.slice(0, 10)).toBe('2027-02-12');

    // Cancelling that one meeting: METHOD:CANCEL for its date only, above what was sent.
    const cancel = ics(await fx.call('exportMeetingInvitation', { meetingId: second.id, cancel: true }));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]!.uid).toBe(`${series.id}@brm-workbook`);
    expect(cancel.events[0]!.recurrenceId!.slice(0, 10)).toBe('2027-02-10');
    expect(cancel.events[0]!.sequence).toBe(2);
  });
});

describe('a series planned ahead: other rules, refusals and hostile text', () => {
  it('repeats every N weeks until a date, and refuses what a calendar could not hold', async () => {
    const { fx, unitId, plan } = await unitWithContacts();
    const repeat: SeriesRepeat = { frequency: 'weekly', interval: 2, count: null, until: '2027-03-01' };
    const { firstMeetingId } = await fx.call('planMeetingSeries', {
      unitId,
      fields: plan({ date: '2027-01-05' }),
      repeat,
    });
    const dates = chain(fx, firstMeetingId).map((m) => m.date);
    expect(dates).toEqual(['2027-01-05', '2027-01-19', '2027-02-02', '2027-02-16']);
    const event = ics(await fx.call('exportMeetingInvitation', { meetingId: firstMeetingId, series: true }))
      .events[0]!;
    expect(event.rrule).toMatch(/FREQ=WEEKLY/);
    expect(event.rrule).toMatch(/INTERVAL=2/);
    expect(event.occurrences!.map(day)).toEqual(dates);

    const refused = async (arg: object) => (await refusalUnchecked(fx.wb, 'planMeetingSeries', arg)).message;
    expect(await refused({ unitId, fields: plan({ date: '2027-01-09' }), repeat })).toMatch(
      /Monday to Friday/,
    );
    expect(await refused({ unitId, fields: plan({ time: '' }), repeat })).toMatch(/needs a time/);
    expect(
      await refused({ unitId, fields: plan(), repeat: { ...repeat, interval: 1, until: '2029-12-31' } }),
    ).toMatch(/more than 60 meetings/);
    expect(await refused({ unitId, fields: plan(), repeat: { ...repeat, count: 4 } })).toMatch(
      /either after a number of meetings or on a date/,
    );
    // A meeting planned on its own has no series to send.
    const single = await fx.call('planMeeting', { unitId, fields: plan({ date: '2027-05-05' }) });
    await expect(fx.call('exportMeetingInvitation', { meetingId: single.id, series: true })).rejects.toThrow(
      /planned on its own/,
    );
  });

  it('reads cleanly with hostile names, places and 5,000 characters of agenda', async () => {
    const { fx, unitId, plan } = await unitWithContacts([HOSTILE_STRINGS[3], HOSTILE_STRINGS[4], 'x; y, z']);
    const location = `${HOSTILE_STRINGS[5]}\n${HOSTILE_STRINGS[0]}; ${HOSTILE_STRINGS[1]}, end`;
    const { firstMeetingId } = await fx.call('planMeetingSeries', {
      unitId,
      fields: plan({ location }),
      repeat: { frequency: 'monthly', interval: 2, count: 3, until: null },
    });
    const meeting = meetingOf(fx, firstMeetingId);
    // Through the store, past the planner's limits, as a hostile file from a colleague could hold it.
    fx.wb.store.put(meetingShard, meeting.id, {
      ...meeting,
      agenda: [
        ...HOSTILE_STRINGS.map((title, i) => ({ ...meeting.agenda[0]!, id: `hostile-${i}`, title })),
        // 5,000 characters of agenda in 200-character titles (the longest a title may be).
        ...Array.from({ length: 25 }, (_, i) => ({
          ...meeting.agenda[0]!,
          id: `long-item-${i}`,
          title: `${i === 24 ? 'END' : 'é'}; x, y\n`.padEnd(200, 'é;,'),
        })),
      ],
    });
    const saved = await fx.call('exportMeetingInvitation', {
      meetingId: firstMeetingId,
      series: true,
    });
    const read = ics(saved);
    const [event] = read.events;
    expect(event!.occurrences).toHaveLength(3);
    expect(event!.location).toContain('مرحبا');
    expect(event!.location).toContain('; ');
    expect(event!.description).toContain('שלום, הפגישה');
    expect(event!.description).toContain('END');
    expect(event!.attendees.map((a) => a.cn).join(' ')).toContain('👨‍👩‍👧‍👦');
    expect(fs.readFileSync(savedFile(saved), 'utf8')).not.toMatch(FORBIDDEN_IN_FILES);
    const alone = ics(await fx.call('exportMeetingInvitation', { meetingId: firstMeetingId }));
    expect(alone.events[0]!.description).toContain('END');
  });
});
