/**
 * The digest scheduler. Takes a StateStore, a view of the corpus, Publishers and a clock; `tick()`
 * first resumes digests whose poster died (their lease ran out), then fires every due subscription
 * once; `runNow(platform, chat)` posts a chat's digest at once (`/digest now`). `start()` runs tick
 * on an unref'd timer in production; tests call tick() with an injected clock and never wait.
 *
 * Each digest goes claim → post → finish (see DESIGN.md, "State"):
 * 1. claim (one transaction): the subscription's next_run moves on and a pending outbox row fixes the
 *    window (cursor, now] and the composed digest. Only one process can claim: the claim checks the
 *    next_run and cursor it read and that no digest of the chat is pending.
 * 2. post each rendered message, recording after each one how many the platform accepted.
 * 3. finish (one transaction): mark sent and advance the cursor to the window's end.
 * A crash after 1 leaves a pending row; once its lease runs out, any process resumes it after the
 * last recorded message, and finishes it without posting when every message was recorded. Nothing is
 * lost; a message can be posted twice only when the process dies between the platform accepting it
 * and the record of that. Downtime: a subscription due in the past fires once, then moves to its next
 * run after now.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Logger } from "../logger.ts";
import type { DigestRecord, StateStore, Subscription } from "../state/store.ts";
import { composeDigest, digestSize, type CorpusView, type Digest } from "./compose.ts";
import { PublishError, type Publisher } from "./publisher.ts";
import { nextRun } from "./schedule.ts";

export interface SchedulerOptions {
  store: StateStore;
  /** The corpus as it is now (e.g. `() => core.corpus`). */
  corpus: () => CorpusView;
  now: () => Date;
  logger?: Logger;
  publishers?: Publisher[];
  /** Called when the registry names content this process's corpus lacks (another process saw it first): refresh. */
  refresh?: () => Promise<unknown>;
  /** Identifies this process in claims; default host:pid:random. */
  owner?: string;
  /** How long a claim holds without progress before another process may resume it; default 3 minutes. */
  leaseMs?: number;
  /** Wait after a failed attempt; default 1 minute. */
  retryMs?: number;
  /** Attempts per digest (the first and the retries); default 2. */
  maxAttempts?: number;
}

export type DeliveryStatus = "sent" | "retrying" | "failed" | "lost";

export interface TickReport {
  /** Digests this tick posted or tried to post, with their outcome. */
  delivered: { digest: DigestRecord; status: DeliveryStatus }[];
  /** Due subscriptions with nothing new (logged as empty). */
  empty: number;
  /** Runs that failed with an error (logged; retried by the next ticks). */
  errors: string[];
}

export type RunNowResult =
  | { status: "none" }
  | { status: "empty"; since: number; subscription: Subscription }
  | { status: "busy" }
  | { status: DeliveryStatus; digest: DigestRecord };

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export class DigestScheduler {
  readonly owner: string;
  private readonly publishers = new Map<string, Publisher>();
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: SchedulerOptions) {
    this.owner = o.owner ?? defaultOwner();
    this.leaseMs = o.leaseMs ?? 180_000;
    this.retryMs = o.retryMs ?? 60_000;
    this.maxAttempts = o.maxAttempts ?? 2;
    for (const p of o.publishers ?? []) this.register(p);
  }

  /** Adds (or replaces) the publisher of a platform; subscriptions of platforms without one wait. */
  register(p: Publisher): void {
    this.publishers.set(p.platform, p);
  }

  get platforms(): string[] {
    return [...this.publishers.keys()];
  }

  private nowMs(): number {
    return this.o.now().getTime();
  }

  /** One pass: resume expired digests, then fire due subscriptions. Passes never overlap within a process. */
  tick(): Promise<TickReport> {
    const run = this.running.then(() => this.pass());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { delivered: [], empty: 0, errors: [] };
    const now = this.nowMs();
    // One digest failing to be stored or composed must not hold up the others: log it and go on (its
    // pending row, if any, is resumed once its lease runs out, exactly as after a crash).
    const guarded = async (what: Record<string, unknown>, work: () => Promise<void>) => {
      try {
        await work();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report.errors.push(message);
        this.o.logger?.error({ ...what, err: message }, "digest run failed");
      }
    };
    for (const d of await this.o.store.expiredDigests(now, this.platforms)) {
      await guarded({ digest: d.key }, async () => {
        const taken = await this.o.store.takeOver(d.id, this.owner, now + this.leaseMs, now);
        if (!taken) return;
        if (taken.attempts > this.maxAttempts) {
          await this.o.store.failDigest(taken.id, this.owner, taken.error ?? "its poster stopped before finishing it", undefined);
          this.o.logger?.error({ digest: taken.key, attempts: taken.attempts - 1 }, "a digest was not finished after every attempt; giving up");
          report.delivered.push({ digest: taken, status: "failed" });
          return;
        }
        this.o.logger?.warn({ digest: taken.key, attempt: taken.attempts, partsSent: taken.partsSent }, "resuming an unfinished digest");
        report.delivered.push({ digest: taken, status: await this.deliver(taken) });
      });
    }
    for (const sub of await this.o.store.dueSubscriptions(now, this.platforms)) {
      await guarded({ platform: sub.platform, chat: sub.chatId }, async () => {
        const r = await this.fire(sub, "scheduled");
        if (r.status === "empty") report.empty++;
        else if ("digest" in r) report.delivered.push({ digest: r.digest, status: r.status });
      });
    }
    return report;
  }

  /** `/digest now`: compose and post this chat's digest at once; the cursor moves as after a scheduled one. */
  async runNow(platform: string, chatId: string): Promise<RunNowResult> {
    const sub = await this.o.store.getSubscription(platform, chatId);
    if (!sub) return { status: "none" };
    return this.fire(sub, "now");
  }

  /** Compose the subscription's window, claim it, post it. */
  private async fire(sub: Subscription, reason: "scheduled" | "now"): Promise<RunNowResult> {
    const now = this.nowMs();
    const digest = await this.compose(sub, now);
    const size = digestSize(digest);
    if (reason === "now" && !size) return { status: "empty", since: sub.cursor, subscription: sub };
    const key = `${sub.platform}:${sub.chatId}:${reason}:${reason === "scheduled" ? sub.nextRun : `${now}:${randomBytes(3).toString("hex")}`}`;
    const claim = await this.o.store.claimDigest({
      platform: sub.platform,
      chatId: sub.chatId,
      reason,
      key,
      ...(reason === "scheduled" ? { expectNextRun: sub.nextRun, newNextRun: nextRun(sub.schedule, now) } : {}),
      since: sub.cursor,
      until: now,
      payload: JSON.stringify(digest),
      items: size,
      owner: this.owner,
      leaseUntil: now + this.leaseMs,
      now,
    });
    if (!claim.ok) {
      this.o.logger?.debug({ platform: sub.platform, chat: sub.chatId, reason: claim.reason }, "digest not claimed");
      return { status: claim.reason === "no-subscription" ? "none" : "busy" };
    }
    if (claim.digest.status === "empty") {
      this.o.logger?.debug({ digest: key }, "nothing new; empty digest logged");
      return { status: "empty", since: sub.cursor, subscription: sub };
    }
    this.o.logger?.info({ digest: key, items: size }, "digest claimed");
    return { status: await this.deliver(claim.digest), digest: claim.digest };
  }

  private async compose(sub: Subscription, until: number): Promise<Digest> {
    const build = async () =>
      composeDigest({
        corpus: this.o.corpus(),
        entries: await this.o.store.enteredBetween(sub.cursor, until),
        since: sub.cursor,
        until,
        lang: sub.lang,
        tz: sub.schedule.tz,
        topic: sub.topic,
      });
    let r = await build();
    if (r.missing.length && this.o.refresh) {
      this.o.logger?.info({ files: r.missing.length }, "the registry knows articles this process has not read yet; refreshing");
      await this.o.refresh();
      r = await build();
    }
    return r.digest;
  }

  /** Post the digest's messages after the last recorded one, then finish it. */
  private async deliver(d: DigestRecord): Promise<DeliveryStatus> {
    const pub = this.publishers.get(d.platform);
    if (!pub) return "lost";
    const messages = pub.render(JSON.parse(d.payload) as Digest);
    for (let i = d.partsSent; i < messages.length; i++) {
      try {
        await pub.send(d.chatId, messages[i]!);
      } catch (err) {
        const permanent = err instanceof PublishError && err.permanent;
        const retry = !permanent && d.attempts < this.maxAttempts;
        const message = err instanceof Error ? err.message : String(err);
        await this.o.store.failDigest(d.id, this.owner, message, retry ? this.nowMs() + this.retryMs : undefined);
        this.o.logger?.error({ digest: d.key, part: i, attempt: d.attempts, permanent, err: message }, retry ? "posting a digest failed; will retry" : "posting a digest failed; giving up");
        return retry ? "retrying" : "failed";
      }
      if (!(await this.o.store.recordParts(d.id, this.owner, i + 1, this.nowMs() + this.leaseMs))) {
        this.o.logger?.warn({ digest: d.key }, "lost the claim on a digest while posting it");
        return "lost";
      }
    }
    if (!(await this.o.store.finishDigest(d.id, this.owner, this.nowMs()))) return "lost";
    this.o.logger?.info({ digest: d.key, messages: messages.length }, "digest sent");
    return "sent";
  }

  /** Tick every `intervalMs` (unref'd: it never keeps the process alive). Errors are logged, never thrown. */
  start(intervalMs = 30_000): void {
    if (this.timer) return;
    const run = () =>
      void this.tick().catch((err: unknown) => this.o.logger?.error({ err: err instanceof Error ? err.message : String(err) }, "digest tick failed"));
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    run();
  }

  /** Stop the timer and wait for the pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
