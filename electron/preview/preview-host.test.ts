import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/unit/workbook-helpers';
import { startPreviewHost, type PreviewHost } from './preview-host';

/** What a person sees when a request is too large, or an export cannot be written. */

let dir: string;
let host: PreviewHost | null = null;
const cleanups: Array<() => void> = [];
beforeEach(() => (dir = tempDir('brm-preview-')));
afterEach(async () => {
  await host?.close();
  host = null;
  while (cleanups.length) cleanups.pop()!();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(
  preview: PreviewHost,
  method: string,
  body: Buffer,
): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/${method}`, preview.origin);
    const req = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${preview.token}`,
        origin: preview.origin,
        'content-type': 'application/json',
        'content-length': body.length,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('brm-mount-probe-');
  try {
    execFileSync('mount', ['--bind', probe, probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

describe('the preview host', () => {
  it('answers a 33 MB request with 413 and a message, not a connection reset', async () => {
    host = await startPreviewHost({ dataDir: dir });
    const body = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const answer = await post(host, 'getStatus', body);
    expect(answer.status).toBe(413);
    expect(answer.json.error?.message).toContain('That request is too large');
    // The host still answers.
    expect((await post(host, 'getStatus', Buffer.from('{}'))).status).toBe(200);
  });

  it.skipIf(!canMount)('says why an export cannot be written into a read-only folder', async () => {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
    cleanups.push(() => execFileSync('umount', [dir]));
    host = await startPreviewHost({ dataDir: dir });
    const answer = await post(host, 'exportWorkbook', Buffer.from('{}'));
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error).toEqual({
      code: 'storage',
      message:
        'The file could not be written: the data folder is on a read-only drive. Nothing in the workbook was changed.',
    });
  });
});
