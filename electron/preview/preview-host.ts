/**
 * The preview host: the built renderer and the real service layer behind one HTTP server on
 * 127.0.0.1, for machines where Electron's binary cannot be installed (and for the end-to-end tests).
 * Every API call must carry the random token printed with the URL.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SavedDocument, DocumentToSave, HostAdapter } from '../service/host';
import { safeFileName, writeFileAtomic } from '../service/atomic-file';
import { openWorkbook, type Workbook } from '../service/workbook';
import { CONTENT_SECURITY_POLICY } from '../shell/content-security-policy';

export interface PreviewOptions {
  dataDir: string;
  exportsDir?: string;
  staticDir?: string;
  port?: number;
  token?: string;
  now?: () => Date;
  /** `--team <postgres URL>`: share the workbook with that team database, as Settings → Team does. */
  team?: string;
}

export interface PreviewHost {
  url: string;
  origin: string;
  token: string;
  exportsDir: string;
  workbook: Workbook;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_STATIC_DIR = path.resolve(here, '../renderer');
export const DEFAULT_DATA_DIR = path.join(os.homedir(), 'BRM Workbook Preview');

export async function startPreviewHost(options: PreviewOptions): Promise<PreviewHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const staticDir = path.resolve(options.staticDir ?? DEFAULT_STATIC_DIR);
  const exportsDir = path.resolve(options.exportsDir ?? path.join(options.dataDir, 'exports'));
  let origin = '';

  const host: HostAdapter = {
    async saveDocument(doc: DocumentToSave): Promise<SavedDocument> {
      fs.mkdirSync(exportsDir, { recursive: true });
      const name = safeFileName(doc.suggestedName);
      const target = path.join(exportsDir, name);
      writeFileAtomic(target, doc.bytes);
      return { savedTo: target, downloadUrl: `/downloads/${encodeURIComponent(name)}?token=${token}` };
    },
  };

  const server = http.createServer();
  // Node closes idle keep-alive sockets after 5 s; a POST the browser sends on one just then fails with no
  // retry ("host not reachable"). Keep them open longer than the browser's own idle limit.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The preview host could not bind a port.');
  origin = `http://127.0.0.1:${address.port}`;

  const workbook = openWorkbook({
    dataDir: options.dataDir,
    host,
    trustedOrigins: [origin],
    now: options.now,
  });
  if (options.team && workbook.team) {
    // The password stays in this process's memory (memorySecrets): the preview never writes it to disk.
    await workbook.team
      .connect(options.team)
      .catch((error: unknown) =>
        console.error(`Team workbook: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('preview host:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not this host's page.
    if (req.headers.host !== new URL(origin).host) {
      return send(res, 421, 'text/plain; charset=utf-8', `Open the preview at ${origin}.`);
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      if (!sameToken(req.headers.authorization, `Bearer ${token}`)) {
        return sendJson(res, 403, {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'This page is not connected to the preview host: open the URL it printed.',
          },
        });
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'invalid-input', message: 'That request is too large.' },
        });
      }
      let arg: unknown;
      try {
        arg = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid-input', message: 'The request was not valid JSON.' },
        });
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const sender = { url: req.headers.origin ?? req.headers.referer ?? null, isMainFrame: true };
      return sendJson(res, 200, await workbook.dispatch(sender, method, arg));
    }
    if (url.pathname.startsWith('/downloads/')) {
      if (!sameToken(url.searchParams.get('token') ?? '', token))
        return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      const name = path.basename(decodeURIComponent(url.pathname.slice('/downloads/'.length)));
      const file = path.join(exportsDir, name);
      if (!fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      fs.createReadStream(file).pipe(res);
      return;
    }
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    exportsDir,
    workbook,
    close: () =>
      new Promise<void>((resolve) => {
        workbook.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function parseArgs(argv: readonly string[]): PreviewOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = value('--port');
  return {
    dataDir: path.resolve(value('--data') ?? DEFAULT_DATA_DIR),
    exportsDir: value('--exports'),
    port: port ? Number(port) : 0,
    team: value('--team'),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const preview = await startPreviewHost(options);
  console.log(
    `BRM Workbook preview\n  data:    ${options.dataDir}\n  exports: ${preview.exportsDir}\n  open:    ${preview.url}`,
  );
  // The page still opens and shows this too; here it is for whoever started the host.
  if (preview.workbook.blocked)
    console.error(`\nThis workbook cannot be opened: ${preview.workbook.blocked}`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
