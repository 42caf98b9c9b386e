import { contextBridge, ipcRenderer } from 'electron';
import { createWorkbookApi } from '../../shared/contract/api-proxy';
import { createWorkbookEvents, type WorkbookEventsApi } from '../../shared/contract/events';
import type { Envelope, WorkbookApi } from '../../shared/contract';
import { CALL_CHANNEL } from './ipc-channels';

// Only the named contract methods and the named events reach the page (checklist item 20);
// ipcRenderer itself never does, nor the IPC event object (its `sender` is ipcRenderer).
const workbook = createWorkbookApi(
  (method, arg) => ipcRenderer.invoke(CALL_CHANNEL, method, arg) as Promise<Envelope>,
) satisfies WorkbookApi;

const workbookEvents = createWorkbookEvents({
  listen: (channel, handler) => ipcRenderer.on(channel, (_event, payload: unknown) => handler(payload)),
  send: (channel, payload) => ipcRenderer.send(channel, payload),
}) satisfies WorkbookEventsApi;

contextBridge.exposeInMainWorld('workbook', workbook);
contextBridge.exposeInMainWorld('workbookEvents', workbookEvents);
