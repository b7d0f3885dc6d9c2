/**
 * `/digest …` for every platform. `digestCommand(services, input)` takes the words after the command,
 * the chat and the user, changes or reads the chat's subscription (or posts its digest now, through the
 * scheduler and the platform's Publisher) and returns the reply as neutral Lines (empty when the digest
 * itself was the answer) plus whether it concerns the whole chat. Adapters only parse their platform's
 * message, call this, and render the Lines.
 */
import type { StateStore, Subscription } from "../state/store.ts";
import type { Lang } from "../types.ts";
import type { DigestScheduler } from "./scheduler.ts";
import { nextRun, parseSchedule } from "./schedule.ts";
import {
  busyLines, failedLines, noSubscriptionForNowLines, nothingNewLines, offLines, showLines, subscribedLines, usageLines, type Line,
} from "./texts.ts";

export interface DigestServices {
  store: StateStore;
  scheduler: DigestScheduler;
}

export interface DigestCommandInput {
  platform: string;
  chatId: string;
  userId?: string;
  /** The words after `/digest`. */
  args: string;
  lang: Lang;
  now: Date;
}

export interface DigestReply {
  lines: Line[];
  /** The reply changes the chat's subscription (Slack shows it to the channel, not only the sender). */
  public: boolean;
}

export async function digestCommand(s: DigestServices, input: DigestCommandInput): Promise<DigestReply> {
  const { platform, chatId, lang } = input;
  const args = input.args.trim();
  const word = args.split(/\s+/)[0]?.toLowerCase() ?? "";
  const now = input.now.getTime();
  if (!args) return { lines: showLines(await s.store.getSubscription(platform, chatId), lang), public: false };
  if (word === "off" || word === "stop") return { lines: offLines(await s.store.removeSubscription(platform, chatId), lang), public: true };
  if (word === "help") return { lines: usageLines(lang), public: false };
  if (word === "now") {
    const r = await s.scheduler.runNow(platform, chatId);
    switch (r.status) {
      case "none":
        return { lines: noSubscriptionForNowLines(lang), public: false };
      case "empty":
        return { lines: nothingNewLines(r.since, r.subscription.schedule.tz, lang), public: false };
      case "busy":
        return { lines: busyLines(lang), public: false };
      case "retrying":
      case "failed":
        return { lines: failedLines(lang, r.status === "retrying"), public: false };
      default:
        return { lines: [], public: false };
    }
  }
  const parsed = parseSchedule(args);
  if (!parsed.ok) return { lines: usageLines(lang, word === "daily" || word === "weekly" ? parsed.error : `unknown option "${word}"`), public: false };
  const old = await s.store.getSubscription(platform, chatId);
  const sub: Subscription = {
    platform,
    chatId,
    schedule: parsed.schedule,
    ...(parsed.topic ? { topic: parsed.topic } : {}),
    lang,
    cursor: old?.cursor ?? now,
    nextRun: nextRun(parsed.schedule, now),
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
    ...(input.userId ? { createdBy: input.userId } : {}),
  };
  const saved = await s.store.putSubscription(sub);
  return { lines: subscribedLines(saved, old !== undefined, lang), public: true };
}
