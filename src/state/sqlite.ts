/**
 * StateStore in a SQLite file (better-sqlite3). `openSqliteStore(path)` creates the folder and the
 * file when missing, switches to WAL (readers never block the writer; several processes may share the
 * file) and migrates the schema; it returns a StateStore. `{ readonly: true }` opens an existing file
 * without writing (for previews). Claims run in BEGIN IMMEDIATE transactions, so the check and the
 * update are one step even when two processes race for the same digest.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { parseSchedule, scheduleSpec } from "../digest/schedule.ts";
import type { Lang } from "../types.ts";
import type {
  ClaimRequest, ClaimResult, DigestRecord, DigestStatus, IngestEntry, RegistryChange, StateStore, Subscription,
} from "./store.ts";

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscriptions (
  platform   TEXT NOT NULL,
  chat_id    TEXT NOT NULL,
  schedule   TEXT NOT NULL,            -- "daily 09:00" / "weekly mon 09:00"
  tz         TEXT NOT NULL,            -- IANA zone
  topic      TEXT,
  lang       TEXT NOT NULL DEFAULT 'en',
  cursor     INTEGER NOT NULL,         -- content time of the last digest (epoch ms)
  next_run   INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  created_by TEXT,
  PRIMARY KEY (platform, chat_id)
);
CREATE INDEX IF NOT EXISTS subscriptions_due ON subscriptions (next_run);
CREATE TABLE IF NOT EXISTS ingest (
  file       TEXT PRIMARY KEY,
  hash       TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  content_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE INDEX IF NOT EXISTS ingest_content_at ON ingest (content_at);
CREATE TABLE IF NOT EXISTS digests (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT NOT NULL UNIQUE,
  platform    TEXT NOT NULL,
  chat_id     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  status      TEXT NOT NULL,           -- pending, sent, empty, failed
  since       INTEGER NOT NULL,
  until       INTEGER NOT NULL,
  payload     TEXT NOT NULL,
  items       INTEGER NOT NULL,
  parts_sent  INTEGER NOT NULL DEFAULT 0,
  attempts    INTEGER NOT NULL DEFAULT 1,
  owner       TEXT,
  lease_until INTEGER,
  created_at  INTEGER NOT NULL,
  sent_at     INTEGER,
  error       TEXT
);
CREATE INDEX IF NOT EXISTS digests_chat ON digests (platform, chat_id, id);
CREATE INDEX IF NOT EXISTS digests_pending ON digests (status, lease_until) WHERE status = 'pending';
`;

interface SubRow {
  platform: string;
  chat_id: string;
  schedule: string;
  tz: string;
  topic: string | null;
  lang: string;
  cursor: number;
  next_run: number;
  created_at: number;
  updated_at: number;
  created_by: string | null;
}

interface DigestRow {
  id: number;
  key: string;
  platform: string;
  chat_id: string;
  reason: string;
  status: string;
  since: number;
  until: number;
  payload: string;
  items: number;
  parts_sent: number;
  attempts: number;
  owner: string | null;
  lease_until: number | null;
  created_at: number;
  sent_at: number | null;
  error: string | null;
}

interface IngestRow {
  file: string;
  hash: string;
  first_seen: number;
  content_at: number;
  removed_at: number | null;
}

function toSubscription(r: SubRow): Subscription {
  const parsed = parseSchedule(`${r.schedule} ${r.tz}`);
  if (!parsed.ok) throw new Error(`bad schedule in the state file for ${r.platform}:${r.chat_id}: ${parsed.error}`);
  return {
    platform: r.platform,
    chatId: r.chat_id,
    schedule: parsed.schedule,
    ...(r.topic ? { topic: r.topic } : {}),
    lang: (r.lang === "zh" ? "zh" : "en") as Lang,
    cursor: r.cursor,
    nextRun: r.next_run,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
  };
}

function toDigest(r: DigestRow): DigestRecord {
  return {
    id: r.id,
    key: r.key,
    platform: r.platform,
    chatId: r.chat_id,
    reason: r.reason === "now" ? "now" : "scheduled",
    status: r.status as DigestStatus,
    since: r.since,
    until: r.until,
    payload: r.payload,
    items: r.items,
    partsSent: r.parts_sent,
    attempts: r.attempts,
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.lease_until !== null ? { leaseUntil: r.lease_until } : {}),
    createdAt: r.created_at,
    ...(r.sent_at !== null ? { sentAt: r.sent_at } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

function toEntry(r: IngestRow): IngestEntry {
  return { file: r.file, hash: r.hash, firstSeen: r.first_seen, contentAt: r.content_at, ...(r.removed_at !== null ? { removedAt: r.removed_at } : {}) };
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(",");
}

export interface SqliteOptions {
  /** Open an existing file without writing; fails when it does not exist. */
  readonly?: boolean;
  /** How long a writer waits for another process's lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

export function openSqliteStore(path: string, opts: SqliteOptions = {}): StateStore {
  if (!opts.readonly && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? 5000 });
  if (!opts.readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`${path} was written by a newer version (schema ${version} > ${SCHEMA_VERSION})`);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  return new SqliteStore(db);
}

class SqliteStore implements StateStore {
  constructor(private readonly db: Database.Database) {}

  private sub(platform: string, chatId: string): SubRow | undefined {
    return this.db.prepare("SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ?").get(platform, chatId) as SubRow | undefined;
  }

  private digest(id: number): DigestRow | undefined {
    return this.db.prepare("SELECT * FROM digests WHERE id = ?").get(id) as DigestRow | undefined;
  }

  async getSubscription(platform: string, chatId: string): Promise<Subscription | undefined> {
    const r = this.sub(platform, chatId);
    return r ? toSubscription(r) : undefined;
  }

  async putSubscription(s: Subscription): Promise<Subscription> {
    const put = this.db.transaction((): SubRow => {
      const old = this.sub(s.platform, s.chatId);
      this.db
        .prepare(
          `INSERT INTO subscriptions (platform, chat_id, schedule, tz, topic, lang, cursor, next_run, created_at, updated_at, created_by)
           VALUES (@platform, @chatId, @schedule, @tz, @topic, @lang, @cursor, @nextRun, @createdAt, @updatedAt, @createdBy)
           ON CONFLICT (platform, chat_id) DO UPDATE SET schedule = excluded.schedule, tz = excluded.tz, topic = excluded.topic,
             lang = excluded.lang, next_run = excluded.next_run, updated_at = excluded.updated_at, created_by = excluded.created_by`,
        )
        .run({
          platform: s.platform, chatId: s.chatId, schedule: scheduleSpec(s.schedule), tz: s.schedule.tz, topic: s.topic ?? null,
          lang: s.lang, cursor: s.cursor, nextRun: s.nextRun, createdAt: old?.created_at ?? s.createdAt, updatedAt: s.updatedAt, createdBy: s.createdBy ?? null,
        });
      return this.sub(s.platform, s.chatId)!;
    });
    return toSubscription(put.immediate());
  }

  async removeSubscription(platform: string, chatId: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?").run(platform, chatId).changes > 0;
  }

  async listSubscriptions(platforms?: string[]): Promise<Subscription[]> {
    const rows = platforms
      ? this.db.prepare(`SELECT * FROM subscriptions WHERE platform IN (${placeholders(platforms.length)}) ORDER BY platform, chat_id`).all(...platforms)
      : this.db.prepare("SELECT * FROM subscriptions ORDER BY platform, chat_id").all();
    return (rows as SubRow[]).map(toSubscription);
  }

  async dueSubscriptions(now: number, platforms: string[]): Promise<Subscription[]> {
    if (!platforms.length) return [];
    const rows = this.db
      .prepare(`SELECT * FROM subscriptions WHERE next_run <= ? AND platform IN (${placeholders(platforms.length)}) ORDER BY next_run`)
      .all(now, ...platforms) as SubRow[];
    return rows.map(toSubscription);
  }

  async syncRegistry(files: { file: string; hash: string }[], at: number): Promise<RegistryChange> {
    const sync = this.db.transaction((): RegistryChange => {
      const known = new Map((this.db.prepare("SELECT * FROM ingest").all() as IngestRow[]).map((r) => [r.file, r]));
      const change: RegistryChange = { added: [], changed: [], removed: [] };
      const insert = this.db.prepare("INSERT INTO ingest (file, hash, first_seen, content_at) VALUES (?, ?, ?, ?)");
      const rehash = this.db.prepare("UPDATE ingest SET hash = ?, content_at = ?, removed_at = NULL WHERE file = ?");
      const restore = this.db.prepare("UPDATE ingest SET removed_at = NULL WHERE file = ?");
      const remove = this.db.prepare("UPDATE ingest SET removed_at = ? WHERE file = ?");
      const present = new Set<string>();
      for (const f of files) {
        present.add(f.file);
        const r = known.get(f.file);
        if (!r) {
          insert.run(f.file, f.hash, at, at);
          change.added.push(f.file);
        } else if (r.hash !== f.hash) {
          rehash.run(f.hash, at, f.file);
          change.changed.push(f.file);
        } else if (r.removed_at !== null) restore.run(f.file);
      }
      for (const r of known.values()) {
        if (!present.has(r.file) && r.removed_at === null) {
          remove.run(at, r.file);
          change.removed.push(r.file);
        }
      }
      return change;
    });
    return sync.immediate();
  }

  async enteredBetween(since: number, until: number): Promise<IngestEntry[]> {
    return (this.db.prepare("SELECT * FROM ingest WHERE content_at > ? AND content_at <= ? ORDER BY content_at, file").all(since, until) as IngestRow[]).map(toEntry);
  }

  async registry(): Promise<IngestEntry[]> {
    return (this.db.prepare("SELECT * FROM ingest ORDER BY file").all() as IngestRow[]).map(toEntry);
  }

  async claimDigest(req: ClaimRequest): Promise<ClaimResult> {
    const claim = this.db.transaction((): ClaimResult => {
      const s = this.sub(req.platform, req.chatId);
      if (!s) return { ok: false, reason: "no-subscription" };
      if (s.cursor !== req.since) return { ok: false, reason: "moved" };
      if (req.reason === "scheduled" && s.next_run !== req.expectNextRun) return { ok: false, reason: "moved" };
      const pending = this.db.prepare("SELECT 1 FROM digests WHERE platform = ? AND chat_id = ? AND status = 'pending' LIMIT 1").get(req.platform, req.chatId);
      if (pending) return { ok: false, reason: "busy" };
      if (this.db.prepare("SELECT 1 FROM digests WHERE key = ?").get(req.key)) return { ok: false, reason: "duplicate" };
      if (req.reason === "scheduled" && req.newNextRun !== undefined) {
        this.db.prepare("UPDATE subscriptions SET next_run = ? WHERE platform = ? AND chat_id = ?").run(req.newNextRun, req.platform, req.chatId);
      }
      const empty = req.items === 0;
      const info = this.db
        .prepare(
          `INSERT INTO digests (key, platform, chat_id, reason, status, since, until, payload, items, owner, lease_until, created_at, sent_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(req.key, req.platform, req.chatId, req.reason, empty ? "empty" : "pending", req.since, req.until, req.payload, req.items,
          empty ? null : req.owner, empty ? null : req.leaseUntil, req.now, empty ? req.now : null);
      if (empty) this.advanceCursor(req.platform, req.chatId, req.until);
      return { ok: true, digest: toDigest(this.digest(Number(info.lastInsertRowid))!) };
    });
    return claim.immediate();
  }

  private advanceCursor(platform: string, chatId: string, until: number): void {
    this.db.prepare("UPDATE subscriptions SET cursor = MAX(cursor, ?) WHERE platform = ? AND chat_id = ?").run(until, platform, chatId);
  }

  async expiredDigests(now: number, platforms: string[]): Promise<DigestRecord[]> {
    if (!platforms.length) return [];
    const rows = this.db
      .prepare(`SELECT * FROM digests WHERE status = 'pending' AND lease_until <= ? AND platform IN (${placeholders(platforms.length)}) ORDER BY id`)
      .all(now, ...platforms) as DigestRow[];
    return rows.map(toDigest);
  }

  async takeOver(id: number, owner: string, leaseUntil: number, now: number): Promise<DigestRecord | undefined> {
    const take = this.db.transaction((): DigestRecord | undefined => {
      const changed = this.db
        .prepare("UPDATE digests SET owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending' AND lease_until <= ?")
        .run(owner, leaseUntil, id, now).changes;
      return changed ? toDigest(this.digest(id)!) : undefined;
    });
    return take.immediate();
  }

  async recordParts(id: number, owner: string, partsSent: number, leaseUntil: number): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE digests SET parts_sent = ?, lease_until = ? WHERE id = ? AND owner = ? AND status = 'pending'")
        .run(partsSent, leaseUntil, id, owner).changes > 0
    );
  }

  async finishDigest(id: number, owner: string, now: number): Promise<boolean> {
    const finish = this.db.transaction((): boolean => {
      const r = this.digest(id);
      if (!r || r.status !== "pending" || r.owner !== owner) return false;
      this.db.prepare("UPDATE digests SET status = 'sent', sent_at = ?, lease_until = NULL, error = NULL WHERE id = ?").run(now, id);
      this.advanceCursor(r.platform, r.chat_id, r.until);
      return true;
    });
    return finish.immediate();
  }

  async failDigest(id: number, owner: string, error: string, retryAt: number | undefined): Promise<void> {
    if (retryAt === undefined) {
      this.db.prepare("UPDATE digests SET status = 'failed', error = ?, lease_until = NULL WHERE id = ? AND owner = ? AND status = 'pending'").run(error, id, owner);
    } else {
      this.db.prepare("UPDATE digests SET error = ?, lease_until = ? WHERE id = ? AND owner = ? AND status = 'pending'").run(error, retryAt, id, owner);
    }
  }

  async digests(platform: string, chatId: string, limit = 20): Promise<DigestRecord[]> {
    const rows = this.db.prepare("SELECT * FROM digests WHERE platform = ? AND chat_id = ? ORDER BY id DESC LIMIT ?").all(platform, chatId, limit) as DigestRow[];
    return rows.map(toDigest);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
