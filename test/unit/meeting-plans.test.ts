import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/domain/customers';
import {
  actionOwnerChoices,
  defaultInvitees,
  latestBefore,
  meetingsNear,
  nextMeetingPlan,
} from '../../shared/domain/meeting-plans';
import type { Attendee, Meeting } from '../../shared/domain/meetings';

const contact = (role: Contact['role'], name: string): Contact => ({
  id: `c-${name.split(' ')[0]!.toLowerCase()}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  unitId: 'retail',
  role,
  name,
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: '',
});

const CONTACTS = [
  contact('customer', 'Carla Mendes'),
  contact('purchaser', 'Piet de Vries'),
  contact('purchaser', 'Paula Smit'),
  contact('key-user', 'Kees Bakker'),
  contact('it-stakeholder', 'Tom Visser'),
];

const attendee = (name: string, attendance: Attendee['attendance'], side: Attendee['side'] = 'business') => ({
  id: `a-${name}`,
  contactId: null,
  name,
  side,
  role: '',
  attendance,
});

const meeting = (over: Partial<Meeting>): Meeting =>
  ({
    id: 'm-1',
    unitId: 'retail',
    kind: 'periodic',
    templateId: 'builtin-periodic',
    date: '2026-12-09',
    time: '14:00',
    location: 'Room 4.12',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    trigger: '',
    chair: 'Carla Mendes',
    minuteTaker: 'Me',
    attendees: [],
    ...over,
  }) as Meeting;

describe('meeting plans', () => {
  it('invites the customer and purchasers to an annual review, nobody else', () => {
    const invited = defaultInvitees('annual', CONTACTS, null);
    expect(invited.map((i) => [i.name, i.side])).toEqual([
      ['Carla Mendes', 'business'],
      ['Piet de Vries', 'business'],
      ['Paula Smit', 'business'],
    ]);
  });

  it("invites a periodic review's previous attendees who were present (all of them when none was recorded)", () => {
    const previous = meeting({
      attendees: [
        attendee('Carla Mendes', 'present'),
        attendee('Paula Smit', 'absent'),
        attendee('Sam Lee', 'present', 'it'),
      ],
    });
    expect(defaultInvitees('periodic', CONTACTS, previous).map((i) => i.name)).toEqual([
      'Carla Mendes',
      'Sam Lee',
    ]);
    const unrecorded = meeting({ attendees: [attendee('Carla Mendes', null), attendee('Paula Smit', null)] });
    expect(defaultInvitees('periodic', CONTACTS, unrecorded).map((i) => i.name)).toEqual([
      'Carla Mendes',
      'Paula Smit',
    ]);
    expect(defaultInvitees('periodic', CONTACTS, null)).toEqual([]);
    expect(defaultInvitees('adhoc', CONTACTS, previous)).toEqual([]);
  });

  it('proposes the next periodic review on the series weekday, with its time, place and template', () => {
    const plan = nextMeetingPlan(
      meeting({ attendees: [attendee('Carla Mendes', 'present')] }),
      'builtin-periodic',
    );
    expect(plan).toMatchObject({
      kind: 'periodic',
      date: '2027-01-13',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      time: '14:00',
      location: 'Room 4.12',
      templateId: 'builtin-periodic',
    });
    expect(plan.invitees.map((i) => i.name)).toEqual(['Carla Mendes']);
  });

  it('finds the meetings of a unit within a week of a date, nearest first, and the latest one before it', () => {
    const meetings = [
      { id: 'annual', date: '2027-01-12' },
      { id: 'december', date: '2026-12-09' },
      { id: 'far', date: '2027-01-20' },
    ];
    expect(meetingsNear('2027-01-09', meetings).map((m) => m.id)).toEqual(['annual']);
    expect(meetingsNear('2027-01-13', meetings).map((m) => m.id)).toEqual(['annual', 'far']);
    expect(meetingsNear('2027-01-12', meetings, 'annual')).toEqual([]);
    expect(latestBefore('2027-01-01', meetings)?.id).toBe('december');
    expect(latestBefore('2026-01-01', meetings)).toBeNull();
  });

  it('offers as owners the attendees, every contact, the IT contact and earlier owners, once each', () => {
    expect(
      actionOwnerChoices({
        attendees: [{ name: 'Sam Lee' }],
        contacts: CONTACTS,
        itContact: 'Ivo Jansen',
        owners: ['Sam Lee', ' Kees Bakker ', ''],
      }),
    ).toEqual([
      'Carla Mendes',
      'Ivo Jansen',
      'Kees Bakker',
      'Paula Smit',
      'Piet de Vries',
      'Sam Lee',
      'Tom Visser',
    ]);
  });
});
