import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { resolveAppPath } from './security-rules';

/** Reads one file of the app (Electron's net.fetch of a file: URL; a plain reader in tests). */
export type FetchFile = (fileUrl: string) => Promise<Response>;

/**
 * The handler behind the app:// protocol (checklist items 1, 7, 18): serves files from the renderer
 * folder only — never a path that escapes it, never anything but GET — and sends the CSP header with
 * each of them.
 */
export function createAppFileHandler(rendererDir: string, fetchFile: FetchFile) {
  const root = path.resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    const file = resolveAppPath(root, request.url, path.join);
    if (!file || !isInside(root, file) || !isFile(file)) return new Response('Not found', { status: 404 });
    const response = await fetchFile(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}

/** A second guard behind resolveAppPath: the resolved file must lie inside the folder. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
