/**
 * Telegram's side of digests. `renderTelegramDigest` takes a neutral Digest and returns HTML messages
 * (each ≤ 4,096 characters, split on line boundaries by render.ts); `telegramPublisher(api, secrets)`
 * returns the Publisher that posts them with sendMessage (429s are waited out by the bot's auto-retry).
 * `errorFields` turns any grammY error into log fields with the token scrubbed.
 */
import { GrammyError, type Api } from "grammy";
import type { Digest } from "../../src/digest/compose.ts";
import { PublishError, type OutgoingMessage, type Publisher } from "../../src/digest/publisher.ts";
import { digestLines } from "../../src/digest/texts.ts";
import { toMessages } from "./render.ts";

export const SEND_OPTIONS = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** An error as safe, structured log fields, with the token scrubbed from every string. */
export function errorFields(err: unknown, secrets: string[]): Record<string, unknown> {
  const scrub = (s: string | undefined) => secrets.reduce((acc, x) => (x ? acc?.split(x).join("[redacted]") : acc), s);
  if (err instanceof GrammyError) return { name: err.name, method: err.method, code: err.error_code, description: scrub(err.description) };
  if (err instanceof Error) {
    // grammY's HttpError keeps the underlying fetch error, whose message holds the request URL (with the token).
    const inner = (err as { error?: unknown }).error;
    const cause = inner instanceof Error ? scrub(inner.message) : undefined;
    return { name: err.name, message: scrub(err.message), ...(cause ? { cause } : {}), stack: scrub(err.stack) };
  }
  return { message: scrub(String(err)) };
}

export function renderTelegramDigest(d: Digest): string[] {
  return toMessages(digestLines(d));
}

/** Chat ids are stored as text; Telegram's are integers. */
export function telegramChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

export function telegramPublisher(api: Api, secrets: string[]): Publisher {
  return {
    platform: "telegram",
    render: (d: Digest): OutgoingMessage[] => renderTelegramDigest(d).map((text) => ({ text })),
    async send(chatId: string, m: OutgoingMessage): Promise<void> {
      try {
        await api.sendMessage(telegramChatId(chatId), m.text, SEND_OPTIONS);
      } catch (err) {
        const f = errorFields(err, secrets);
        // 400 (no such chat, bad markup) and 403 (bot blocked or removed) will not change on a retry.
        const permanent = err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403);
        throw new PublishError(`sendMessage failed: ${String(f.description ?? f.message ?? "unknown error")}`, permanent);
      }
    },
  };
}
