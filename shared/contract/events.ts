/**
 * Events the main process pushes to the renderer: the other direction of the contract. Calls go
 * renderer → main through `window.workbook`; events come back through `window.workbookEvents`, a
 * small named API built here so the preload exposes nothing else (never `ipcRenderer`, never the
 * IPC event object, whose `sender` would hand the page the whole of ipcRenderer).
 */
import { z } from 'zod';

/** IPC channel names of the events, shared by the preload and the main process. */
export const EVENT_CHANNELS = {
  /** main → renderer: commit every pending draft now. */
  flushRequest: 'workbook:flush-request',
  /** renderer → main: the drafts of flush request `id` are committed (or failed; the journal keeps them). */
  flushAck: 'workbook:flush-ack',
  /** main → renderer: a command chosen from the native menu, for the page that can carry it out. */
  menuCommand: 'workbook:menu-command',
} as const;

/**
 * Native-menu commands the page carries out, with their shortcut. In the browser preview, with no
 * native menu, the same keys reach the page and stand in for it.
 */
export const MENU_COMMANDS = {
  'export-minutes': { label: 'Export Minutes to Word', accelerator: 'CmdOrCtrl+E', key: 'e', shift: false },
  'export-agenda': {
    label: 'Export Agenda Pre-read to Word',
    accelerator: 'CmdOrCtrl+Shift+E',
    key: 'e',
    shift: true,
  },
  'send-minutes': { label: 'Send Minutes…', accelerator: 'CmdOrCtrl+Shift+M', key: 'm', shift: true },
  'meeting-invitation': {
    label: 'Calendar Invitation',
    accelerator: 'CmdOrCtrl+Shift+L',
    key: 'l',
    shift: true,
  },
} as const;
export type MenuCommand = keyof typeof MENU_COMMANDS;
export const menuCommandSchema = z.strictObject({
  command: z.enum(Object.keys(MENU_COMMANDS) as [MenuCommand, ...MenuCommand[]]),
});
export type MenuCommandEvent = z.infer<typeof menuCommandSchema>;
export type MenuCommandListener = (command: MenuCommand) => void;

/** Why the main process asks: the app quits, the window closes, or the machine goes to sleep. */
export const FLUSH_REASONS = ['quit', 'close', 'suspend'] as const;
export type FlushReason = (typeof FLUSH_REASONS)[number];

export const flushRequestSchema = z.strictObject({
  id: z.number().int().positive(),
  reason: z.enum(FLUSH_REASONS),
});
export type FlushRequest = z.infer<typeof flushRequestSchema>;

export const flushAckSchema = z.strictObject({ id: z.number().int().positive() });
export type FlushAck = z.infer<typeof flushAckSchema>;

/** The events map: event name → payload (style: one contract for calls, one for events). */
export interface WorkbookEventMap {
  flushRequest: FlushRequest;
}

/**
 * Commits what the feature holds in memory (debounced minutes, an open form's draft). The returned
 * promise should settle once the save call has been answered; a rejection counts as done, since the
 * draft journal still holds the text.
 */
export type FlushListener = (request: FlushRequest) => void | Promise<void>;

/** `window.workbookEvents`: subscribe to an event; the returned function unsubscribes. */
export interface WorkbookEventsApi {
  readonly onFlushRequest: (listener: FlushListener) => () => void;
  readonly onMenuCommand: (listener: MenuCommandListener) => () => void;
}

export const EVENT_API_NAMES = Object.freeze([
  'onFlushRequest',
  'onMenuCommand',
]) as readonly (keyof WorkbookEventsApi)[];

/** How the events bridge reaches the main process (ipcRenderer in the preload, a fake in tests). */
export interface EventTransport {
  /** Registers the one handler for a main → renderer channel; gets only the payload. */
  listen(channel: string, handler: (payload: unknown) => void): void;
  send(channel: string, payload: unknown): void;
}

/**
 * Builds `window.workbookEvents`. Every feature may subscribe; on a flush request the bridge runs all
 * listeners and acknowledges once, after every one of them has settled — so no feature can answer
 * for another, and a feature that has nothing pending costs nothing. The main process bounds the wait.
 */
export function createWorkbookEvents(transport: EventTransport): WorkbookEventsApi {
  // One entry per subscription, so subscribing the same function twice needs two unsubscribes.
  const listeners = new Set<{ listener: FlushListener }>();
  transport.listen(EVENT_CHANNELS.flushRequest, (payload) => {
    const parsed = flushRequestSchema.safeParse(payload);
    if (!parsed.success) return;
    const request = parsed.data;
    const running = [...listeners].map(({ listener }) => {
      try {
        return Promise.resolve(listener(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    void Promise.allSettled(running).then(() =>
      transport.send(EVENT_CHANNELS.flushAck, { id: request.id } satisfies FlushAck),
    );
  });
  const commandListeners = new Set<{ listener: MenuCommandListener }>();
  transport.listen(EVENT_CHANNELS.menuCommand, (payload) => {
    const parsed = menuCommandSchema.safeParse(payload);
    if (!parsed.success) return;
    for (const { listener } of [...commandListeners]) listener(parsed.data.command);
  });
  return Object.freeze({
    onFlushRequest: (listener: FlushListener) => subscribe(listeners, listener, 'onFlushRequest'),
    onMenuCommand: (listener: MenuCommandListener) => subscribe(commandListeners, listener, 'onMenuCommand'),
  });
}

function subscribe<L>(set: Set<{ listener: L }>, listener: L, name: string): () => void {
  if (typeof listener !== 'function') throw new TypeError(`${name} needs a function.`);
  const entry = { listener };
  set.add(entry);
  return () => void set.delete(entry);
}
