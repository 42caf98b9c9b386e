import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppFileHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { APP_ORIGIN } from './security-rules';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-app-protocol-'));
const renderer = path.join(root, 'renderer');
fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>BRM Workbook</title>');
fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'secret.txt'), 'not for the page');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Stands in for Electron's net.fetch of a file: URL.
const handler = createAppFileHandler(renderer, (url) =>
  Promise.resolve(new Response(fs.readFileSync(fileURLToPath(url)))),
);
const get = (url: string, init?: RequestInit) => handler(new Request(url, init));

describe('18: the app:// protocol', () => {
  it('serves the app’s files with the CSP header', async () => {
    const response = await get(`${APP_ORIGIN}/index.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('BRM Workbook');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(`${APP_ORIGIN}/assets/app.js`)).status).toBe(200);
  });

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
    `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/assets`,
    `${APP_ORIGIN}/missing.js`,
    'app://elsewhere/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the page');
  });

  it('answers GET only', async () => {
    expect((await get(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
