/**
 * Paced jobs (src/index/paced.ts): a job run in slices gives what it gives when run at once, and lets the
 * event loop in between; the index's snapshot export is such a job (a write after a change in the
 * background must not hold questions for seconds at 100,000 articles).
 */
import { describe, expect, it } from "vitest";
import { Pacer, runPaced, runSync, type Steps } from "../../src/index/paced.ts";
import { Core } from "../../src/core.ts";

function* sum(xs: number[], pacer: Pacer): Steps<number> {
  let s = 0;
  for (const x of xs) {
    s += x;
    if (pacer.tick()) yield;
  }
  return s;
}

describe("paced jobs", () => {
  it("give the same result at once and in slices", async () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    expect(runSync(sum(xs, new Pacer()))).toBe(49_995_000);
    let pauses = 0;
    expect(await runPaced(sum(xs, new Pacer(0, 100)), async () => void pauses++)).toBe(49_995_000);
    expect(pauses).toBe(100);
  });

  it("let other work run between slices", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("other"));
    const job = runPaced(sum([1, 2, 3], new Pacer(0, 1))).then(() => order.push("job"));
    await job;
    expect(order).toEqual(["other", "job"]);
  });

  it("yield only when a slice of time has passed", () => {
    const p = new Pacer(60_000, 1);
    expect([p.tick(), p.tick(), p.tick()]).toEqual([false, false, false]);
  });

  it("export the index for a snapshot in slices exactly as at once", async () => {
    const core = await Core.load({ dataDir: "data" });
    const paced = await core.index.savePaced();
    expect(paced).toEqual(core.index.save());
    expect(paced.search.docs.length).toBeGreaterThan(0);
    expect(paced.lists?.eventsOfPerson.keys.length).toBeGreaterThan(0);
  });
});
