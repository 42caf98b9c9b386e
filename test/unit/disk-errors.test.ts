import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableWriter, type ShardWriter } from '../../electron/service/store/shard-store';
import { serveChild, storeChildScript } from './child-process';
import { bindCalls, open, tempDir, unitFields, type BoundCalls } from './workbook-helpers';

/**
 * Disk full and a read-only data folder, each made real where this machine allows it (a small tmpfs,
 * a read-only bind mount, another user: the tests run as root, which file permissions do not stop),
 * and disk-full injected in the store's writer everywhere. In every case: the caller gets a clear
 * 'storage' error, the status says read-only and why, reads keep working, memory equals disk, nothing
 * stored is lost, and the next write that succeeds clears the read-only state.
 */

let dir: string;
const cleanups: Array<() => void> = [];
beforeEach(() => (dir = tempDir('brm-disk-')));
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  fs.rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may mount file systems (root with CAP_SYS_ADMIN; not in most containers). */
const canMount = (() => {
  if (!isRoot) return false;
  const probe = tempDir('brm-mount-probe-');
  const ok = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (ok) tryRun('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
})();
const canRunAsNobody = isRoot && tryRun('runuser', ['-u', 'nobody', '--', 'true']);
if (!canMount) {
  console.warn(
    'disk-errors: the real tmpfs and read-only mount cases are skipped: mounting needs root with CAP_SYS_ADMIN. ' +
      'Disk full is still tested by injection, and a read-only folder through file permissions.',
  );
}
if (isRoot && !canRunAsNobody) {
  console.warn(
    'disk-errors: the permission case is skipped: as root it needs `runuser -u nobody`, which failed.',
  );
}

const unitNamesOnDisk = (): string[] =>
  (
    JSON.parse(fs.readFileSync(path.join(dir, 'directory.json'), 'utf8')) as {
      data: { units: { name: string }[] };
    }
  ).data.units
    .map((u) => u.name)
    .sort();

async function expectReadOnlyUntilFixed(
  { call, refusal }: BoundCalls,
  breakDisk: () => void,
  fixDisk: () => void,
  reason: string,
) {
  await call('createUnit', { parentId: null, fields: unitFields('Retail Banking') });
  breakDisk();

  const refused = await refusal('createUnit', {
    parentId: null,
    fields: unitFields('Savings', 'x'.repeat(20_000)),
  });
  expect(refused.code).toBe('storage');
  expect(refused.message).toContain(`Changes cannot be saved: ${reason}`);
  expect(refused.message).toContain('Everything saved before is safe');

  const status = await call('getStatus');
  expect(status.readOnly).toBe(true);
  expect(status.readOnlyReason).toContain(reason);
  // Reads work, and memory still equals what is on disk.
  const directory = await call('getDirectory');
  expect(directory.units.map((u) => u.name)).toEqual(['Retail Banking']);
  expect(unitNamesOnDisk()).toEqual(['Retail Banking']);
  await refusal('updateUnit', {
    id: directory.units[0]!.id,
    fields: unitFields('Retail', 'new plans'),
  });
  expect(unitNamesOnDisk()).toEqual(['Retail Banking']);

  fixDisk();
  await call('createUnit', { parentId: null, fields: unitFields('Savings') });
  const after = await call('getStatus');
  expect(after.readOnly).toBe(false);
  expect(after.readOnlyReason).toBeNull();
  expect(unitNamesOnDisk()).toEqual(['Retail Banking', 'Savings']);
}

function inProcess(options: Parameters<typeof open>[1] = {}): BoundCalls {
  const wb = open(dir, options);
  cleanups.push(() => wb.close());
  return bindCalls(wb);
}

describe('disk full', () => {
  it('injected in the store writer: refused clearly, read-only until space is back', async () => {
    let full = false;
    const writer: ShardWriter = {
      write: (file, content) => {
        if (full)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        durableWriter.write(file, content);
      },
    };
    await expectReadOnlyUntilFixed(
      inProcess({ store: { writer } }),
      () => (full = true),
      () => (full = false),
      'the disk is full',
    );
  });

  it.skipIf(!canMount)('on a real full file system (a 1 MB tmpfs)', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    cleanups.push(() => execFileSync('umount', [dir]));
    const filler = path.join(dir, 'filler.bin');
    const fill = () => {
      const page = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.appendFileSync(filler, page);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
    };
    await expectReadOnlyUntilFixed(inProcess(), fill, () => fs.rmSync(filler), 'the disk is full');
  });
});

describe('restore and import on a full disk', () => {
  it.skipIf(!canMount)('change nothing and leave no half-written snapshot behind', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    cleanups.push(() => execFileSync('umount', [dir]));
    const { call, refusal } = inProcess();
    await call('createUnit', { parentId: null, fields: unitFields('Retail Banking') });
    const file = {
      format: 'brm-workbook',
      formatVersion: 1,
      files: {
        'directory.json': JSON.parse(fs.readFileSync(path.join(dir, 'directory.json'), 'utf8')) as unknown,
        'settings.json': {
          schemaVersion: 1,
          data: {
            organisationName: 'x'.repeat(150),
            brmName: '',
            locale: '',
            theme: 'system',
            lastExportFolder: null,
            window: null,
          },
        },
      },
    };
    const filler = path.join(dir, 'filler.bin');
    try {
      for (;;) fs.appendFileSync(filler, Buffer.alloc(4096, 1));
    } catch {
      // Full.
    }
    const liveFiles = () => fs.readdirSync(dir).filter((name) => name !== 'backups');
    const before = liveFiles();
    const refused = await refusal('importWorkbook', { content: JSON.stringify(file) });
    expect(refused.message).toBe('Nothing was imported: the disk is full.');
    expect(liveFiles()).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : []).toEqual(
      [],
    );
    expect(unitNamesOnDisk()).toEqual(['Retail Banking']);
  });
});

describe('read-only data folder', () => {
  it.skipIf(!canMount)('on a read-only mount (EROFS)', async () => {
    await expectReadOnlyUntilFixed(
      inProcess(),
      () => {
        execFileSync('mount', ['--bind', dir, dir]);
        execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
      },
      () => execFileSync('umount', [dir]),
      'the data folder is on a read-only drive',
    );
  });

  it.skipIf(!canMount)(
    'found read-only at start: reported at once, and the workbook still opens',
    async () => {
      await inProcess().call('createUnit', { parentId: null, fields: unitFields('Retail Banking') });
      execFileSync('mount', ['--bind', dir, dir]);
      execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
      cleanups.push(() => execFileSync('umount', [dir]));

      const { call } = inProcess();
      const status = await call('getStatus');
      expect(status.readOnly).toBe(true);
      expect(status.readOnlyReason).toContain('the data folder is on a read-only drive');
      expect(status.notices).toEqual([]);
      const directory = await call('getDirectory');
      expect(directory.units.map((u) => u.name)).toEqual(['Retail Banking']);
    },
  );

  it.skipIf(!canRunAsNobody)('without write permission, as an ordinary user (EACCES)', async () => {
    await storeChildScript();
    const nobody = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, nobody, nobody);
    const served = await serveChild(dir, { runAs: 'nobody' });
    cleanups.push(() => served.child.kill('SIGKILL'));
    await expectReadOnlyUntilFixed(
      served,
      () => fs.chmodSync(dir, 0o555),
      () => fs.chmodSync(dir, 0o755),
      'the data folder is not writable',
    );
  });

  it.skipIf(isRoot)('without write permission (EACCES)', async () => {
    await expectReadOnlyUntilFixed(
      inProcess(),
      () => fs.chmodSync(dir, 0o555),
      () => fs.chmodSync(dir, 0o755),
      'the data folder is not writable',
    );
  });
});
