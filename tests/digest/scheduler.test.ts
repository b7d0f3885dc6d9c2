/**
 * The digest scheduler with an injected clock and explicit ticks (no waiting): runs fire at the right
 * local time across a DST change, a run missed during downtime is sent once, a crash between posting
 * and advancing the cursor neither loses nor repeats the digest, two schedulers on one state file never
 * both post, and failures are retried once. The corpus is real (invented articles in a temp folder).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { parseSchedule, nextRun } from "../../src/digest/schedule.ts";
import { DigestScheduler, type SchedulerOptions } from "../../src/digest/scheduler.ts";
import { LiveCorpus } from "../../src/live/watch.ts";
import { openSqliteStore } from "../../src/state/sqlite.ts";
import type { StateStore, Subscription } from "../../src/state/store.ts";
import { article, clock, put, RecordingPublisher, tempDir, type Clock } from "../helpers/state.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface World {
  dir: string;
  dbPath: string;
  clock: Clock;
  core: Core;
  store: StateStore;
  live: LiveCorpus;
  pub: RecordingPublisher;
  scheduler: DigestScheduler;
  /** A minute later, drop an article into the data folder and sync (as the watcher would). */
  add: (file: string, text: string) => Promise<void>;
  subscribe: (chatId: string, text: string) => Promise<Subscription>;
  /** Another process: its own store connection, scheduler and publisher on the same file and corpus. */
  second: (o?: Partial<SchedulerOptions>) => { store: StateStore; scheduler: DigestScheduler; pub: RecordingPublisher };
}

async function world(start: string, o: Partial<SchedulerOptions> = {}): Promise<World> {
  const root = tempDir();
  const dir = join(root, "data");
  put(dir, "old.txt", article("Oldtown", "Westmarch", 2));
  const c = clock(start);
  const core = await Core.load({ dataDir: dir, now: c.now });
  const dbPath = join(root, "state.db");
  const store = openSqliteStore(dbPath);
  const live = new LiveCorpus({ core, store, now: c.now });
  await live.record();
  const pub = new RecordingPublisher("telegram", c);
  const make = (s: StateStore, p: RecordingPublisher, extra: Partial<SchedulerOptions> = {}) =>
    new DigestScheduler({ store: s, corpus: () => core.corpus, now: c.now, publishers: [p], refresh: () => live.sync(), leaseMs: 5 * MIN, retryMs: MIN, ...o, ...extra });
  const scheduler = make(store, pub, { owner: "first" });
  return {
    dir, dbPath, clock: c, core, store, live, pub, scheduler,
    add: async (file, text) => {
      c.advance(MIN);
      put(dir, file, text);
      await live.sync();
    },
    subscribe: async (chatId, text) => {
      const p = parseSchedule(text);
      if (!p.ok) throw new Error(p.error);
      return store.putSubscription({
        platform: "telegram", chatId, schedule: p.schedule, ...(p.topic ? { topic: p.topic } : {}), lang: "en",
        cursor: c.t, nextRun: nextRun(p.schedule, c.t), createdAt: c.t, updatedAt: c.t,
      });
    },
    second: (extra = {}) => {
      const s = openSqliteStore(dbPath);
      const p = new RecordingPublisher("telegram", c);
      return { store: s, scheduler: make(s, p, { owner: "second", ...extra }), pub: p };
    },
  };
}

/** Tick every `step` from now until `until`; returns the instants at which a digest was claimed (from the log). */
async function tickUntil(w: World, until: string, step = 15 * MIN): Promise<void> {
  const end = Date.parse(until);
  while (w.clock.t < end) {
    w.clock.advance(step);
    await w.scheduler.tick();
  }
}

/** Lets pending I/O callbacks run until `cond` holds (no timers involved). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  if (!cond()) throw new Error("condition never held");
}

async function runTimes(store: StateStore, chatId: string): Promise<string[]> {
  return (await store.digests("telegram", chatId, 100)).map((d) => new Date(d.createdAt).toISOString()).sort();
}

describe("digest scheduler", () => {
  it("fires at 09:00 local time in each chat's zone, through the Berlin and New York clock changes", async () => {
    const w = await world("2024-03-08T00:00:00Z");
    await w.subscribe("berlin", "daily 09:00 Europe/Berlin");
    await w.subscribe("newyork", "daily 09:00 America/New_York");
    await w.subscribe("tokyo", "weekly mon 09:00 Asia/Tokyo");
    // Ticks every 15 minutes over the US change (10 March) …
    await tickUntil(w, "2024-03-12T00:00:00Z");
    expect(await runTimes(w.store, "newyork")).toEqual(["2024-03-08T14:00:00.000Z", "2024-03-09T14:00:00.000Z", "2024-03-10T13:00:00.000Z", "2024-03-11T13:00:00.000Z"]);
    expect(await runTimes(w.store, "tokyo")).toEqual(["2024-03-11T00:00:00.000Z"]);
    // … and over the European one (31 March), after a jump (the runs missed in between are caught up once).
    w.clock.set("2024-03-29T00:00:00Z");
    await w.scheduler.tick();
    await tickUntil(w, "2024-04-02T00:00:00Z");
    const berlin = await runTimes(w.store, "berlin");
    expect(berlin.slice(-4)).toEqual(["2024-03-29T08:00:00.000Z", "2024-03-30T08:00:00.000Z", "2024-03-31T07:00:00.000Z", "2024-04-01T07:00:00.000Z"]);
    expect(berlin.slice(0, 5)).toEqual(["2024-03-08T08:00:00.000Z", "2024-03-09T08:00:00.000Z", "2024-03-10T08:00:00.000Z", "2024-03-11T08:00:00.000Z", "2024-03-29T00:00:00.000Z"]);
    // Nothing entered the corpus: every run was logged as empty and nothing was posted.
    expect((await w.store.digests("telegram", "berlin", 100)).every((d) => d.status === "empty")).toBe(true);
    expect(w.pub.posted).toEqual([]);
  });

  it("posts the articles that entered since the last digest, ordered by event date, with their sources", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    w.clock.set("2024-05-10T15:00:00Z");
    await w.add("new/later.txt", article("Brightwater", "Harrowgate", 25));
    await w.add("new/earlier.txt", article("Millbrook", "Coldwater", 5));
    w.clock.set("2024-05-11T09:00:00Z");
    const report = await w.scheduler.tick();
    expect(report).toMatchObject({ empty: 0, errors: [] });
    expect(report.delivered.map((d) => d.status)).toEqual(["sent"]);
    const text = w.pub.textIn("c1");
    expect(text).toContain("2 events from 2 new articles");
    expect(text.indexOf("June 5, 2023")).toBeLessThan(text.indexOf("June 25, 2023"));
    expect(text).toContain("Source: Coldwater and Millbrook sign millbrook trade pact (2023-06-06 · new/earlier.txt)");
    expect(text).toContain("Where: Coldwater");
    expect(text).toContain("Who: Mayor Ilse Varga, Mayor Oren Dahl");
    // The article present before the subscription is not in it.
    expect(text).not.toContain("Oldtown");
    // The next day there is nothing new: logged, not posted.
    const posts = w.pub.posted.length;
    w.clock.set("2024-05-12T09:00:00Z");
    expect((await w.scheduler.tick()).empty).toBe(1);
    expect(w.pub.posted).toHaveLength(posts);
  });

  it("keeps only events about the subscription's topic", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("topic", "daily 09:00 UTC brightwater");
    await w.add("a.txt", article("Brightwater"));
    await w.add("b.txt", article("Millbrook"));
    w.clock.set("2024-05-11T09:00:00Z");
    await w.scheduler.tick();
    const text = w.pub.textIn("topic");
    expect(text).toContain("brightwater trade agreement");
    expect(text).not.toContain("millbrook");
    expect(text).toContain("topic: brightwater");
  });

  it("sends a digest missed while the bot was down once after start, then keeps the schedule", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    // Down from 10:00 on the 10th until 14:00 on the 13th: three runs missed.
    await w.store.close();
    w.clock.set("2024-05-13T14:00:00Z");
    const restarted = w.second();
    const first = await restarted.scheduler.tick();
    expect(first.delivered.map((d) => d.status)).toEqual(["sent"]);
    expect(restarted.pub.posted.filter((p) => p.text.includes("brightwater trade agreement"))).toHaveLength(1);
    expect((await restarted.store.getSubscription("telegram", "c1"))?.nextRun).toBe(Date.parse("2024-05-14T09:00:00Z"));
    // Another tick, and another restart, at the same time: nothing more.
    const again = await restarted.scheduler.tick();
    expect(again.delivered).toEqual([]);
    const third = w.second();
    expect((await third.scheduler.tick()).delivered).toEqual([]);
    expect(restarted.pub.posted.length + third.pub.posted.length).toBe(restarted.pub.posted.length);
    expect(await restarted.store.digests("telegram", "c1")).toHaveLength(1);
  });

  it("does not repeat a digest after a crash between posting it and advancing the cursor", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    w.clock.set("2024-05-11T09:00:00Z");
    // The process dies right after the platform accepted every message: finishDigest never runs.
    const crashing = w.second({ owner: "crashing" });
    crashing.store.finishDigest = async () => {
      throw new Error("simulated crash");
    };
    expect((await crashing.scheduler.tick()).errors).toEqual(["simulated crash"]);
    const parts = crashing.pub.posted.length;
    expect(parts).toBeGreaterThan(1);
    expect((await w.store.getSubscription("telegram", "c1"))?.cursor).toBe(Date.parse("2024-05-10T10:00:00Z"));

    // Restart: nothing happens while the dead process's lease holds …
    const restarted = w.second({ owner: "restarted" });
    w.clock.advance(MIN);
    expect((await restarted.scheduler.tick()).delivered).toEqual([]);
    // … then the digest is finished without posting anything again, and the cursor moves.
    w.clock.advance(5 * MIN);
    const r = await restarted.scheduler.tick();
    expect(r.delivered.map((d) => d.status)).toEqual(["sent"]);
    expect(restarted.pub.posted).toEqual([]);
    expect((await w.store.getSubscription("telegram", "c1"))?.cursor).toBe(Date.parse("2024-05-11T09:00:00Z"));
    // The next digest does not repeat the article.
    w.clock.set("2024-05-12T09:00:00Z");
    expect((await restarted.scheduler.tick()).empty).toBe(1);
    expect(restarted.pub.posted).toEqual([]);
  });

  it("resumes after the last message the platform accepted when the poster died midway, so nothing is lost", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    await w.add("b.txt", article("Millbrook", "Coldwater", 20));
    w.clock.set("2024-05-11T09:00:00Z");
    const dying = w.second({ owner: "dying" });
    // The second message never gets through: the process hangs there and is killed.
    let sends = 0;
    const send = dying.pub.send.bind(dying.pub);
    dying.pub.send = (chat, m) => (++sends === 2 ? new Promise<void>(() => undefined) : send(chat, m));
    void dying.scheduler.tick();
    await until(() => sends === 2);
    expect(dying.pub.posted).toHaveLength(1);

    const restarted = w.second({ owner: "restarted" });
    w.clock.advance(6 * MIN);
    expect((await restarted.scheduler.tick()).delivered.map((d) => d.status)).toEqual(["sent"]);
    const all = [...dying.pub.posted, ...restarted.pub.posted].map((p) => p.text);
    const expected = w.pub.render(JSON.parse((await w.store.digests("telegram", "c1"))[0]!.payload)).map((m) => m.text);
    expect(all).toEqual(expected);
  });

  it("never lets two schedulers on the same state file post the same digest", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    for (const id of ["c1", "c2", "c3", "c4"]) await w.subscribe(id, "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    const other = w.second();
    w.clock.set("2024-05-11T09:00:00Z");
    await Promise.all([w.scheduler.tick(), other.scheduler.tick(), w.scheduler.tick(), other.scheduler.tick()]);
    for (const id of ["c1", "c2", "c3", "c4"]) {
      const heads = [...w.pub.posted, ...other.pub.posted].filter((p) => p.chatId === id && p.text.startsWith("News digest"));
      expect(heads, id).toHaveLength(1);
    }
  });

  it("retries a failed post once, then gives up and keeps the events for the next digest", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    w.clock.set("2024-05-11T09:00:00Z");
    w.pub.failNext(2);
    expect((await w.scheduler.tick()).delivered.map((d) => d.status)).toEqual(["retrying"]);
    w.clock.advance(30_000);
    expect((await w.scheduler.tick()).delivered).toEqual([]);
    w.clock.advance(MIN);
    expect((await w.scheduler.tick()).delivered.map((d) => d.status)).toEqual(["failed"]);
    expect(w.pub.posted).toEqual([]);
    expect((await w.store.digests("telegram", "c1"))[0]).toMatchObject({ status: "failed", attempts: 2, error: "server error" });
    // The cursor did not move: the next run brings the article.
    w.clock.set("2024-05-12T09:00:00Z");
    expect((await w.scheduler.tick()).delivered.map((d) => d.status)).toEqual(["sent"]);
    expect(w.pub.textIn("c1")).toContain("brightwater trade agreement");
  });

  it("gives up at once on a permanent error (bot removed from the chat)", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    await w.add("a.txt", article("Brightwater"));
    w.clock.set("2024-05-11T09:00:00Z");
    w.pub.failNext(1, true);
    expect((await w.scheduler.tick()).delivered.map((d) => d.status)).toEqual(["failed"]);
  });

  it("posts on demand (/digest now) and moves the cursor, so the scheduled run does not repeat it", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.subscribe("c1", "daily 09:00");
    expect(await w.scheduler.runNow("telegram", "nobody")).toEqual({ status: "none" });
    expect(await w.scheduler.runNow("telegram", "c1")).toMatchObject({ status: "empty", since: Date.parse("2024-05-10T10:00:00Z") });
    await w.add("a.txt", article("Brightwater"));
    w.clock.advance(HOUR);
    expect(await w.scheduler.runNow("telegram", "c1")).toMatchObject({ status: "sent" });
    expect(w.pub.textIn("c1")).toContain("brightwater trade agreement");
    const posts = w.pub.posted.length;
    w.clock.set("2024-05-11T09:00:00Z");
    expect((await w.scheduler.tick()).empty).toBe(1);
    expect(w.pub.posted).toHaveLength(posts);
  });

  it("leaves subscriptions of platforms it cannot post to alone", async () => {
    const w = await world("2024-05-10T10:00:00Z");
    await w.store.putSubscription({ ...(await w.subscribe("c1", "daily 09:00")), platform: "slack" });
    w.clock.set("2024-05-11T09:00:00Z");
    await w.scheduler.tick();
    expect(await w.store.digests("slack", "c1")).toEqual([]);
    expect(DAY).toBe(86_400_000);
  });
});
