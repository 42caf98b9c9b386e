import { METHOD_NAMES, WorkbookError, type Envelope, type WorkbookApi } from './index';

/** Sends one call across the boundary (IPC in Electron, HTTP in the preview host). */
export type Invoke = (method: string, arg: unknown) => Promise<Envelope>;

/**
 * Builds `window.workbook` from the contract's method names. Used by the preload and by the preview
 * bridge, so the renderer sees the same API under both hosts.
 */
export function createWorkbookApi(invoke: Invoke): WorkbookApi {
  const api: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (arg: unknown) => {
      const envelope = await invoke(name, arg ?? {});
      if (envelope.ok) return envelope.value;
      throw new WorkbookError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
    };
  }
  return Object.freeze(api) as unknown as WorkbookApi;
}
