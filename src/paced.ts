/**
 * Long synchronous jobs (exporting an index of millions of postings for a snapshot) written as generators
 * that yield now and then: `runSync` runs one to its end at once; `runPaced` lets other work (questions
 * waiting meanwhile) go first at each yield. A `Pacer` tells a loop when to yield: after about
 * `sliceMs` of work, checked every `checkEvery` units so that a tight loop does not read the clock per item.
 * @example
 * function* sum(xs: number[], p = new Pacer()): Steps<number> { let s = 0; for (const x of xs) { s += x; if (p.tick()) yield; } return s; }
 * runSync(sum([1, 2])) // 3
 * await runPaced(sum(bigList)) // the same, in slices of ~10 ms
 */

/** A job that yields (nothing) between slices and returns T. */
export type Steps<T> = Generator<void, T, void>;

export class Pacer {
  private units = 0;
  private since = performance.now();
  /**
   * @param sliceMs work between yields, default 10 ms
   * @param checkEvery units of work between looks at the clock, default 1,024
   */
  constructor(
    private readonly sliceMs = 10,
    private readonly checkEvery = 1024,
  ) {}

  /** Count `n` units of work; true when it is time to yield. */
  tick(n = 1): boolean {
    this.units += n;
    if (this.units < this.checkEvery) return false;
    this.units = 0;
    const now = performance.now();
    if (now - this.since < this.sliceMs) return false;
    this.since = now;
    return true;
  }
}

/** Run a job to its end without pausing. */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Let whatever is waiting in the event loop run first. */
export const pause = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A pause that rejects (with the signal's reason) once `signal` is aborted: a paced job then stops at its next yield. */
export function pauseOrStop(signal?: AbortSignal): () => Promise<void> {
  return async () => {
    signal?.throwIfAborted();
    await pause();
    signal?.throwIfAborted();
  };
}

/** Run a job, pausing at each of its yields. */
export async function runPaced<T>(steps: Steps<T>, wait: () => Promise<void> = pause): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await wait();
  }
}
