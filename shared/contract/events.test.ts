import { describe, expect, it } from 'vitest';
import { EVENT_API_NAMES, EVENT_CHANNELS, createWorkbookEvents, type FlushRequest } from './events';

/** A fake transport: the test plays the main process. */
function bridge() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const sent: Array<[string, unknown]> = [];
  const events = createWorkbookEvents({
    listen: (channel, handler) => handlers.set(channel, handler),
    send: (channel, payload) => sent.push([channel, payload]),
  });
  const request = (payload: unknown) => handlers.get(EVENT_CHANNELS.flushRequest)?.(payload);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { events, sent, request, settle };
}

const quit: FlushRequest = { id: 7, reason: 'quit' };

describe('window.workbookEvents', () => {
  it('exposes only the named event API', () => {
    expect(Object.keys(bridge().events)).toEqual([...EVENT_API_NAMES]);
    expect(Object.isFrozen(bridge().events)).toBe(true);
  });

  it('acknowledges at once when no feature holds drafts', async () => {
    const { sent, request, settle } = bridge();
    request(quit);
    await settle();
    expect(sent).toEqual([[EVENT_CHANNELS.flushAck, { id: 7 }]]);
  });

  it('acknowledges once, only after every listener has committed', async () => {
    const { events, sent, request, settle } = bridge();
    let finishMinutes = () => {};
    const seen: FlushRequest[] = [];
    events.onFlushRequest((r) => {
      seen.push(r);
      return new Promise<void>((resolve) => (finishMinutes = resolve));
    });
    events.onFlushRequest(() => Promise.reject(new Error('disk full')));
    events.onFlushRequest(() => {
      throw new Error('a synchronous failure');
    });
    request(quit);
    await settle();
    expect(seen).toEqual([quit]);
    expect(sent).toEqual([]);
    finishMinutes();
    await settle();
    expect(sent).toEqual([[EVENT_CHANNELS.flushAck, { id: 7 }]]);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const { events, request, settle } = bridge();
    let calls = 0;
    const listener = () => void calls++;
    const first = events.onFlushRequest(listener);
    const second = events.onFlushRequest(listener);
    first();
    request(quit);
    await settle();
    expect(calls).toBe(1);
    second();
    request({ id: 8, reason: 'close' });
    await settle();
    expect(calls).toBe(1);
  });

  it('ignores a malformed request', async () => {
    const { events, sent, request, settle } = bridge();
    let calls = 0;
    events.onFlushRequest(() => void calls++);
    request({ id: '7', reason: 'quit' });
    request({ id: 7, reason: 'reboot' });
    request(null);
    await settle();
    expect(calls).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('menu commands', () => {
  function commandBridge() {
    const handlers = new Map<string, (payload: unknown) => void>();
    const events = createWorkbookEvents({
      listen: (channel, handler) => handlers.set(channel, handler),
      send: () => {},
    });
    return { events, command: (payload: unknown) => handlers.get(EVENT_CHANNELS.menuCommand)?.(payload) };
  }

  it('reach every subscriber until it unsubscribes', () => {
    const { events, command } = commandBridge();
    const seen: string[] = [];
    const stop = events.onMenuCommand((c) => seen.push(`a:${c}`));
    events.onMenuCommand((c) => seen.push(`b:${c}`));
    command({ command: 'export-minutes' });
    stop();
    command({ command: 'export-agenda' });
    expect(seen).toEqual(['a:export-minutes', 'b:export-minutes', 'b:export-agenda']);
  });

  it('ignores a payload that is not one of the commands', () => {
    const { events, command } = commandBridge();
    const seen: string[] = [];
    events.onMenuCommand((c) => seen.push(c));
    for (const payload of [
      null,
      'export-minutes',
      { command: 'rm -rf' },
      { command: 'export-minutes', x: 1 },
    ])
      command(payload);
    expect(seen).toEqual([]);
  });
});
