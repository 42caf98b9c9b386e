import { createWorkbookApi } from '../../shared/contract/api-proxy';
import { METHOD_NAMES, WorkbookError, type Envelope, type WorkbookApi } from '../../shared/contract';
import type { WorkbookStatus } from '../../shared/domain/system';

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

const storageListeners = new Set<() => void>();

/** Told when saving may have started or stopped failing, so the read-only banner follows the store at once. */
export function onStorageStateChange(listener: () => void): () => void {
  storageListeners.add(listener);
  return () => storageListeners.delete(listener);
}

function watchStorage(inner: WorkbookApi): WorkbookApi {
  let failing = false;
  const tell = () => storageListeners.forEach((listener) => listener());
  const watched: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    const call = inner[name] as (arg: unknown) => Promise<unknown>;
    watched[name] = async (arg) => {
      try {
        const value = await call(arg);
        if (name === 'getStatus' || name === 'dismissNotice') failing = (value as WorkbookStatus).readOnly;
        else if (failing) tell();
        return value;
      } catch (error) {
        if (error instanceof WorkbookError && error.code === 'storage') {
          failing = true;
          tell();
        }
        throw error;
      }
    };
  }
  return Object.freeze(watched) as unknown as WorkbookApi;
}

export const isPreviewHost = !window.workbook;
export const api: WorkbookApi = watchStorage(window.workbook ?? previewApi());
