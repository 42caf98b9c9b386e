/**
 * IPC fuzz: every contract method (METHOD_NAMES, so methods added later are fuzzed too) is called
 * through the dispatch — the function both hosts call — with hostile arguments. Each call must be
 * refused with a clear error envelope, nothing on disk may change, Object.prototype must stay clean,
 * and the service must keep working afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { METHOD_NAMES, contract, type Envelope, type ErrorCode } from '../../shared/contract';
import type { HostAdapter } from '../../electron/service/host';
import { openWorkbook, type Workbook } from '../../electron/service/workbook';
import { replaceAt, sampleOf, withOwnKey, type Path } from './zod-samples';

const ORIGIN = 'app://workbook';
const sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const HUGE = 'x'.repeat(10 * 1024 * 1024);

const TRAVERSAL_IDS = [
  '../../directory',
  '../../../etc/passwd',
  '..\\..\\settings',
  '%2e%2e%2fdirectory',
  'units/../directory',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '__proto__',
  'constructor',
  'prototype',
  '',
  'a'.repeat(65),
];

const PROTO_KEYS: ReadonlyArray<[string, unknown]> = [
  ['__proto__', { polluted: 'yes' }],
  ['constructor', { prototype: { polluted: 'yes' } }],
  ['prototype', { polluted: 'yes' }],
];

let dataDir: string;
let workbook: Workbook;
let hostCalls = 0;
let unitId: string;
let contactId: string;

const host: HostAdapter = {
  saveDocument: () => {
    hostCalls++;
    return Promise.resolve({ savedTo: null, downloadUrl: null });
  },
};

async function ok<T>(method: string, arg: unknown): Promise<T> {
  const envelope = await workbook.dispatch(sender, method, arg);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Every file under the data folder, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

const pathKey = (p: Path) => p.map(String).join('.');

/** A refusal a person can read: the right code, a short plain sentence, nothing echoed back in bulk. */
function expectClearRefusal(envelope: Envelope, what: string, codes: readonly ErrorCode[], at?: Path): void {
  expect(envelope.ok, `${what} was accepted`).toBe(false);
  if (envelope.ok) return;
  const { code, message, fieldErrors } = envelope.error;
  expect(codes, `${what}: code ${code} (${message})`).toContain(code);
  expect(message, what).toMatch(/^[A-Z"]/);
  expect(message.length, `${what}: message length`).toBeLessThan(500);
  expect(message, what).not.toMatch(/\n\s+at |\[object Object\]|undefined|TypeError|ZodError/);
  for (const text of Object.values(fieldErrors ?? {})) expect(text.length, what).toBeLessThan(500);
  expect(JSON.stringify(envelope).length, `${what}: the envelope echoes the input`).toBeLessThan(10_000);
  if (at && code === 'invalid-input') {
    // The refusal names the field that was wrong (or the union holding it), not some other one.
    const key = pathKey(at);
    const named = Object.keys(fieldErrors ?? {}).some((k) => k === key || key.startsWith(`${k}.`));
    expect(named, `${what}: fieldErrors ${JSON.stringify(Object.keys(fieldErrors ?? {}))}`).toBe(true);
  }
}

const isIdField = (p: Path) => {
  const last = [...p].reverse().find((step) => typeof step === 'string');
  return typeof last === 'string' && /(^id|Id|Ids)$/.test(last);
};

const WRONG_TYPES: ReadonlyArray<[string, unknown]> = [
  ['a number', 42],
  ['a boolean', true],
  ['null', null],
  ['an array', []],
  ['an object', {}],
  ['a string', 'text'],
];

let before: Record<string, string>;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-fuzz-'));
  workbook = openWorkbook({ dataDir, host, trustedOrigins: [ORIGIN] });
  const unit = await ok<{ id: string }>('createUnit', {
    parentId: null,
    fields: {
      name: 'Retail',
      kind: 'division',
      itContact: '',
      plans: '',
      drivers: '',
      plansReviewedOn: null,
    },
  });
  unitId = unit.id;
  const contact = await ok<{ id: string }>('createContact', {
    unitId,
    fields: {
      role: 'customer',
      name: 'Maria Jansen',
      title: '',
      email: 'maria@example.com',
      phone: '',
      notes: '',
      itContact: '',
    },
  });
  contactId = contact.id;
  before = snapshot(dataDir);
});

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const candidates = () => [
  unitId,
  contactId,
  'Fuzz sample',
  '2026-01-15',
  '09:30',
  '2026-01-15T09:30:00.000Z',
  'fuzz@example.com',
  'en-GB',
  'https://example.com/',
  '',
  1,
  0,
  5,
  2026,
  false,
  null,
];

describe.each(METHOD_NAMES.map((name) => [name]))('%s', (method) => {
  const schema = () => contract[method].input as z.ZodType;
  const sample = () => sampleOf(schema(), candidates());

  it('refuses an argument of the wrong type altogether', async () => {
    for (const arg of [undefined, null, 42, 'text', [], true]) {
      expectClearRefusal(await workbook.dispatch(sender, method, arg), `${method}(${String(arg)})`, [
        'invalid-input',
      ]);
    }
  });

  it('refuses a wrong type in every position', async () => {
    for (const leaf of sample().leaves) {
      for (const [label, wrong] of WRONG_TYPES) {
        if (leaf.schema.safeParse(wrong).success) continue;
        const arg = replaceAt(sample().value, leaf.path, wrong);
        const what = `${method} with ${label} at ${pathKey(leaf.path)}`;
        expectClearRefusal(await workbook.dispatch(sender, method, arg), what, ['invalid-input'], leaf.path);
      }
    }
  });

  it('refuses a 10 MB string in every string position', async () => {
    for (const leaf of sample().leaves.filter((l) => typeof l.value === 'string')) {
      const arg = replaceAt(sample().value, leaf.path, HUGE);
      const what = `${method} with 10 MB at ${pathKey(leaf.path)}`;
      expectClearRefusal(await workbook.dispatch(sender, method, arg), what, ['invalid-input'], leaf.path);
    }
  });

  it('refuses __proto__, constructor and prototype keys in every object', async () => {
    for (const at of sample().objects) {
      for (const [key, payload] of PROTO_KEYS) {
        const arg = withOwnKey(sample().value, at, key, payload);
        const target = at.reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], arg);
        expect(Object.prototype.hasOwnProperty.call(target, key), `own ${key}`).toBe(true);
        const what = `${method} with an own "${key}" key at ${pathKey(at) || 'the top'}`;
        expectClearRefusal(await workbook.dispatch(sender, method, arg), what, ['invalid-input']);
      }
    }
  });

  it('refuses ../ paths and prototype names in every id field', async () => {
    for (const leaf of sample().leaves.filter((l) => isIdField(l.path))) {
      for (const id of TRAVERSAL_IDS) {
        const arg = replaceAt(sample().value, leaf.path, id);
        const what = `${method} with ${JSON.stringify(id.slice(0, 30))} at ${pathKey(leaf.path)}`;
        expectClearRefusal(await workbook.dispatch(sender, method, arg), what, [
          'invalid-input',
          'not-found',
        ]);
      }
    }
  });
});

describe('after the fuzz', () => {
  it('nothing on disk changed', () => {
    expect(snapshot(dataDir)).toEqual(before);
    expect(hostCalls).toBe(0);
  });

  it('Object.prototype is not polluted', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the service keeps working: reads and writes still succeed', async () => {
    const directory = await ok<{ units: { name: string }[] }>('getDirectory', {});
    expect(directory.units.map((u) => u.name)).toEqual(['Retail']);
    await ok('createUnit', {
      parentId: unitId,
      fields: {
        name: 'Mortgages',
        kind: 'department',
        itContact: '',
        plans: '',
        drivers: '',
        plansReviewedOn: null,
      },
    });
    const after = await ok<{ units: { name: string }[] }>('getDirectory', {});
    expect(after.units.map((u) => u.name).sort()).toEqual(['Mortgages', 'Retail']);
  });
});
