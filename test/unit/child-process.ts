import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Envelope } from '../../shared/contract';
import { callsOver, type BoundCalls, type Transport } from './workbook-helpers';

const bundled = new Map<string, Promise<string>>();

/**
 * test/unit/store-child.ts bundled into one file in a world-readable temporary folder, so that it
 * starts fast (no TypeScript loader) and another user (see runAs) can run it without node_modules.
 */
export const storeChildScript = (): Promise<string> => childScript('test/unit/store-child.ts');

/** A test's child-process entry point, bundled once per test run. */
export function childScript(entry: string): Promise<string> {
  const made =
    bundled.get(entry) ??
    (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-store-child-'));
      fs.chmodSync(dir, 0o755);
      const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
      await build({
        entryPoints: [path.resolve(entry)],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        logLevel: 'error',
        // pg's optional native binding, never installed: pg falls back to its JavaScript client.
        external: ['pg-native'],
        // The chart renderer's native module travels beside the bundle (the reports import it).
        loader: { '.node': 'copy' },
        banner: {
          js: [
            "import { createRequire as __createRequire } from 'node:module';",
            "import { fileURLToPath as __fileURLToPath } from 'node:url';",
            'const require = __createRequire(import.meta.url);',
            'const __filename = __fileURLToPath(import.meta.url);',
            "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
          ].join(' '),
        },
      });
      fs.chmodSync(outfile, 0o644);
      return outfile;
    })();
  bundled.set(entry, made);
  return made;
}

export interface StartOptions {
  /** Run as this user (the tests run as root, which ignores file permissions). */
  runAs?: string;
  /** Options for node itself, before the script (e.g. `--import` a module that patches `fs` first). */
  nodeArgs?: readonly string[];
}

export async function startStoreChild(
  args: readonly string[],
  options: StartOptions = {},
): Promise<ChildProcess> {
  const script = await storeChildScript();
  const node = [process.execPath, ...(options.nodeArgs ?? []), script, ...args];
  const [command, argv] = options.runAs
    ? ['runuser', ['-u', options.runAs, '--', ...node]]
    : [node[0]!, node.slice(1)];
  return spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Calls lines(line) for each complete stdout line. */
export function onLines(child: ChildProcess, lines: (line: string) => void): void {
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      lines(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
}

/** A store child in `serve` mode, and the harness's calls carried to it over stdin and stdout. */
export interface ServingChild extends BoundCalls {
  child: ChildProcess;
}

/**
 * Starts `store-child.ts serve <dir>` and waits until it has opened the workbook. Each call is one JSON
 * line out and one envelope line back, in order; the child's stderr is in the error if it exits early.
 */
export async function serveChild(dir: string, options: StartOptions = {}): Promise<ServingChild> {
  const child = await startStoreChild(['serve', dir], options);
  const pending: Array<(line: string) => void> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    pending.push(() => resolve());
    child.on('exit', () => reject(new Error(`the child exited: ${stderr}`)));
  });
  onLines(child, (line) => pending.shift()?.(line));
  await ready;
  const send: Transport = (method, arg) =>
    new Promise((resolve) => {
      pending.push((line) => resolve(JSON.parse(line) as Envelope));
      child.stdin!.write(`${JSON.stringify({ method, arg })}\n`);
    });
  return { child, ...callsOver(send) };
}
