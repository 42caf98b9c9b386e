import { contextBridge, ipcRenderer } from 'electron';
import { createWorkbookApi } from '../../shared/contract/api-proxy';
import type { Envelope, WorkbookApi } from '../../shared/contract';
import { CALL_CHANNEL } from './ipc-channels';

// Only the named contract methods reach the page; ipcRenderer itself never does.
const workbook = createWorkbookApi(
  (method, arg) => ipcRenderer.invoke(CALL_CHANNEL, method, arg) as Promise<Envelope>,
) satisfies WorkbookApi;

contextBridge.exposeInMainWorld('workbook', workbook);
