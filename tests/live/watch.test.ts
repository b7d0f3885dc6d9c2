/**
 * The live corpus over a temporary data folder: the real fs.watch sees a dropped article, the debounce
 * runs on fake timers (flushed by hand, no sleeping), the article answers questions and enters the
 * registry at the clock's time and so the next digest; `/ingest` saves under a safe generated name.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { DigestScheduler } from "../../src/digest/scheduler.ts";
import { ingestArticle, ingestLines, ingestPath, isAdmin, slugOf, INGEST_FOLDER } from "../../src/live/ingest.ts";
import { LiveCorpus, relevantPath, type SyncResult, type Timers } from "../../src/live/watch.ts";
import { openSqliteStore } from "../../src/state/sqlite.ts";
import { linesToPlain } from "../../src/digest/texts.ts";
import { article, clock, copyFixture, put, RecordingPublisher, tempDir } from "../helpers/state.ts";

const FIXTURE = new URL("../fixtures/telegram/", import.meta.url).pathname;

/** Timers that only run when told to. */
function manualTimers(): Timers & { due: number; ms: number | undefined } {
  let fn: (() => void) | undefined;
  const t = {
    due: 0,
    ms: undefined as number | undefined,
    setTimeout: (f: () => void, ms: number) => {
      fn = f;
      t.ms = ms;
      t.due++;
      return t.due;
    },
    clearTimeout: () => {
      fn = undefined;
    },
  };
  return t;
}

/** Waits for the file system to report a change (real fs.watch events), polling without timers of our own. */
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting for a file event");
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function setup() {
  const dir = copyFixture(FIXTURE);
  const c = clock("2024-05-10T10:00:00Z");
  const core = await Core.load({ dataDir: dir, now: c.now });
  const store = openSqliteStore(join(tempDir(), "state.db"));
  const timers = manualTimers();
  const live = new LiveCorpus({ core, store, now: c.now, timers });
  await live.record();
  return { dir, c, core, store, timers, live };
}

describe("live corpus", () => {
  it("records the files present at the first start as entering then", async () => {
    const { store, core } = await setup();
    const reg = await store.registry();
    expect(reg.map((r) => r.file)).toEqual(core.corpus.articles.map((a) => a.file));
    expect(reg.every((r) => r.firstSeen === Date.parse("2024-05-10T10:00:00Z"))).toBe(true);
  });

  it("picks up an article dropped into the folder: answers, registry and the next digest", async () => {
    const { dir, c, core, store, timers, live } = await setup();
    const pub = new RecordingPublisher("telegram", c);
    const scheduler = new DigestScheduler({ store, corpus: () => core.corpus, now: c.now, publishers: [pub] });
    await store.putSubscription({
      platform: "telegram", chatId: "g1", schedule: { kind: "daily", hour: 9, minute: 0, tz: "UTC" }, lang: "en",
      cursor: c.t, nextRun: Date.parse("2024-05-11T09:00:00Z"), createdAt: c.t, updatedAt: c.t,
    });
    const question = "Who signed the brightwater trade agreement?";
    expect(core.ask(question).sources.map((x) => x.file)).not.toContain("incoming/brightwater.txt");

    live.start();
    try {
      c.advance(60_000);
      put(dir, "incoming/brightwater.txt", article("Brightwater"));
      await until(() => live.scheduled);
      expect(timers.ms).toBe(500);
      await live.flush();
    } finally {
      await live.stop();
    }
    expect(live.syncs).toBe(1);
    const a = core.ask(question);
    expect(a.found).toBe(true);
    expect(a.sources[0]?.file).toBe("incoming/brightwater.txt");
    expect((await store.registry()).find((r) => r.file === "incoming/brightwater.txt")).toMatchObject({ contentAt: c.t, firstSeen: c.t });

    c.set("2024-05-11T09:00:00Z");
    await scheduler.tick();
    expect(pub.textIn("g1")).toContain("brightwater trade agreement");
    expect(pub.textIn("g1")).toContain("incoming/brightwater.txt");
  });

  it("refreshes only the files the watcher named, and the whole folder when it named a folder", async () => {
    const { dir, c, core, store, live } = await setup();
    const question = "Who signed the millbrook trade agreement?";
    /** Runs the syncs the watcher asks for until one made the change; returns that one (a late event may add empty ones). */
    const syncUntil = async (made: (r: SyncResult) => boolean): Promise<SyncResult> => {
      for (let i = 0; i < 20; i++) {
        await until(() => live.scheduled);
        await live.flush();
        if (live.lastSync && made(live.lastSync)) return live.lastSync;
      }
      throw new Error("no sync made the change");
    };
    live.start();
    try {
      // A file dropped next to the others: the refresh is told that file.
      c.advance(60_000);
      put(dir, "millbrook.txt", article("Millbrook", "Coldwater", 20));
      expect((await syncUntil((r) => r.corpus.added.includes("millbrook.txt"))).files).toEqual(["millbrook.txt"]);
      expect(core.ask(question).sources[0]?.file).toBe("millbrook.txt");
      expect((await store.registry()).find((r) => r.file === "millbrook.txt")?.contentAt).toBe(c.t);
      // Removed again: the same file, now gone.
      c.advance(60_000);
      rmSync(join(dir, "millbrook.txt"));
      expect((await syncUntil((r) => r.corpus.removed.includes("millbrook.txt"))).files).toEqual(["millbrook.txt"]);
      expect(core.ask(question).sources.map((x) => x.file)).not.toContain("millbrook.txt");
      // A new folder: every file under it must be found, so the whole folder is scanned.
      c.advance(60_000);
      put(dir, "batch/eastwick.txt", article("Eastwick", "Stonebridge", 8));
      expect((await syncUntil((r) => r.corpus.added.includes("batch/eastwick.txt"))).files).toBeUndefined();
    } finally {
      await live.stop();
    }
  });

  it("debounces a burst of changes into one sync, and re-enters a changed article", async () => {
    const { dir, c, store, timers, live } = await setup();
    live.schedule();
    live.schedule();
    live.schedule();
    expect(timers.due).toBe(3);
    c.advance(1000);
    const file = "riverton-lakeside-water.txt";
    put(dir, file, readFileSync(join(dir, file), "utf8") + "\nThe pipeline will open in 2023, officials added.\n");
    await live.flush();
    expect(live.syncs).toBe(1);
    expect((await store.registry()).find((r) => r.file === file)).toMatchObject({ contentAt: c.t, firstSeen: c.t - 1000 });
    // Removing a file marks it removed.
    rmSync(join(dir, file));
    c.advance(1000);
    await live.sync();
    expect((await store.registry()).find((r) => r.file === file)?.removedAt).toBe(c.t);
  });

  it("ignores hidden, backup and non-article files", () => {
    expect(relevantPath("a/b.txt")).toBe(true);
    expect(relevantPath("page.HTML")).toBe(true);
    expect(relevantPath("newfolder")).toBe(true);
    expect(relevantPath(null)).toBe(true);
    expect(relevantPath(".b.txt.swp")).toBe(false);
    expect(relevantPath("notes.txt~")).toBe(false);
    expect(relevantPath("image.png")).toBe(false);
  });
});

describe("ingest", () => {
  it("saves pasted text under a generated name and indexes it", async () => {
    const { dir, live, core, c } = await setup();
    const o = await ingestArticle(live, { text: article("Brightwater"), now: c.now() });
    expect(o).toMatchObject({ ok: true, title: "Harrowgate and Brightwater sign brightwater trade pact", events: 1 });
    if (!o.ok) return;
    expect(o.file).toMatch(/^ingested\/20240510T100000Z-harrowgate-and-brightwater-sign-[a-z-]*-[0-9a-f]{6}\.txt$/);
    expect(readFileSync(join(dir, o.file), "utf8")).toContain("Mayor Ilse Varga");
    expect(core.ask("Who signed the brightwater trade agreement?").found).toBe(true);
    expect(linesToPlain(ingestLines(o, "en"))).toContain("1 event found");
  });

  it("accepts an attached .html file, never using the sender's name as a path", async () => {
    const { dir, live, c } = await setup();
    const html = `<html><head><title>Eastwick and Coldwater sign trade pact</title></head><body><h1>Eastwick and Coldwater sign trade pact</h1><p>Updated: 2023-06-21 09:00</p><p>${article("Eastwick", "Coldwater", 20).split("\n")[2]}</p></body></html>`;
    const o = await ingestArticle(live, { bytes: Buffer.from(html), filename: "../../etc/passwd.html", now: c.now() });
    expect(o.ok).toBe(true);
    if (o.ok) expect(o.file).toMatch(/^ingested\/[0-9TZ]+-eastwick-and-coldwater-sign-trade-pact-[0-9a-f]{6}\.html$/);
    expect(readdirSync(join(dir, INGEST_FOLDER))).toHaveLength(1);
  });

  it("refuses empty, short, oversized, unknown-type and unreadable input, keeping nothing", async () => {
    const { dir, live, c } = await setup();
    const now = c.now();
    expect(await ingestArticle(live, { text: "  ", now })).toEqual({ ok: false, reason: "empty" });
    expect(await ingestArticle(live, { text: "Too short to be news.", now })).toEqual({ ok: false, reason: "too-short" });
    expect(await ingestArticle(live, { bytes: Buffer.alloc(3_000_000, 65), filename: "big.txt", now })).toEqual({ ok: false, reason: "too-large" });
    expect(await ingestArticle(live, { bytes: Buffer.from("x"), filename: "photo.jpg", now })).toEqual({ ok: false, reason: "type", detail: ".jpg" });
    const bad = await ingestArticle(live, { bytes: Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]), filename: "a.txt", now });
    expect(bad).toMatchObject({ ok: false, reason: "unreadable" });
    expect(existsSync(join(dir, INGEST_FOLDER)) ? readdirSync(join(dir, INGEST_FOLDER)) : []).toEqual([]);
    expect(linesToPlain(ingestLines({ ok: false, reason: "too-short" }, "zh"))).toContain("太短");
  });

  it("builds safe names and checks admins", () => {
    expect(slugOf("<h1>Çà & Ünïcode — News!</h1>\nbody")).toBe("ca-unicode-news");
    expect(slugOf("中文标题")).toBe("article");
    expect(ingestPath("x", ".txt", new Date("2024-01-02T03:04:05.678Z"))).toMatch(/^ingested\/20240102T030405Z-x-[0-9a-f]{6}\.txt$/);
    expect(isAdmin("111, 222", 222)).toBe(true);
    expect(isAdmin("111,222", "333")).toBe(false);
    expect(isAdmin(undefined, 111)).toBe(false);
    expect(isAdmin("111", undefined)).toBe(false);
  });
});
