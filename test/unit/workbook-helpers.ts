import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentToSave, HostAdapter } from '../../electron/service/host';
import { openWorkbook, type OpenOptions, type Workbook } from '../../electron/service/workbook';
import type { Directory } from '../../shared/domain/customers';
import type { Meeting } from '../../shared/domain/meetings';

/** Helpers for tests that drive the real service layer on a temporary data folder. */

export const FIXTURES = path.resolve('test/fixtures/store');
const sender = { url: 'app://workbook/index.html', isMainFrame: true };

export function tempDir(prefix = 'brm-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A host that keeps what the service asked it to save, as the preview host's exports folder would. */
export function recordingHost(): HostAdapter & { saved: DocumentToSave[] } {
  const saved: DocumentToSave[] = [];
  return {
    saved,
    saveDocument: (doc) => {
      saved.push(doc);
      return Promise.resolve({ savedTo: `/exports/${doc.suggestedName}`, downloadUrl: null });
    },
  };
}

export function open(dataDir: string, options: Partial<OpenOptions> = {}): Workbook {
  return openWorkbook({
    dataDir,
    host: recordingHost(),
    trustedOrigins: ['app://workbook'],
    ...options,
    // No timer-driven snapshots unless a test asks for them: they would run after the test.
    store: { snapshotIntervalMs: null, ...options.store },
  });
}

export async function call<T>(wb: Workbook, method: string, arg: unknown = {}): Promise<T> {
  const result = await wb.dispatch(sender, method, arg);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error a call answers with (fails the test if it succeeds). */
export async function refusal(wb: Workbook, method: string, arg: unknown = {}) {
  const result = await wb.dispatch(sender, method, arg);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

export const unitFields = (name: string, plans = '') => ({
  name,
  kind: 'division',
  itContact: '',
  plans,
  drivers: '',
  plansReviewedOn: null,
});

export const contactFields = (name: string, role = 'purchaser') => ({
  role,
  name,
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: '',
});

export const createUnit = (wb: Workbook, name: string, plans = '') =>
  call<{ id: string; name: string }>(wb, 'createUnit', { parentId: null, fields: unitFields(name, plans) });

export const unitNames = async (wb: Workbook): Promise<string[]> =>
  (await call<Directory>(wb, 'getDirectory')).units.map((u) => u.name).sort();

/** Every file under `dir` with a hash of its bytes: equal before and after means nothing was written. */
export function treeState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(rel);
      } else {
        const full = path.join(dir, rel);
        const stat = fs.statSync(full);
        const hash = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        out[rel] = `${hash} ${stat.mtimeMs} ${stat.ino}`;
      }
    }
  };
  walk('');
  return out;
}

/** Replaces a file with damaged bytes, as another program or a failing sync client would (a new file). */
export function damage(file: string, bytes: Uint8Array | string): void {
  fs.rmSync(file);
  fs.writeFileSync(file, bytes);
}

/** A valid meeting with one agenda item holding `minutes`. */
export function sampleMeeting(id: string, unitId: string, minutes = ''): Meeting {
  const at = '2026-11-24T09:00:00.000Z';
  return {
    id,
    createdAt: at,
    updatedAt: at,
    unitId,
    kind: 'periodic',
    templateId: null,
    date: '2026-11-24',
    time: '09:00',
    location: '',
    periodStart: null,
    periodEnd: null,
    trigger: '',
    chair: '',
    minuteTaker: '',
    attendees: [],
    agenda: [{ id: 'item000001', title: 'Service performance', guidance: '', minutes, decisions: [] }],
    carriedActionIds: [],
    status: 'planned',
    history: [],
    previousMeetingId: null,
    nextMeetingId: null,
  };
}
