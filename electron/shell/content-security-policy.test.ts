import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './content-security-policy';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

// Checklist item 7: a strict Content-Security-Policy.
describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts from the app itself only: no inline, eval or remote script', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('names no remote source anywhere', () => {
    for (const [, values] of csp) {
      for (const value of values) expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    }
  });

  it("permits 'unsafe-inline' for styles only (Fluent UI injects them), never for scripts", () => {
    const withInline = [...csp].filter(([, values]) => values.includes("'unsafe-inline'")).map(([n]) => n);
    expect(withInline).toEqual(['style-src']);
  });

  it('refuses plugins, frames, being framed, form posts and a changed base URL', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('index.html carries the same policy as a meta tag (less what a meta tag cannot say)', () => {
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(META_CONTENT_SECURITY_POLICY)).toEqual(header);
  });

  it('index.html has no inline script for the policy to break', () => {
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      expect(tag).toMatch(/\bsrc="/);
      expect(tag).toMatch(/>\s*<\/script>$/);
    }
  });
});
