import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { safeFileName, writeFileAtomic } from '../../electron/service/atomic-file';
import type { DocumentToSave, HostAdapter } from '../../electron/service/host';
import type { Sender } from '../../electron/service/dispatch';
import { openWorkbook, type OpenOptions, type Workbook } from '../../electron/service/workbook';
import type { ArgOf, Envelope, MethodName, ResultOf, WireError } from '../../shared/contract';
import type { Meeting } from '../../shared/domain/meetings';

/** Helpers for tests that drive the real service layer on a temporary data folder. */

export const FIXTURES = path.resolve('test/fixtures/store');

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

/** The sender every test call comes from: the app's own page, as the renderer's calls arrive. */
export const APP_SENDER: Sender = { url: 'app://workbook/index.html', isMainFrame: true };

/** A method whose argument may be left out (`getDirectory`, `listBackups`) is called without one. */
export type ArgList<K extends MethodName> =
  Record<never, never> extends ArgOf<K> ? [arg?: ArgOf<K>] : [arg: ArgOf<K>];

/**
 * The one way tests call the service layer: through dispatch, as the renderer does, typed by the
 * contract — a misspelt method or a wrong argument does not compile, and the result has its type.
 */
export function call<K extends MethodName>(
  wb: Workbook,
  method: K,
  ...arg: ArgList<K>
): Promise<ResultOf<K>> {
  return bindCalls(wb).call(method, ...arg);
}

/** `call` from another sender (the preview host's origin in the e2e tests, the bench's origin). */
export function callAs<K extends MethodName>(
  sender: Sender,
  wb: Workbook,
  method: K,
  ...arg: ArgList<K>
): Promise<ResultOf<K>> {
  return bindCalls(wb, sender).call(method, ...arg);
}

/** A refusal as tests read it: field messages always present (empty when the refusal names no field). */
export type Refusal = WireError & { fieldErrors: Record<string, string> };

/** The refusal in an envelope (fails the test if the call succeeded). */
export function refusalOf(method: string, result: Envelope): Refusal {
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return { ...result.error, fieldErrors: result.error.fieldErrors ?? {} };
}

/**
 * The error a well-formed call is refused with by a rule of the domain (a date before the start, a
 * name in use). Typed like `call`, so a misspelt method cannot pass as "refused".
 */
export function refusal<K extends MethodName>(wb: Workbook, method: K, ...arg: ArgList<K>): Promise<Refusal> {
  return bindCalls(wb).refusal(method, ...arg);
}

/**
 * The deliberately untyped escape, for tests that send what the renderer never would (hostile
 * input, wrong shapes, unknown methods): the envelope, not a typed result.
 */
export function callUnchecked(wb: Workbook, method: string, arg: unknown = {}): Promise<Envelope> {
  return wb.dispatch(APP_SENDER, method, arg);
}

/** The refusal of an untyped call: for input the contract's types would not let a test write. */
export async function refusalUnchecked(wb: Workbook, method: string, arg: unknown = {}): Promise<Refusal> {
  return refusalOf(method, await callUnchecked(wb, method, arg));
}

/** Carries one call to a service layer (this process's dispatch, a child process) and brings back its envelope. */
export type Transport = (method: MethodName, arg: unknown) => Promise<Envelope>;

/** The calls of the harness bound to one service layer. */
export interface BoundCalls {
  call<K extends MethodName>(method: K, ...arg: ArgList<K>): Promise<ResultOf<K>>;
  refusal<K extends MethodName>(method: K, ...arg: ArgList<K>): Promise<Refusal>;
}

/** The harness over any transport: the same typing, and the same messages when a call fails. */
export function callsOver(send: Transport): BoundCalls {
  async function call(method: MethodName, arg?: unknown): Promise<unknown> {
    const result = await send(method, arg ?? {});
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  return {
    // The untyped implementation behind the typed signature: the result is what the contract says the method answers.
    call: call as BoundCalls['call'],
    refusal: async (method, ...[arg]) => refusalOf(method, await send(method, arg ?? {})),
  };
}

export function bindCalls(wb: Workbook, sender: Sender = APP_SENDER): BoundCalls {
  return callsOver((method, arg) => wb.dispatch(sender, method, arg));
}

/** A workbook on its own temporary folder with the harness bound to it, for service tests. */
export interface TestWorkbook extends BoundCalls {
  dir: string;
  wb: Workbook;
  /** Where exported documents are written (the preview host's exports folder). */
  exportsDir: string;
  /** Documents handed to the host to save, newest last. */
  saved: DocumentToSave[];
  /** A second workbook on the same folder, reading what the first one wrote, as a start of the app does. */
  reopen(): TestWorkbook;
  /** Removes the folder (the workbook's shutdown, with its snapshot, is not what these tests are about). */
  close(): void;
}

export interface TestWorkbookOptions {
  dir?: string;
  now?: () => Date;
  saved?: DocumentToSave[];
}

/** A host that writes documents to `exportsDir`, as the preview host does, and keeps what it was given. */
function exportingHost(exportsDir: string, saved: DocumentToSave[]): HostAdapter {
  return {
    saveDocument: (doc) => {
      saved.push(doc);
      fs.mkdirSync(exportsDir, { recursive: true });
      const target = path.join(exportsDir, safeFileName(doc.suggestedName));
      writeFileAtomic(target, doc.bytes);
      return Promise.resolve({ savedTo: target, downloadUrl: null });
    },
  };
}

export function testWorkbook(options: TestWorkbookOptions = {}): TestWorkbook {
  const dir = options.dir ?? tempDir('brm-test-');
  const exportsDir = path.join(dir, 'exports');
  const saved = options.saved ?? [];
  const wb = open(dir, { now: options.now, host: exportingHost(exportsDir, saved) });
  return {
    dir,
    wb,
    exportsDir,
    saved,
    ...bindCalls(wb),
    reopen: () => testWorkbook({ ...options, dir, saved }),
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The file an export saved (fails the test when nothing was saved, as after a cancelled dialog). */
export function savedFile(result: { savedTo: string | null }): string {
  if (result.savedTo === null) throw new Error('the document was not saved');
  return result.savedTo;
}

export type UnitFields = ArgOf<'createUnit'>['fields'];
export type ContactFields = ArgOf<'createContact'>['fields'];

/** A division with nothing filled in but its name (and plans, when a test needs them). */
export const unitFields = (name: string, plans = ''): UnitFields => ({
  name,
  kind: 'division',
  itContact: '',
  plans,
  drivers: '',
  plansReviewedOn: null,
});

/** A contact with nothing filled in but the name and the role (a purchaser unless said). */
export const contactFields = (name: string, role: ContactFields['role'] = 'purchaser'): ContactFields => ({
  role,
  name,
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: '',
});

export type PlanFields = ArgOf<'planMeeting'>['fields'];

/** A periodic review on `date` from the built-in template, nothing else filled in (unless `over` says). */
export const planFields = (date: string, over: Partial<PlanFields> = {}): PlanFields => ({
  kind: 'periodic',
  templateId: 'builtin-periodic',
  date,
  time: '',
  location: '',
  periodStart: null,
  periodEnd: null,
  trigger: '',
  chair: '',
  minuteTaker: '',
  invitees: [],
  ...over,
});

export const createUnit = (wb: Workbook, name: string, plans = '') =>
  call(wb, 'createUnit', { parentId: null, fields: unitFields(name, plans) });

export const unitNames = async (wb: Workbook): Promise<string[]> =>
  (await call(wb, 'getDirectory')).units.map((u) => u.name).sort();

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
