import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, type FlushRequest } from '../../shared/contract/events';
import { FLUSH_TIMEOUT_MS, FlushCoordinator, type FlushTarget } from './flush-coordinator';

function page(): FlushTarget & { sent: FlushRequest[]; destroyed: boolean } {
  return {
    sent: [],
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send(channel, request) {
      expect(channel).toBe(EVENT_CHANNELS.flushRequest);
      this.sent.push(request);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('flush before quit, close and sleep', () => {
  it('asks the page to commit its drafts and resolves when it acknowledges', async () => {
    const flush = new FlushCoordinator();
    const target = page();
    const outcome = flush.request(target, 'quit');
    expect(target.sent).toEqual([{ id: 1, reason: 'quit' }]);
    flush.acknowledge({ id: 1 });
    await expect(outcome).resolves.toBe('acknowledged');
    expect(flush.pending).toBe(0);
  });

  it('gives up after a bounded wait when the page does not answer', async () => {
    const flush = new FlushCoordinator();
    const outcome = flush.request(page(), 'close');
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(flush.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe('timed-out');
  });

  it('ignores an acknowledgement for another request, or a malformed one', async () => {
    const flush = new FlushCoordinator(100);
    const outcome = flush.request(page(), 'suspend');
    flush.acknowledge({ id: 99 });
    flush.acknowledge({ id: '1' });
    flush.acknowledge(null);
    expect(flush.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(outcome).resolves.toBe('timed-out');
  });

  it('does not wait when there is no page to ask', async () => {
    const flush = new FlushCoordinator();
    const gone = page();
    gone.destroyed = true;
    await expect(flush.request(null, 'quit')).resolves.toBe('no-window');
    await expect(flush.request(gone, 'quit')).resolves.toBe('no-window');
    const failing: FlushTarget = {
      isDestroyed: () => false,
      send: () => {
        throw new Error('Render frame was disposed');
      },
    };
    await expect(flush.request(failing, 'quit')).resolves.toBe('no-window');
    expect(flush.pending).toBe(0);
  });
});
