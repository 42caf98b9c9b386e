import { execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type { WorkbookStatus } from '../../shared/domain/system';
import { onLines, startStoreChild } from './child-process';
import { open, tempDir, unitFields, unitNames } from './workbook-helpers';

/**
 * One writer per data folder, with real processes: a second copy opens read-only and names the first; the
 * first's acknowledged writes are intact; a first copy killed with SIGKILL leaves a lock that the next start
 * takes over by itself; a preview host refuses to start on a held folder.
 */

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => (dir = tempDir('brm-lock-')));
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Served {
  child: ChildProcess;
  otherWriter: string | null;
  call(method: string, arg?: unknown): Promise<Envelope>;
}

async function serve(): Promise<Served> {
  const child = await startStoreChild(['serve', dir]);
  children.push(child);
  const pending: Array<(line: string) => void> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<{ otherWriter: string | null }>((resolve, reject) => {
    pending.push((line) => resolve(JSON.parse(line) as { otherWriter: string | null }));
    child.on('exit', () => reject(new Error(`the child exited: ${stderr}`)));
  });
  onLines(child, (line) => pending.shift()?.(line));
  const { otherWriter } = await ready;
  return {
    child,
    otherWriter,
    call: (method, arg = {}) =>
      new Promise((resolve) => {
        pending.push((line) => resolve(JSON.parse(line) as Envelope));
        child.stdin!.write(`${JSON.stringify({ method, arg })}\n`);
      }),
  };
}

async function ok<T>(served: Served, method: string, arg: unknown = {}): Promise<T> {
  const answer = await served.call(method, arg);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}

const createUnit = (served: Served, name: string) =>
  served.call('createUnit', { parentId: null, fields: unitFields(name) });

describe('one writer per data folder', () => {
  it('a second process opens read-only, naming the first; the first keeps every write', async () => {
    const first = await serve();
    expect(first.otherWriter).toBeNull();
    for (const name of ['Retail Banking', 'Savings']) expect((await createUnit(first, name)).ok).toBe(true);

    const second = await serve();
    expect(second.otherWriter).toContain('is in use by another copy of BRM Workbook');
    expect(second.otherWriter).toContain(`on computer "${os.hostname()}", process ${first.child.pid}`);
    const status = await ok<WorkbookStatus>(second, 'getStatus');
    expect(status.readOnly).toBe(true);
    expect(status.readOnlyReason).toBe(second.otherWriter);
    // It reads, and it does not write.
    const refused = await createUnit(second, 'Lending');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('in use by another copy');
    const seen = await ok<{ units: { name: string }[] }>(second, 'getDirectory');
    expect(seen.units.map((u) => u.name).sort()).toEqual(['Retail Banking', 'Savings']);

    expect((await createUnit(first, 'Payments')).ok).toBe(true);
    second.child.stdin!.end();
    first.child.stdin!.end();
    await Promise.all([first, second].map(({ child }) => new Promise((r) => child.on('exit', r))));
    // Released on close: nothing of the lock is left, and every acknowledged write is there.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('workbook.lock'))).toEqual([]);
    const wb = open(dir);
    expect(await unitNames(wb)).toEqual(['Payments', 'Retail Banking', 'Savings']);
    wb.close();
  });

  it('the lock of a holder killed with SIGKILL is taken over at the next start', async () => {
    const first = await serve();
    expect((await createUnit(first, 'Retail Banking')).ok).toBe(true);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('exit', resolve));
    expect(fs.existsSync(path.join(dir, 'workbook.lock'))).toBe(true);

    const next = await serve();
    expect(next.otherWriter).toBeNull();
    expect((await createUnit(next, 'Savings')).ok).toBe(true);
    const names = (await ok<{ units: { name: string }[] }>(next, 'getDirectory')).units.map((u) => u.name);
    expect(names.sort()).toEqual(['Retail Banking', 'Savings']);
    // And the new holder is the one a third copy is told about.
    const third = await serve();
    expect(third.otherWriter).toContain(`process ${next.child.pid}`);
  });

  it('a preview host on a held folder exits non-zero, naming the holder', async () => {
    const first = await serve();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'electron/preview/preview-host.ts', '--data', dir],
        { timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
      children.push(child);
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is in use by another copy of BRM Workbook');
    expect(result.stderr).toContain(`process ${first.child.pid}`);
  });
});
