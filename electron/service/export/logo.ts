import { LOGO_MAX_BYTES } from '../../../shared/domain/system';

/** The organisation's logo for document headers: a PNG or JPEG kept in the settings as a data URL. */
export interface DocumentLogo {
  type: 'png' | 'jpg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** The logo in a data URL, or null when it is not a PNG or JPEG whose size can be read. */
export function parseLogo(dataUrl: string): DocumentLogo | null {
  const match = DATA_URL.exec(dataUrl);
  if (!match?.[2]) return null;
  const bytes = new Uint8Array(Buffer.from(match[2], 'base64'));
  if (bytes.length > LOGO_MAX_BYTES) return null;
  const size = match[1] === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width < 1 || size.height < 1) return null;
  return { type: match[1] === 'png' ? 'png' : 'jpg', bytes, ...size };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The IHDR chunk always comes first: width and height are its first two 32-bit fields.
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    const length = view.getUint16(at + 2);
    // Start-of-frame markers (C0–CF, except DHT C4, JPG C8 and DAC CC) carry the image size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}
