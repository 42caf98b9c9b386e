import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { EVENT_API_NAMES, EVENT_CHANNELS } from '../../shared/contract/events';
import { CALL_CHANNEL } from './ipc-channels';

// The preload runs against a fake contextBridge and ipcRenderer that record what it does.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listening: new Map<string, (event: unknown, payload: unknown) => void>(),
  sent: [] as unknown[][],
}));
vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      fake.listening.set(channel, listener),
    send: (...args: unknown[]) => fake.sent.push(args),
  };
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  };
});
await import('./preload');

// Checklist item 20: no Electron API reaches the page beyond the named one.
describe('preload', () => {
  it('exposes exactly two names to the page', () => {
    expect([...fake.exposed.keys()]).toEqual(['workbook', 'workbookEvents']);
  });

  it('window.workbook has exactly the contract’s methods, all functions, frozen', () => {
    const workbook = fake.exposed.get('workbook') as Record<string, unknown>;
    expect(Object.keys(workbook).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof workbook[name]).toBe('function');
    expect(Object.isFrozen(workbook)).toBe(true);
  });

  it('window.workbookEvents has exactly the named event API', () => {
    expect(Object.keys(fake.exposed.get('workbookEvents') as object)).toEqual([...EVENT_API_NAMES]);
  });

  it('nothing exposed is ipcRenderer or offers its raw send/invoke/on', () => {
    for (const value of fake.exposed.values()) {
      for (const key of ['invoke', 'send', 'on', 'sendSync', 'postMessage', 'ipcRenderer']) {
        expect(value).not.toHaveProperty(key);
      }
    }
  });

  it('a method call goes over the one call channel with its name and argument', async () => {
    const workbook = fake.exposed.get('workbook') as Record<string, (arg: unknown) => Promise<unknown>>;
    await expect(workbook.getDirectory!({})).resolves.toBe('answer');
    expect(fake.invoked).toEqual([[CALL_CHANNEL, 'getDirectory', {}]]);
  });

  it('a flush request reaches listeners with its payload only, never the IPC event', async () => {
    const events = fake.exposed.get('workbookEvents') as {
      onFlushRequest: (listener: (...args: unknown[]) => void) => () => void;
    };
    const received: unknown[][] = [];
    events.onFlushRequest((...args) => void received.push(args));
    const ipcEvent = { sender: 'ipcRenderer would leak here' };
    fake.listening.get(EVENT_CHANNELS.flushRequest)?.(ipcEvent, { id: 3, reason: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received).toEqual([[{ id: 3, reason: 'close' }]]);
    expect(fake.sent).toEqual([[EVENT_CHANNELS.flushAck, { id: 3 }]]);
  });
});
