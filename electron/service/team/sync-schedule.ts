/**
 * When the background sync runs: soon after a local edit or a colleague's NOTIFY (one timer, so a burst
 * of edits goes together), and on a slow poll for a notification that was missed while the connection
 * was down.
 */
export class SyncSchedule {
  private soonTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: () => void,
    private readonly pollMs: number,
  ) {}

  /** Runs once after `delay` ms, unless a run is already due. */
  soon(delay: number): void {
    if (this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      this.run();
    }, delay);
    this.soonTimer.unref();
  }

  start(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.soon(0), this.pollMs);
    this.pollTimer.unref();
    this.soon(0);
  }

  stop(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    this.pollTimer = null;
    this.soonTimer = null;
  }
}
