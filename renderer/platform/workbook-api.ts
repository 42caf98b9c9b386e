import { createWorkbookApi } from '../../shared/contract/api-proxy';
import type { Envelope, WorkbookApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the preview host, where we build the same API. */
    readonly workbook?: WorkbookApi;
  }
}

const TOKEN_KEY = 'brm-workbook-preview-token';

/** The preview host prints a URL with a token; keep it for reloads, then drop it from the address bar. */
function previewToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function previewApi(): WorkbookApi {
  const token = previewToken();
  return createWorkbookApi(async (method, arg): Promise<Envelope> => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(arg),
      });
      return (await response.json()) as Envelope;
    } catch {
      return {
        ok: false,
        error: { code: 'storage', message: 'The preview host is not reachable. Is it still running?' },
      };
    }
  });
}

export const isPreviewHost = !window.workbook;
export const api: WorkbookApi = window.workbook ?? previewApi();
