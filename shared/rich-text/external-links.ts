/** Mail client parameters a mailto: link may carry; others (attach=, …) have been used to leak files. */
const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc']);

/** Links handed to the operating system stay short: a long argument to a handler is never needed. */
const MAX_EXTERNAL_URL = 2_048;

/**
 * Links the user may follow out of the app, opened by the system (browser, mail client): https with a
 * host and no credentials, and mailto with an address. Everything else (javascript:, file:, http:,
 * data:, smb:, custom schemes that start programs) is refused. Rich text keeps only these links, so a
 * link in the minutes, in Word and on screen is always one the shell would open.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(parsed.pathname);
    } catch {
      return false;
    }
    const params = [...parsed.searchParams.keys()];
    return /^[^\s@/\\]+@[^\s@/\\]+$/.test(address) && params.every((p) => MAILTO_PARAMS.has(p.toLowerCase()));
  }
  return (
    parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  );
}
