/**
 * Issue 18's bad input, on real files: hostile text (control characters, U+FFFE, right-to-left marks and
 * scripts, 5,000 characters) in every new field — an outcome and its values, the informal contact log, a
 * decision, a pack comment — round-trips through the store and the search, and every Word document it
 * reaches (the Value realised report, the decision register, the minutes, the agenda pre-read) opens in
 * python-docx and LibreOffice with the text as text, in the language of the settings (de-DE). Text longer
 * than a field allows is refused with a clear message and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextToRichText, richTextToPlain } from '../../../shared/rich-text/rich-text';
import {
  allText,
  collapse,
  convertToPdf,
  pdfText,
  readDocx,
  type DocxReadout,
} from '../../../test/fixtures/document-readers';
import { HOSTILE_STRINGS } from '../../../test/fixtures/meeting-fixture';
import { xmlSafeLine } from '../export/sanitise';
import { retailSla } from '../../../test/fixtures/retail-review';
import {
  contactFields,
  planFields,
  testWorkbook,
  unitFields,
  type TestWorkbook,
} from '../../../test/unit/workbook-helpers';

/** What a line break copied from Word becomes, a non-character, a right-to-left override and two RTL scripts. */
const HOSTILE = 'Qzorvex Retail\u000B Division \uFFFE \u202Eevil\u202C שלום مرحبا <b>&amp;</b> =1+1';
/** Every hostile string of the meeting tests plus ours, 5,000 characters in all: for the long-text fields. */
const LONG = `Qzorvex long ${[...HOSTILE_STRINGS, HOSTILE].join(' ')} ${'lorem ipsum '.repeat(500)}`.slice(
  0,
  5_000,
);

/** What Word can hold of a text: the XML-forbidden characters dropped, whitespace collapsed. */
const inWord = (text: string) => collapse(xmlSafeLine(text));

let t: TestWorkbook;
let unitId: string;
let customerId: string;
let meetingId: string;
let outcomeId: string;
const docs: Record<string, DocxReadout> = {};
const files: Record<string, string> = {};

beforeAll(async () => {
  t = testWorkbook({ now: () => new Date(2026, 11, 9, 16, 0) });
  await t.call('updateSettings', {
    fields: { organisationName: 'Contoso IT', brmName: 'Bram Visser', locale: 'de-DE', theme: 'system' },
  });
  unitId = (await t.call('createUnit', { parentId: null, fields: unitFields('Retail') })).id;
  customerId = (await t.call('createContact', { unitId, fields: contactFields('Maria Jansen', 'customer') }))
    .id;
  await t.call('createAgreement', { unitId, fields: retailSla });
  const meeting = await t.call('planMeeting', {
    unitId,
    fields: planFields('2026-12-09', {
      kind: 'annual',
      templateId: 'builtin-annual',
      time: '14:00',
      invitees: [
        {
          id: 'invitee-maria',
          contactId: customerId,
          name: 'Maria Jansen',
          side: 'business',
          role: 'Customer',
        },
      ],
    }),
  });
  meetingId = meeting.id;
}, 60_000);

afterAll(() => t.close());

describe('hostile text in every field of issue 18', () => {
  it('is refused with a clear message where it is longer than the field allows, and nothing is stored', async () => {
    const note = await t.refusal('logContact', { contactId: customerId, date: '2026-12-01', note: LONG });
    expect(`${note.message} ${Object.values(note.fieldErrors).join(' ')}`).toMatch(
      /at most 2,000 characters/,
    );
    expect(await t.call('listContactLog', { contactId: customerId })).toEqual([]);
    const item = (await t.call('getMeeting', { id: meetingId })).meeting.agenda[0]!.id;
    const decision = await t.refusal('addDecision', {
      meetingId,
      itemId: item,
      text: plainTextToRichText(LONG),
    });
    expect(`${decision.message} ${Object.values(decision.fieldErrors).join(' ')}`).toMatch(/at most/);
    expect((await t.call('listDecisions', { unitId, query: 'Qzorvex' })).length).toBe(0);
  });

  it('round-trips through the store, a restart and the search', async () => {
    await t.call('logContact', { contactId: customerId, date: '2026-12-01', note: HOSTILE });
    const outcome = await t.call('saveOutcome', {
      unitId,
      id: null,
      fields: {
        outcome: HOSTILE,
        measure: HOSTILE,
        baseline: `10 days ${HOSTILE}`.slice(0, 200),
        baselineDate: '2026-01-01',
        target: '5 days',
        targetDate: '2027-06-30',
        ownerContactId: customerId,
        projectIds: [],
        requirementIds: [],
      },
    });
    outcomeId = outcome.id;
    await t.call('recordOutcomeValue', {
      outcomeId,
      date: '2026-12-09',
      value: '8 days \u202Eevil\u202C',
      note: LONG.slice(0, 2_000),
      meetingId,
    });
    const detail = await t.call('getMeeting', { id: meetingId });
    const itemId = detail.meeting.agenda[0]!.id;
    await t.call('addDecision', { meetingId, itemId, text: plainTextToRichText(HOSTILE) });
    const pack = await t.call('getReviewPack', { meetingId });
    await t.call('setPackComment', {
      meetingId,
      section: pack.sections[0]!.key,
      text: plainTextToRichText(LONG),
    });

    t = t.reopen();
    expect((await t.call('listContactLog', { contactId: customerId }))[0]?.note).toBe(HOSTILE);
    const [kept] = await t.call('listOutcomes', { unitId });
    expect(kept).toMatchObject({
      outcome: HOSTILE,
      measure: HOSTILE,
      baseline: `10 days ${HOSTILE}`.slice(0, 200),
    });
    expect(kept?.values.map((v) => [v.value, v.note])).toEqual([
      ['8 days \u202Eevil\u202C', LONG.slice(0, 2_000)],
    ]);
    const [decision] = await t.call('listDecisions', { unitId, query: 'Qzorvex' });
    // The register lists decisions as plain text.
    expect(decision?.text).toBe(HOSTILE);
    const comment = (await t.call('getReviewPack', { meetingId })).sections[0]!.comment;
    expect(richTextToPlain(comment)).toBe(LONG.trimEnd());

    const found = await t.call('search', { query: 'Qzorvex', limit: 20 });
    const kinds = found.groups.map((g) => g.kind);
    expect(kinds).toEqual(expect.arrayContaining(['outcome', 'decision', 'informal-contact']));
    // The search shows the text as stored: nothing dropped or escaped on the way.
    expect(found.groups.find((g) => g.kind === 'outcome')?.hits[0]?.title).toBe(HOSTILE);
  });

  it('reaches every Word document of issue 18 as text, in German, and LibreOffice opens each', async () => {
    await t.call('exportValueReport', { unitId });
    await t.call('exportValueReport', { unitId: null });
    await t.call('exportDecisionsReport', { unitId: null });
    await t.call('exportAgenda', { meetingId });
    await t.call('exportMinutes', { meetingId });
    // The other published reports carry the language of the settings too.
    await t.call('exportCustomerStructureReport', {});
    await t.call('exportActionLogReport', {
      unitId: null,
      owner: null,
      statuses: [],
      today: '2026-12-09',
      overdueOnly: false,
    });
    await t.call('exportSatisfactionReport', { unitId: null, from: '2026-01-01', to: '2026-12-31' });
    await t.call('exportAgreementsReport', { unitId: null });
    const names = [
      'value',
      'valueAll',
      'decisions',
      'agenda',
      'minutes',
      'structure',
      'actions',
      'satisfaction',
      'agreements',
    ];
    const saved = t.saved.slice(-names.length);
    names.forEach((name, i) => {
      const file = path.join(t.dir, `${name}.docx`);
      fs.writeFileSync(file, saved[i]!.bytes);
      files[name] = file;
    });
    Object.assign(
      docs,
      Object.fromEntries(
        Object.entries(readDocx(Object.values(files))).map(([f, d]) => [
          names.find((n) => files[n] === f)!,
          d,
        ]),
      ),
    );

    for (const name of names) {
      expect(docs[name]!.language, name).toBe('de-DE');
      expect(docs[name]!.lastModifiedBy, name).toBe('Bram Visser');
    }
    for (const name of ['value', 'valueAll']) {
      const text = allText(docs[name]!);
      expect(text, name).toContain(inWord(HOSTILE));
      expect(text, name).toContain(inWord(LONG.slice(0, 2_000)));
      expect(text, name).toContain('8 days \u202Eevil\u202C');
    }
    expect(allText(docs.decisions!)).toContain(inWord(HOSTILE));
    expect(allText(docs.minutes!)).toContain(inWord(HOSTILE));
    expect(allText(docs.minutes!)).toContain(inWord(LONG));
    expect(allText(docs.agenda!)).toContain(inWord(HOSTILE));
    expect(allText(docs.minutes!)).toContain('9. Dezember 2026');

    const issue18 = ['value', 'decisions'].map((n) => files[n]!);
    const pdfs = convertToPdf(issue18, path.join(t.dir, 'pdf'));
    expect(pdfText(pdfs.get(files.decisions!)!)).toContain('Qzorvex');
  }, 180_000);

  it('reaches the decision register CSV as text, never as a formula', async () => {
    await t.call('exportRegisterCsv', { register: 'decisions', unitId: null });
    const csv = new TextDecoder().decode(t.saved.at(-1)!.bytes);
    expect(csv).toContain('Qzorvex Retail');
    expect(csv).not.toMatch(/[,;]=1\+1/);
  });
});
