/**
 * Retrying at start-up, shared by the adapters: `backoffMs(attempt, { initialMs, maxMs })` is the pause
 * before the next attempt (doubling from initialMs, capped at maxMs); `Pauses` hands out waits that
 * `cancel()` (stop) ends at once, so a retry loop never outlives its adapter or holds the process.
 */

export interface Backoff {
  /** First pause; default 1 s. */
  initialMs?: number;
  /** Longest pause; default 60 s. */
  maxMs?: number;
}

export function backoffMs(attempt: number, b: Backoff = {}): number {
  return Math.min(b.maxMs ?? 60_000, (b.initialMs ?? 1000) * 2 ** Math.min(attempt - 1, 20));
}

export class Pauses {
  private pending = new Set<() => void>();

  /** Resolves after `ms`, or as soon as cancel() is called. The timer never keeps the process alive. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.pending.add(done);
    });
  }

  /** Ends every wait in progress. */
  cancel(): void {
    for (const done of [...this.pending]) done();
  }
}
