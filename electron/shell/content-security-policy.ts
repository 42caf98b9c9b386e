/**
 * The app's Content-Security-Policy (checklist item 7): only its own scripts and styles, no inline or
 * eval script, no plugins, no frames, no remote content. Fluent UI injects its styles at run time, so
 * style-src needs 'unsafe-inline'; script-src never does. Both hosts send it as a header (the
 * Electron protocol handler and the preview host); index.html repeats it as a meta tag so the page is
 * protected even when opened some other way.
 */
const DIRECTIVES: ReadonlyArray<readonly [name: string, value: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a browser ignores when they come from a meta tag rather than a header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const serialise = (directives: typeof DIRECTIVES) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const CONTENT_SECURITY_POLICY = serialise(DIRECTIVES);

/** What renderer/index.html carries in its meta tag (a unit test keeps the two in step). */
export const META_CONTENT_SECURITY_POLICY = serialise(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
