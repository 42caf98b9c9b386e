import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/domain/meetings';
import { fixtureWorkbook, realisticMeeting, seedMeeting } from '../../../test/fixtures/meeting-fixture';
import { refusal, savedFile, type TestWorkbook } from '../../../test/unit/workbook-helpers';
import { settingsShard } from '../store/shards';
import { openWorkbook } from '../workbook';
import { documentFileName } from './export-service';
import { parseLogo } from './logo';

let fx: TestWorkbook | null = null;
afterEach(() => {
  fx?.close();
  fx = null;
});
const open = () => (fx = fixtureWorkbook());
const reopen = (dataDir: string) =>
  openWorkbook({
    dataDir,
    host: { saveDocument: () => Promise.reject(new Error('unused')) },
    trustedOrigins: [],
  });

const meeting = (kind: Meeting['kind'], status: Meeting['status'] = 'finalised') =>
  ({ kind, date: '2026-11-24', status }) as Meeting;
const pngDataUrl = () =>
  `data:image/png;base64,${new Resvg(
    '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><rect width="90" height="30" fill="#1F4E79"/></svg>',
  )
    .render()
    .asPng()
    .toString('base64')}`;

describe('document file names', () => {
  it('follow "YYYY-MM-DD <unit> <kind> review minutes.docx"', () => {
    expect(documentFileName(meeting('periodic'), 'Retail Banking', 'minutes')).toBe(
      '2026-11-24 Retail Banking periodic review minutes.docx',
    );
    expect(documentFileName(meeting('adhoc'), 'Retail Banking', 'agenda')).toBe(
      '2026-11-24 Retail Banking ad hoc review agenda.docx',
    );
  });

  it('name draft minutes apart from the final ones, so the final never overwrites the draft', () => {
    expect(documentFileName(meeting('periodic', 'held'), 'Retail', 'minutes')).toBe(
      '2026-11-24 Retail periodic review draft minutes.docx',
    );
    expect(documentFileName(meeting('periodic', 'held'), 'Retail', 'agenda')).toBe(
      '2026-11-24 Retail periodic review agenda.docx',
    );
  });

  it('replace characters file systems refuse and keep ".docx" on a long unit name', () => {
    expect(documentFileName(meeting('annual'), 'R&D: "Labs" / <EU>?*|\\', 'minutes')).toBe(
      '2026-11-24 R&D_ _Labs_ _ _EU_____ annual review minutes.docx',
    );
    const long = documentFileName(meeting('annual'), 'x'.repeat(200), 'minutes');
    expect(long.endsWith('.docx')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(180);
    expect(documentFileName(meeting('annual'), 'Unit \uD800\uFFFF', 'minutes')).toBe(
      '2026-11-24 Unit annual review minutes.docx',
    );
  });
});

describe('exporting', () => {
  it('saves the minutes and the agenda through the host, as Word files named for the meeting', async () => {
    const wb = open();
    const { meetingId } = await seedMeeting(wb, { text: realisticMeeting() });
    const minutes = await wb.call('exportMinutes', { meetingId });
    const agenda = await wb.call('exportAgenda', { meetingId });
    expect(minutes.savedTo).toMatch(/2026-11-24 Retail Banking periodic review draft minutes\.docx$/);
    expect(agenda.savedTo).toMatch(/2026-11-24 Retail Banking periodic review agenda\.docx$/);
    expect(fs.readFileSync(savedFile(minutes)).subarray(0, 2).toString()).toBe('PK');
  });

  it('says clearly when the meeting is gone or the id is not one', async () => {
    const wb = open();
    const gone = await wb.refusal('exportMinutes', { meetingId: 'nosuchmeeting1' });
    expect(gone).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/meeting no longer exists/),
    });
    const bad = await wb.refusal('exportAgenda', { meetingId: '../../etc' });
    expect(bad).toMatchObject({ code: 'invalid-input' });
  });

  it('turns a failed save into a message the BRM can act on', async () => {
    const wb = open();
    const { meetingId } = await seedMeeting(wb, { text: realisticMeeting() });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const blocked = openWorkbook({
      dataDir: wb.dir,
      host: { saveDocument: () => Promise.reject(denied) },
      trustedOrigins: ['app://workbook'],
    });
    const result = await refusal(blocked, 'exportMinutes', { meetingId });
    expect(result).toMatchObject({
      code: 'storage',
      message:
        'The document could not be saved: the folder is not writable, or the file is open in another program. Nothing was lost.',
    });
  });
});

describe('document logo', () => {
  it('is stored in the settings, survives a restart and can be removed', async () => {
    const wb = open();
    const dataUrl = pngDataUrl();
    expect((await wb.call('setDocumentLogo', { dataUrl })).logo).toBe(dataUrl);
    expect(reopen(wb.dir).store.get(settingsShard).logo).toBe(dataUrl);
    expect((await wb.call('setDocumentLogo', { dataUrl: null })).logo).toBeNull();
    expect(reopen(wb.dir).store.get(settingsShard).logo).toBeNull();
  });

  it('refuses what is not a PNG or JPEG it can read', async () => {
    const wb = open();
    const fake = await wb.refusal('setDocumentLogo', {
      dataUrl: `data:image/png;base64,${Buffer.from('not a png at all, just text').toString('base64')}`,
    });
    expect(fake).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/PNG or JPEG/) });
    const gif = await wb.refusal('setDocumentLogo', {
      dataUrl: 'data:image/gif;base64,R0lGOD',
    });
    expect(gif).toMatchObject({ code: 'invalid-input' });
    const huge = await wb.refusal('setDocumentLogo', {
      dataUrl: `data:image/png;base64,${'A'.repeat(400_000)}`,
    });
    expect(huge).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/256 KB/) });
  });

  it('reads the size of PNG and JPEG images', () => {
    expect(parseLogo(pngDataUrl())).toMatchObject({ type: 'png', width: 90, height: 30 });
    // SOI, an APP0 segment, then a baseline frame header giving 80 × 240.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x50, 0x00, 0xf0,
      0x03,
    ]);
    expect(parseLogo(`data:image/jpeg;base64,${jpeg.toString('base64')}`)).toMatchObject({
      type: 'jpg',
      width: 240,
      height: 80,
    });
  });

  it('leaves settings written before logos existed loadable', async () => {
    const wb = open();
    await seedMeeting(wb, { text: realisticMeeting(), organisationName: 'Northwind' });
    const file = path.join(wb.dir, 'settings.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: Record<string, unknown> };
    delete stored.data.logo;
    fs.writeFileSync(file, JSON.stringify(stored));
    const settings = reopen(wb.dir).store.get(settingsShard);
    expect(settings).toMatchObject({ organisationName: 'Northwind', logo: null });
  });
});
