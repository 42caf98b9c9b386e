import {
  EVENT_CHANNELS,
  flushAckSchema,
  type FlushReason,
  type FlushRequest,
} from '../../shared/contract/events';

/**
 * How long the main process waits for the renderer to commit its drafts before it quits, closes or
 * lets the machine sleep anyway. A commit is one local save (milliseconds); a hung or crashed page
 * must not keep the app from quitting, and the draft journal still holds what was typed.
 */
export const FLUSH_TIMEOUT_MS = 2_000;

export type FlushOutcome = 'acknowledged' | 'timed-out' | 'no-window';

/** The part of a WebContents the coordinator needs (a fake in tests). */
export interface FlushTarget {
  isDestroyed(): boolean;
  send(channel: string, request: FlushRequest): void;
}

/**
 * Asks the renderer to commit its pending drafts and waits, bounded, for its acknowledgement. Pure
 * (no 'electron' import): the shell passes the window's WebContents and forwards acks from IPC.
 */
export class FlushCoordinator {
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: FlushOutcome) => void>();

  constructor(
    private readonly timeoutMs: number = FLUSH_TIMEOUT_MS,
    private readonly timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
  ) {}

  request(target: FlushTarget | null, reason: FlushReason): Promise<FlushOutcome> {
    if (!target || target.isDestroyed()) return Promise.resolve('no-window');
    const id = this.nextId++;
    return new Promise<FlushOutcome>((resolve) => {
      const timer = this.timers.setTimeout(() => settle('timed-out'), this.timeoutMs);
      const settle = (outcome: FlushOutcome) => {
        this.timers.clearTimeout(timer);
        this.waiting.delete(id);
        resolve(outcome);
      };
      this.waiting.set(id, settle);
      try {
        target.send(EVENT_CHANNELS.flushRequest, { id, reason });
      } catch {
        // The page went away between the check and the send: nothing is left to flush.
        settle('no-window');
      }
    });
  }

  /** Called with the payload of a flush-ack message from a trusted sender; unknown ids are ignored. */
  acknowledge(payload: unknown): void {
    const parsed = flushAckSchema.safeParse(payload);
    if (!parsed.success) return;
    this.waiting.get(parsed.data.id)?.('acknowledged');
  }

  /** Flush requests still waiting for their answer. */
  get pending(): number {
    return this.waiting.size;
  }
}
