/**
 * The StateStore interface: what the bot keeps between restarts — digest subscriptions with their
 * cursors, the ingest registry (when each article entered the corpus) and the digest log/outbox with
 * its claims. Takes and returns plain records (times as epoch ms); every method is async so that a
 * network database (Postgres) can be a new module next to sqlite.ts without touching the callers.
 *
 * Claims are the only concurrency control: a digest is posted by whoever inserted its pending outbox
 * row, and a subscription has at most one pending digest at a time, so two processes on the same
 * store never post the same digest. See DESIGN.md, "State".
 */
import type { Lang } from "../types.ts";
import type { Schedule } from "../digest/schedule.ts";

/** One chat's digest subscription. (platform, chatId) is the key. */
export interface Subscription {
  platform: string;
  chatId: string;
  schedule: Schedule;
  /** Words an event must mention (case-insensitive), or undefined for every event. */
  topic?: string;
  /** Language of the digest texts. */
  lang: Lang;
  /** Content time of the last digest: the next one holds articles that entered the corpus after it. */
  cursor: number;
  /** When the next scheduled digest is due. */
  nextRun: number;
  createdAt: number;
  updatedAt: number;
  /** Platform user id of whoever set it up last. */
  createdBy?: string;
}

/** One corpus file as the registry knows it. */
export interface IngestEntry {
  file: string;
  hash: string;
  /** When the file was first seen (files present at the first start: that start). */
  firstSeen: number;
  /** When its current content entered the corpus (= firstSeen unless it changed since). */
  contentAt: number;
  /** Set while the file is gone from the data folder. */
  removedAt?: number;
}

export interface RegistryChange {
  added: string[];
  changed: string[];
  removed: string[];
}

export type DigestReason = "scheduled" | "now";
export type DigestStatus = "pending" | "sent" | "empty" | "failed";

/** A digest in the log/outbox. Its window (since, until] and payload are fixed when it is claimed. */
export interface DigestRecord {
  id: number;
  /** Unique per run: `${platform}:${chatId}:${reason}:${scheduledFor or claim time}`. */
  key: string;
  platform: string;
  chatId: string;
  reason: DigestReason;
  status: DigestStatus;
  since: number;
  until: number;
  /** The neutral Digest as JSON (rendered again, identically, when a retry resumes it). */
  payload: string;
  /** Number of entries in it (events, plus new articles without events); 0 = empty. */
  items: number;
  /** How many of its rendered messages the platform has accepted. */
  partsSent: number;
  attempts: number;
  owner?: string;
  leaseUntil?: number;
  createdAt: number;
  sentAt?: number;
  error?: string;
}

export interface ClaimRequest {
  platform: string;
  chatId: string;
  reason: DigestReason;
  key: string;
  /** Scheduled claims only: the subscription's next_run as read (the claim fails when it moved) and its new value. */
  expectNextRun?: number;
  newNextRun?: number;
  /** The subscription's cursor as read when composing (the claim fails when it moved): the window is (since, until]. */
  since: number;
  until: number;
  /** The neutral Digest as JSON, and its number of entries (0: logged as "empty", nothing to post). */
  payload: string;
  items: number;
  owner: string;
  leaseUntil: number;
  now: number;
}

export type ClaimResult =
  | { ok: true; digest: DigestRecord }
  | { ok: false; reason: "no-subscription" | "moved" | "busy" | "duplicate" };

export interface StateStore {
  // Subscriptions
  getSubscription(platform: string, chatId: string): Promise<Subscription | undefined>;
  /** Create or replace a chat's subscription. Replacing keeps the cursor (nothing in between is lost); a new one starts at `cursor`. */
  putSubscription(s: Subscription): Promise<Subscription>;
  removeSubscription(platform: string, chatId: string): Promise<boolean>;
  listSubscriptions(platforms?: string[]): Promise<Subscription[]>;
  /** Subscriptions on these platforms whose next run is at or before `now`. */
  dueSubscriptions(now: number, platforms: string[]): Promise<Subscription[]>;

  // Ingest registry
  /** Reconcile with the files the corpus holds now: new files and new hashes enter at `at`; missing files are marked removed. */
  syncRegistry(files: { file: string; hash: string }[], at: number): Promise<RegistryChange>;
  /** Registry entries whose content entered in (since, until], present or not. */
  enteredBetween(since: number, until: number): Promise<IngestEntry[]>;
  registry(): Promise<IngestEntry[]>;

  // Digest outbox and claims
  /**
   * Atomically: check the subscription exists, still has cursor `since` and (scheduled) `expectNextRun`,
   * and has no pending digest; move next_run; insert the pending digest. An empty digest is logged as
   * "empty" and advances the cursor at once.
   */
  claimDigest(req: ClaimRequest): Promise<ClaimResult>;
  /** Pending digests on these platforms whose lease has run out (their owner died or gave up). */
  expiredDigests(now: number, platforms: string[]): Promise<DigestRecord[]>;
  /** Take over an expired pending digest: counts an attempt. False when someone else did first. */
  takeOver(id: number, owner: string, leaseUntil: number, now: number): Promise<DigestRecord | undefined>;
  /** Record that the platform accepted messages up to `partsSent` and extend the lease. False when the claim was lost. */
  recordParts(id: number, owner: string, partsSent: number, leaseUntil: number): Promise<boolean>;
  /** Mark sent and advance the subscription's cursor to the digest's `until`, in one transaction. */
  finishDigest(id: number, owner: string, now: number): Promise<boolean>;
  /** A failed attempt: keep it pending until `retryAt` (a retry takes it over), or mark it failed for good. */
  failDigest(id: number, owner: string, error: string, retryAt: number | undefined): Promise<void>;
  digests(platform: string, chatId: string, limit?: number): Promise<DigestRecord[]>;

  close(): Promise<void>;
}
