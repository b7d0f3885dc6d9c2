/**
 * The SQLite state store on a real file in a temporary folder: subscriptions survive reopening and keep
 * their cursor when replaced, the ingest registry records when content entered, and digest claims are
 * exclusive — between two connections and between two processes racing on the same file.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { parseSchedule, type Schedule } from "../../src/digest/schedule.ts";
import { openSqliteStore } from "../../src/state/sqlite.ts";
import type { ClaimRequest, StateStore, Subscription } from "../../src/state/store.ts";
import { tempDir } from "../helpers/state.ts";

const DAY = 86_400_000;
const T0 = Date.parse("2024-05-10T12:00:00Z");

function sched(text: string): Schedule {
  const p = parseSchedule(text);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

function sub(chatId: string, over: Partial<Subscription> = {}): Subscription {
  return { platform: "telegram", chatId, schedule: sched("daily 09:00 Europe/Berlin"), lang: "en", cursor: T0, nextRun: T0 + DAY, createdAt: T0, updatedAt: T0, ...over };
}

function claim(over: Partial<ClaimRequest> = {}): ClaimRequest {
  return {
    platform: "telegram", chatId: "1", reason: "scheduled", key: "telegram:1:scheduled:1", expectNextRun: T0 + DAY, newNextRun: T0 + 2 * DAY,
    since: T0, until: T0 + DAY, payload: "{}", items: 2, owner: "a", leaseUntil: T0 + DAY + 60_000, now: T0 + DAY, ...over,
  };
}

function fresh(): { store: StateStore; path: string } {
  const path = join(tempDir(), "nested", "var", "state.db");
  return { store: openSqliteStore(path), path };
}

describe("sqlite state store", () => {
  it("creates the folder and a WAL-mode file, and keeps subscriptions across reopening", async () => {
    const { store, path } = fresh();
    expect(existsSync(path)).toBe(true);
    await store.putSubscription(sub("1", { topic: "energy", lang: "zh" }));
    await store.putSubscription(sub("-100200", { schedule: sched("weekly mon 07:30 Asia/Almaty"), platform: "slack" }));
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();

    const again = openSqliteStore(path);
    expect(await again.getSubscription("telegram", "1")).toEqual(sub("1", { topic: "energy", lang: "zh" }));
    expect((await again.getSubscription("slack", "-100200"))?.schedule).toEqual({ kind: "weekly", weekday: 1, hour: 7, minute: 30, tz: "Asia/Almaty" });
    expect((await again.listSubscriptions(["slack"])).map((s) => s.chatId)).toEqual(["-100200"]);
    expect(await again.removeSubscription("telegram", "1")).toBe(true);
    expect(await again.removeSubscription("telegram", "1")).toBe(false);
    expect(await again.getSubscription("telegram", "1")).toBeUndefined();
    await again.close();
  });

  it("keeps the cursor and creation time when a subscription is replaced", async () => {
    const { store } = fresh();
    await store.putSubscription(sub("1"));
    const replaced = await store.putSubscription(sub("1", { schedule: sched("weekly fri 18:00"), cursor: T0 + 5 * DAY, createdAt: T0 + 5 * DAY, updatedAt: T0 + 5 * DAY, nextRun: T0 + 6 * DAY }));
    expect(replaced).toMatchObject({ cursor: T0, createdAt: T0, updatedAt: T0 + 5 * DAY, nextRun: T0 + 6 * DAY, schedule: { kind: "weekly", weekday: 5 } });
  });

  it("lists due subscriptions of the given platforms only", async () => {
    const { store } = fresh();
    await store.putSubscription(sub("1", { nextRun: T0 }));
    await store.putSubscription(sub("2", { nextRun: T0 + 10 }));
    await store.putSubscription(sub("3", { nextRun: T0, platform: "slack" }));
    expect((await store.dueSubscriptions(T0, ["telegram"])).map((s) => s.chatId)).toEqual(["1"]);
    expect((await store.dueSubscriptions(T0 + 10, ["telegram", "slack"])).map((s) => s.chatId).sort()).toEqual(["1", "2", "3"]);
    expect(await store.dueSubscriptions(T0 + 10, [])).toEqual([]);
  });

  it("records when each file's content entered the corpus", async () => {
    const { store } = fresh();
    expect(await store.syncRegistry([{ file: "a.txt", hash: "h1" }, { file: "b.txt", hash: "h2" }], T0)).toEqual({ added: ["a.txt", "b.txt"], changed: [], removed: [] });
    expect(await store.syncRegistry([{ file: "a.txt", hash: "h1" }, { file: "b.txt", hash: "h2" }], T0 + 1)).toEqual({ added: [], changed: [], removed: [] });
    expect(await store.syncRegistry([{ file: "a.txt", hash: "h1b" }, { file: "c.txt", hash: "h3" }], T0 + 2)).toEqual({ added: ["c.txt"], changed: ["a.txt"], removed: ["b.txt"] });
    expect(await store.registry()).toEqual([
      { file: "a.txt", hash: "h1b", firstSeen: T0, contentAt: T0 + 2 },
      { file: "b.txt", hash: "h2", firstSeen: T0, contentAt: T0, removedAt: T0 + 2 },
      { file: "c.txt", hash: "h3", firstSeen: T0 + 2, contentAt: T0 + 2 },
    ]);
    expect((await store.enteredBetween(T0, T0 + 2)).map((e) => e.file)).toEqual(["a.txt", "c.txt"]);
    expect((await store.enteredBetween(T0 - 1, T0)).map((e) => e.file)).toEqual(["b.txt"]);
    // The same content coming back is not new.
    await store.syncRegistry([{ file: "a.txt", hash: "h1b" }, { file: "b.txt", hash: "h2" }, { file: "c.txt", hash: "h3" }], T0 + 3);
    expect((await store.registry()).find((e) => e.file === "b.txt")).toEqual({ file: "b.txt", hash: "h2", firstSeen: T0, contentAt: T0 });
  });

  it("claims a scheduled digest once: the next run moves, a second claim or a pending digest refuses", async () => {
    const { store } = fresh();
    await store.putSubscription(sub("1"));
    const first = await store.claimDigest(claim());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.digest).toMatchObject({ status: "pending", since: T0, until: T0 + DAY, partsSent: 0, attempts: 1, owner: "a" });
    expect((await store.getSubscription("telegram", "1"))?.nextRun).toBe(T0 + 2 * DAY);
    // The same run again (another process that read the old next_run): refused.
    expect(await store.claimDigest(claim({ owner: "b", key: "telegram:1:scheduled:other" }))).toEqual({ ok: false, reason: "moved" });
    // A digest on demand while one is pending: busy.
    expect(await store.claimDigest(claim({ reason: "now", key: "telegram:1:now:x", owner: "b" }))).toEqual({ ok: false, reason: "busy" });
    expect(await store.claimDigest(claim({ chatId: "nobody" }))).toEqual({ ok: false, reason: "no-subscription" });

    // Progress is recorded only by the owner; finishing advances the cursor.
    expect(await store.recordParts(first.digest.id, "b", 1, T0 + DAY + 90_000)).toBe(false);
    expect(await store.recordParts(first.digest.id, "a", 1, T0 + DAY + 90_000)).toBe(true);
    expect(await store.finishDigest(first.digest.id, "b", T0 + DAY)).toBe(false);
    expect(await store.finishDigest(first.digest.id, "a", T0 + DAY)).toBe(true);
    expect(await store.finishDigest(first.digest.id, "a", T0 + DAY)).toBe(false);
    expect((await store.getSubscription("telegram", "1"))?.cursor).toBe(T0 + DAY);
    expect((await store.digests("telegram", "1"))[0]).toMatchObject({ status: "sent", partsSent: 1, sentAt: T0 + DAY });
  });

  it("logs an empty digest and advances the cursor without a pending row", async () => {
    const { store } = fresh();
    await store.putSubscription(sub("1"));
    const r = await store.claimDigest(claim({ items: 0 }));
    expect(r.ok && r.digest.status).toBe("empty");
    expect((await store.getSubscription("telegram", "1"))?.cursor).toBe(T0 + DAY);
    expect(await store.expiredDigests(T0 + 10 * DAY, ["telegram"])).toEqual([]);
  });

  it("hands an expired pending digest to one taker, counting attempts", async () => {
    const { store } = fresh();
    await store.putSubscription(sub("1"));
    const r = await store.claimDigest(claim());
    if (!r.ok) throw new Error("claim failed");
    const lease = T0 + DAY + 60_000;
    expect(await store.expiredDigests(lease - 1, ["telegram"])).toEqual([]);
    expect((await store.expiredDigests(lease, ["telegram"])).map((d) => d.id)).toEqual([r.digest.id]);
    expect(await store.takeOver(r.digest.id, "b", lease + 60_000, lease - 1)).toBeUndefined();
    const taken = await store.takeOver(r.digest.id, "b", lease + 60_000, lease);
    expect(taken).toMatchObject({ owner: "b", attempts: 2 });
    expect(await store.takeOver(r.digest.id, "c", lease + 60_000, lease)).toBeUndefined();
    // The old owner lost it.
    expect(await store.recordParts(r.digest.id, "a", 1, lease + 1)).toBe(false);
    await store.failDigest(r.digest.id, "b", "boom", undefined);
    expect((await store.digests("telegram", "1"))[0]).toMatchObject({ status: "failed", error: "boom" });
    expect((await store.getSubscription("telegram", "1"))?.cursor).toBe(T0);
  });

  it("lets only one of two connections on the same file claim a run", async () => {
    const { store: a, path } = fresh();
    const b = openSqliteStore(path);
    await a.putSubscription(sub("1"));
    const [ra, rb] = await Promise.all([a.claimDigest(claim({ owner: "a" })), b.claimDigest(claim({ owner: "b", key: "telegram:1:scheduled:b" }))]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it("lets only one of two processes racing on the same file claim a run", async () => {
    const { store, path } = fresh();
    const due = T0 + DAY;
    await store.putSubscription(sub("race", { platform: "test", nextRun: due, cursor: 0 }));
    await store.close();
    const script = new URL("./claim-race.ts", import.meta.url).pathname;
    const startAt = Date.now() + 1500;
    const runOne = () =>
      new Promise<{ claimed: boolean; reason?: string }>((resolve, reject) => {
        const p = spawn(process.execPath, ["--import", "tsx", script, path, String(startAt), String(due)], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        p.stdout.on("data", (c) => (out += c));
        p.stderr.on("data", (c) => (err += c));
        p.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child failed (${code}): ${err}`))));
      });
    const results = await Promise.all([runOne(), runOne()]);
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(results.find((r) => !r.claimed)?.reason).toMatch(/moved|busy|duplicate/);
    const check = openSqliteStore(path);
    expect(await check.digests("test", "race")).toHaveLength(1);
    await check.close();
  });
});
