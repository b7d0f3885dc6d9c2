/**
 * Slack's side of digests and command replies. `renderLines(lines, lang)` takes neutral rich Lines
 * (src/digest/texts.ts) and returns Block Kit messages — one mrkdwn section per paragraph, escaped, each
 * under 3,000 characters, packed into messages within the block and size budgets of render.ts, with a
 * plain fallback; `renderSlackDigest` does that for a Digest; `slackPublisher(client)` returns the
 * Publisher that posts with chat.postMessage (the Web API client waits out 429s by Retry-After).
 * `errInfo` says what is safe to log about an error.
 */
import type { webApi } from "@slack/bolt";
import type { Digest } from "../../src/digest/compose.ts";
import { PublishError, type OutgoingMessage, type Publisher } from "../../src/digest/publisher.ts";
import { digestLines, type Line, type Segment } from "../../src/digest/texts.ts";
import type { Lang } from "../../src/types.ts";
import { labels, pack, section, SECTION_MAX, type Item, type SlackMessage } from "./render.ts";
import { escapeSlack, truncateEscaped } from "./text.ts";

/** Slack errors that a retry cannot fix. */
const PERMANENT = new Set([
  "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth", "not_authed", "token_revoked",
  "missing_scope", "restricted_action", "msg_too_long", "invalid_blocks", "too_many_attachments", "no_text",
]);

/** What is safe to log about an error: name, message, Slack error code, HTTP status. Never request data or tokens. */
export function errInfo(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: string; data?: { error?: string }; statusCode?: number; original?: Error };
  return {
    name: e.name,
    message: e.message,
    ...(e.code ? { code: e.code } : {}),
    ...(e.data?.error ? { slackError: e.data.error } : {}),
    ...(e.statusCode ? { status: e.statusCode } : {}),
    ...(e.original?.message ? { cause: e.original.message } : {}),
  };
}

function segmentMrkdwn(s: Segment): string {
  const text = escapeSlack(s.text);
  if (!s.tag || !text.trim()) return text;
  const mark = s.tag === "b" ? "*" : s.tag === "i" ? "_" : "`";
  const lead = text.match(/^\s*/)![0];
  const trail = text.match(/\s*$/)![0];
  return `${lead}${mark}${text.trim()}${mark}${trail}`;
}

/** One line as mrkdwn and as escaped plain text. */
function lineTexts(line: Line): { md: string; plain: string } {
  return { md: line.map(segmentMrkdwn).join(""), plain: escapeSlack(line.map((s) => s.text).join("")) };
}

/** Paragraphs (separated by blank lines) → sections of at most SECTION_MAX characters. */
function sections(lines: Line[]): Item[] {
  const items: Item[] = [];
  let md: string[] = [];
  let plain: string[] = [];
  let size = 0;
  const flush = () => {
    if (md.length) items.push(section(md.join("\n"), plain.join("\n")));
    md = [];
    plain = [];
    size = 0;
  };
  for (const line of lines) {
    if (!line.length || line.every((s) => !s.text.trim())) {
      flush();
      continue;
    }
    const t = lineTexts(line);
    const text = t.md.length > SECTION_MAX ? truncateEscaped(t.md, SECTION_MAX) : t.md;
    if (md.length && size + 1 + text.length > SECTION_MAX) flush();
    md.push(text);
    plain.push(t.plain);
    size += (md.length > 1 ? 1 : 0) + text.length;
  }
  flush();
  return items;
}

/** Neutral Lines → Slack messages. */
export function renderLines(lines: Line[], lang: Lang): SlackMessage[] {
  return pack(sections(lines), labels(lang).more);
}

export function renderSlackDigest(d: Digest): SlackMessage[] {
  return renderLines(digestLines(d), d.lang);
}

/** `client` is a Web API client holding the bot token. */
export function slackPublisher(client: webApi.WebClient): Publisher {
  return {
    platform: "slack",
    render: (d: Digest): OutgoingMessage[] => renderSlackDigest(d),
    async send(chatId: string, m: OutgoingMessage): Promise<void> {
      try {
        await client.chat.postMessage({ channel: chatId, text: m.text, blocks: m.blocks as SlackMessage["blocks"], unfurl_links: false, unfurl_media: false });
      } catch (err) {
        const info = errInfo(err);
        const code = typeof info.slackError === "string" ? info.slackError : undefined;
        throw new PublishError(`chat.postMessage failed: ${code ?? String(info.message)}`, code !== undefined && PERMANENT.has(code));
      }
    },
  };
}
