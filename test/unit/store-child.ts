/**
 * The service layer in a child process, for tests that must kill it or run it as another user.
 *
 *   write <dataDir>  waits for a line "go <firstSeq>" (so it can be started ahead of time), then writes
 *                    continuously and prints one JSON line per acknowledged write
 *   serve <dataDir>             answers one JSON call per stdin line: {"method", "arg"} → envelope
 *
 * Bundled by test/unit/child-process.ts into one self-contained file.
 */
import readline from 'node:readline';
import { meetingShard } from '../../electron/service/store/shards';
import { openWorkbook, type Workbook } from '../../electron/service/workbook';
import { APP_SENDER, call, contactFields, sampleMeeting, unitFields } from './workbook-helpers';

const [mode, dataDir] = process.argv.slice(2);

function open(snapshotIntervalMs: number | null): Workbook {
  return openWorkbook({
    dataDir: dataDir!,
    host: { saveDocument: () => Promise.reject(new Error('not available in the test child')) },
    trustedOrigins: ['app://workbook'],
    store: { snapshotIntervalMs },
    lockFolder: true,
  });
}

/** Every write is a different kind of store file: the directory, settings and per-meeting files. */
async function writeForever(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const go = (await lines.next()).value as string | undefined;
  const firstSeq = Number(/^go (\d+)$/.exec(go ?? '')?.[1] ?? Number.NaN);
  if (Number.isNaN(firstSeq)) throw new Error(`expected "go <seq>", got ${go}`);
  // Frequent snapshots, so that some kills land while one is being assembled.
  const wb = open(25);
  const directory = await call(wb, 'getDirectory');
  const unit = directory.units[0];
  if (!unit) throw new Error('the parent creates the unit first');
  const contactIds = directory.contacts.map((c) => c.id);
  const filler = 'Minutes of the service review. '.repeat(130); // about 4 KB, like real minutes
  process.stdout.write('ready\n');
  for (let seq = firstSeq; ; seq++) {
    const mark = `seq:${seq}`;
    let ack: Record<string, unknown>;
    switch (seq % 4) {
      case 0: {
        // New contacts until the directory is the size of a busy BRM's; then edits of existing ones.
        if (contactIds.length < 300) {
          const contact = await call(wb, 'createContact', {
            unitId: unit.id,
            fields: userFields(`Contact ${seq}`, mark),
          });
          contactIds.push(contact.id);
          ack = { kind: 'contact', id: contact.id, seq };
        } else {
          const id = contactIds[seq % contactIds.length]!;
          await call(wb, 'updateContact', { id, fields: userFields(`Contact ${id}`, mark) });
          ack = { kind: 'contact', id, seq };
        }
        break;
      }
      case 1:
        await call(wb, 'updateUnit', {
          id: unit.id,
          fields: unitFields('Retail Banking', mark),
        });
        ack = { kind: 'unit', id: unit.id, seq };
        break;
      case 2: {
        const id = `meeting${(seq >> 2) % 8}`;
        wb.store.put(meetingShard, id, sampleMeeting(id, unit.id, `${mark}\n${filler}`));
        ack = { kind: 'meeting', id, seq };
        break;
      }
      default:
        await call(wb, 'updateSettings', {
          fields: { organisationName: mark, brmName: '', locale: '', theme: 'system' },
        });
        ack = { kind: 'settings', id: 'settings', seq };
    }
    // Printed only after the store returned: an acknowledged write.
    process.stdout.write(`${JSON.stringify(ack)}\n`);
    // Back to the event loop between writes, as between IPC calls: the snapshot timer runs there.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const userFields = (name: string, notes: string) => ({ ...contactFields(name, 'user'), notes });

async function serve(): Promise<void> {
  const wb = open(null);
  process.stdout.write(
    `${JSON.stringify({ ready: true, blocked: wb.blocked, otherWriter: wb.otherWriter })}\n`,
  );
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const { method, arg } = JSON.parse(line) as { method: string; arg: unknown };
    process.stdout.write(`${JSON.stringify(await wb.dispatch(APP_SENDER, method, arg))}\n`);
  }
  wb.close();
}

await (mode === 'write' ? writeForever() : serve());
