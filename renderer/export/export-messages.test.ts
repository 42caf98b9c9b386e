import { describe, expect, it } from 'vitest';
import { failedNotice, fileNameOf, savedNotice } from './export-messages';

describe('export notices', () => {
  it('say where the file was saved, in Electron and in the preview host', () => {
    expect(
      savedNotice('minutes', { savedTo: 'C:\\Users\\alex\\Documents\\m.docx', downloadUrl: null }),
    ).toEqual({
      title: 'Minutes saved',
      detail: 'C:\\Users\\alex\\Documents\\m.docx',
    });
    expect(
      savedNotice('agenda', {
        savedTo: '/data/exports/2026-11-24 Retail agenda.docx',
        downloadUrl: '/downloads/x',
      }),
    ).toEqual({
      title: 'Agenda pre-read downloaded',
      detail: '2026-11-24 Retail agenda.docx (a copy is kept in /data/exports)',
    });
  });

  it('say nothing when the save dialog was cancelled', () => {
    expect(savedNotice('minutes', { savedTo: null, downloadUrl: null })).toBeNull();
  });

  it('name the document in a failure and pass the reason on', () => {
    expect(failedNotice('minutes', 'That meeting no longer exists.')).toEqual({
      title: 'The minutes could not be exported',
      detail: 'That meeting no longer exists.',
    });
    expect(fileNameOf('/a/b/c.docx')).toBe('c.docx');
  });
});
