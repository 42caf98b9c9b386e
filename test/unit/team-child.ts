/**
 * One laptop's service layer with its team sync, in a child process the test kills with SIGKILL.
 *
 *   push <dataDir> <url>  waits for "go <firstSeq>", then edits continuously (new contacts, and the notes
 *                         of one contact), printing one JSON line per acknowledged edit, syncing after each
 *   pull <dataDir> <url>  after "go", prints "ready", then syncs (pulls) continuously
 *
 * Bundled by test/unit/child-process.ts.
 */
import readline from 'node:readline';
import { openWorkbook } from '../../electron/service/workbook';
import { call, contactFields } from './workbook-helpers';

const [mode, dataDir, url] = process.argv.slice(2);

/** Waits for "go <n>": the child is started ahead of time and must not touch the data folder before. */
async function go(): Promise<number> {
  const reader = readline.createInterface({ input: process.stdin });
  // The test that started this child is gone: stop rather than run on forever.
  reader.on('close', () => process.exit(0));
  const line = (await reader[Symbol.asyncIterator]().next()).value as string | undefined;
  const first = Number(/^go (\d+)$/.exec(line ?? '')?.[1] ?? Number.NaN);
  if (Number.isNaN(first)) throw new Error(`expected "go <seq>", got ${line}`);
  return first;
}

let seq = await go();
const t0 = Date.now();
const log = (what: string) =>
  process.env.BRM_TEAM_DEBUG && process.stderr.write(`${mode} ${what} ${Date.now() - t0}\n`);
const wb = openWorkbook({
  dataDir: dataDir!,
  host: { saveDocument: () => Promise.reject(new Error('not available in the test child')) },
  trustedOrigins: ['app://workbook'],
  store: { snapshotIntervalMs: null },
  teamBackground: false,
});
const sync = wb.team!;

const userFields = (name: string, notes: string) => ({ ...contactFields(name, 'user'), notes });

async function push(): Promise<void> {
  log('opened');
  await sync.connect(url!);
  log('connected');
  const directory = await call(wb, 'getDirectory');
  const unitId = directory.units[0]!.id;
  const edited = directory.contacts.find((c) => c.name === 'Edited')!;
  for (; ; seq++) {
    if (seq % 2 === 0) {
      const made = await call(wb, 'createContact', {
        unitId,
        fields: userFields(`Contact ${seq}`, `seq:${seq}`),
      });
      process.stdout.write(`${JSON.stringify({ id: made.id, seq })}\n`);
    } else {
      await call(wb, 'updateContact', { id: edited.id, fields: userFields('Edited', `seq:${seq}`) });
      process.stdout.write(`${JSON.stringify({ id: edited.id, seq })}\n`);
    }
    log('edited');
    await sync.syncNow().catch((e: unknown) => log(String(e)));
    log('synced');
  }
}

async function pull(): Promise<void> {
  await sync.connect(url!);
  process.stdout.write('ready\n');
  for (;;) await sync.syncNow().catch(() => undefined);
}

await (mode === 'push' ? push() : pull());
