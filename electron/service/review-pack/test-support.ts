/** Drives the real service layer on a temporary folder, as the review-pack tests need it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArgOf, MethodName, ResultOf } from '../../../shared/contract';
import type { DocumentToSave, HostAdapter } from '../host';
import { openWorkbook, type Workbook } from '../workbook';

const sender = { url: 'app://workbook/index.html', isMainFrame: true };

export interface TestWorkbook {
  dir: string;
  wb: Workbook;
  /** Documents handed to the host to save, newest last. */
  saved: DocumentToSave[];
  call<K extends MethodName>(method: K, arg: ArgOf<K>): Promise<ResultOf<K>>;
  /** The refusal's message (and field messages) when the call is refused; throws if it succeeds. */
  refusal<K extends MethodName>(
    method: K,
    arg: ArgOf<K>,
  ): Promise<{ message: string; fieldErrors: Record<string, string> }>;
  reopen(): TestWorkbook;
  close(): void;
}

export function testWorkbook(
  options: { dir?: string; now?: () => Date; saved?: DocumentToSave[] } = {},
): TestWorkbook {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'brm-review-pack-'));
  const saved = options.saved ?? [];
  const host: HostAdapter = {
    saveDocument: (doc) => {
      saved.push(doc);
      return Promise.resolve({ savedTo: path.join(dir, 'exports', doc.suggestedName), downloadUrl: null });
    },
  };
  const wb = openWorkbook({ dataDir: dir, host, trustedOrigins: ['app://workbook'], now: options.now });
  const self: TestWorkbook = {
    dir,
    wb,
    saved,
    async call(method, arg) {
      const result = await wb.dispatch(sender, method, arg);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
      return result.value as ResultOf<typeof method>;
    },
    async refusal(method, arg) {
      const result = await wb.dispatch(sender, method, arg);
      if (result.ok) throw new Error(`${method} was expected to be refused`);
      return { message: result.error.message, fieldErrors: result.error.fieldErrors ?? {} };
    },
    reopen: () => testWorkbook({ dir, now: options.now, saved }),
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  return self;
}

export const unitFields = (name: string) => ({
  name,
  kind: 'division' as const,
  itContact: '',
  plans: '',
  drivers: '',
  plansReviewedOn: null,
});

export const contactFields = (name: string, role: 'customer' | 'purchaser' | 'user' = 'purchaser') => ({
  role,
  name,
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: '',
});

/** An SLA with two service levels: availability (at least 99.5 %) and P1 resolution (at most 8 h). */
export const retailSla = {
  type: 'sla' as const,
  title: 'Retail SLA',
  services: [
    {
      id: 'service-online',
      name: 'Online banking',
      levels: [
        {
          id: 'level-availability',
          metric: 'Availability',
          target: 99.5,
          unit: '%',
          direction: 'at-least' as const,
        },
        { id: 'level-p1', metric: 'P1 resolution time', target: 8, unit: 'h', direction: 'at-most' as const },
      ],
    },
  ],
  financing: { amount: null, currency: 'EUR', period: 'yearly' as const, costCentre: '' },
  startDate: '2026-01-01',
  endDate: null,
  reviewDate: null,
  status: 'active' as const,
  customerContactId: null,
  itSignatories: [],
  complaintDefinition: '',
  reference: '',
};

/** A periodic review of October 2026 from the built-in periodic template, held on 5 November. */
export const octoberReviewPlan = {
  kind: 'periodic' as const,
  templateId: 'builtin-periodic',
  date: '2026-11-05',
  time: '10:00',
  location: 'Room 4.12',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  trigger: '',
  chair: 'Maria Jansen',
  minuteTaker: 'Bram (BRM)',
  invitees: [],
};
