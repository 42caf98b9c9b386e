/**
 * The origin of a URL as `scheme://host[:port]`. WHATWG URL reports "null" as the origin of custom
 * schemes such as the app's own `app://`, so it cannot be compared directly.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
