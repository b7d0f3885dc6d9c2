/**
 * Paced jobs (src/paced.ts): a job run in slices gives what it gives when run at once, and lets the
 * event loop in between; the index's snapshot export is such a job (a write after a change in the
 * background must not hold questions for seconds at 100,000 articles).
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Pacer, pauseOrStop, runPaced, runSync, type Steps } from "../src/paced.ts";
import { readSnapshot, writeSnapshot } from "../src/index/snapshot.ts";
import { Core } from "../src/core.ts";

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

describe("giving up a paced job", () => {
  it("stops at the next pause once aborted", async () => {
    const ctrl = new AbortController();
    let pauses = 0;
    const stop = pauseOrStop(ctrl.signal);
    const job = runPaced(sum(Array.from({ length: 1000 }, () => 1), new Pacer(0, 10)), async () => {
      if (++pauses === 3) ctrl.abort(new Error("a newer change"));
      await stop();
    });
    await expect(job).rejects.toThrow("a newer change");
    expect(pauses).toBe(3);
  });

  it("leaves the previous snapshot in place when a write is given up, and a refresh during a write gets its change written", async () => {
    const root = mkdtempSync(join(tmpdir(), "kz-giveup-"));
    try {
      const data = join(root, "data");
      const snap = join(root, "snap", "data.snap");
      cpSync("data", data, { recursive: true });
      const core = await Core.load({ dataDir: data, snapshot: snap });
      await core.whenSaved();
      const before = readFileSync(snap);
      const ctrl = new AbortController();
      ctrl.abort(new Error("a newer change"));
      await expect(writeSnapshot(snap, core.corpus, core.index.save(), { dataDir: data, signal: ctrl.signal })).rejects.toThrow("a newer change");
      expect(readFileSync(snap).equals(before)).toBe(true);
      expect(readdirSync(join(root, "snap"))).toEqual(["data.snap"]);
      // A new file while the write after the load may still run: the refresh does not wait for it to end.
      const again = await Core.load({ dataDir: data, snapshot: snap });
      writeFileSync(join(data, "zz-new.txt"), "Talks in Astana\nChinese and Kazakh officials held talks in Astana on Monday, 2019-05-06.\n");
      expect((await again.refresh({ files: ["zz-new.txt"] })).added).toEqual(["zz-new.txt"]);
      await again.whenSaved();
      const read = await readSnapshot(snap, data);
      expect(read.ok && read.corpus.articles.map((a) => a.file)).toContain("zz-new.txt");
      expect(readdirSync(join(root, "snap"))).toEqual(["data.snap"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
