/**
 * Answer → Slack Block Kit. `renderSlack` takes a neutral Answer and returns one or more messages,
 * each `{ text, blocks }`: the question and answer in mrkdwn sections, related hints, and sources
 * (title, date, short quote) in context blocks, with a plain `text` fallback. All user and corpus
 * text is escaped; long answers are split so every section stays under 3,000 characters and every
 * message under 40 blocks and about 7,000 characters. `renderUsage` and `shareBlock` build the
 * `/ask` help and the "Share in channel" button. `section` and `pack` are shared with the digest renderer.
 */
import type { types } from "@slack/bolt";
import type { Answer } from "../../src/answer.ts";
import type { Lang } from "../../src/types.ts";
import { escapeSlack, shorten, splitEscaped, truncateEscaped } from "./text.ts";

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers (escaped: it is read as mrkdwn too). */
  text: string;
  blocks: Block[];
}

/** Slack's hard limit is 3,000 per section text; keep a margin. */
export const SECTION_MAX = 2900;
/** Block text per message; Slack rejects large payloads (`msg_blocks_too_long`) well before 50 sections. */
export const MESSAGE_BUDGET = 4000;
/** Slack allows 50; one slot stays free for the share button. */
export const MAX_BLOCKS = 40;
export const FALLBACK_MAX = 3000;
/** Slack caps a button value at 2,000 characters. */
export const BUTTON_VALUE_MAX = 2000;
export const SHARE_ACTION = "share_answer";

const LABELS: Record<Lang, { question: string; sources: string; related: string; share: string; more: string; cut: string }> = {
  en: { question: "Question", sources: "Sources", related: "The corpus does know", share: "Share in channel", more: "continued", cut: "Answer shortened: it was too long for Slack." },
  zh: { question: "问题", sources: "来源", related: "语料中相关的内容", share: "在频道中分享", more: "续", cut: "回答过长，已截短。" },
};

export function labels(lang: Lang) {
  return LABELS[lang] ?? LABELS.en;
}

export interface Item {
  block: Block;
  /** Characters of text the block carries. */
  size: number;
  /** Its share of the fallback text (escaped). */
  plain: string;
}

export const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text, verbatim: true });

export function section(text: string, plain: string): Item {
  return { block: { type: "section", text: mrkdwn(text) }, size: text.length, plain };
}

function context(text: string, plain: string): Item {
  return { block: { type: "context", elements: [mrkdwn(text)] }, size: text.length, plain };
}

export function renderSlack(answer: Answer): SlackMessage[] {
  const L = labels(answer.lang);
  const items: Item[] = [];

  const q = escapeSlack(shorten(answer.question, 300));
  if (q) items.push(context(`*${L.question}:* ${q}`, `${L.question}: ${q}`));

  for (const chunk of splitEscaped(answer.answer || "…", SECTION_MAX)) items.push(section(chunk, chunk));

  if (answer.related?.length) {
    const bullets = answer.related.map((r) => `• ${escapeSlack(shorten(r, 500))}`);
    let current = `*${L.related}:*`;
    for (const b of bullets) {
      if (current.length + 1 + b.length > SECTION_MAX) {
        items.push(section(current, current.replace(/\*/g, "")));
        current = b;
      } else current += `\n${b}`;
    }
    items.push(section(current, current.replace(/\*/g, "")));
  }

  if (answer.sources.length) {
    items.push({ block: { type: "divider" }, size: 0, plain: "" });
    items.push(context(`*${L.sources}*`, `${L.sources}:`));
    answer.sources.forEach((s, i) => {
      const title = escapeSlack(shorten(s.title || s.file, 200));
      const date = s.date ? ` · ${escapeSlack(s.date)}` : "";
      const quote = s.quote ? `\n“${escapeSlack(shorten(s.quote, 240))}”` : "";
      items.push(context(`*[${i + 1}]* ${title}${date}${quote}`, `[${i + 1}] ${title}${date}`));
    });
  }

  return pack(items, L.more);
}

/** Group items into messages within the block and size budgets. */
export function pack(items: Item[], more: string): SlackMessage[] {
  const groups: Item[][] = [];
  let current: Item[] = [];
  let size = 0;
  for (const it of items) {
    if (current.length && (current.length >= MAX_BLOCKS || size + it.size > MESSAGE_BUDGET)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(it);
    size += it.size;
  }
  if (current.length) groups.push(current);
  return groups.map((g, i) => {
    const parts = g.map((it) => it.plain).filter(Boolean);
    if (i > 0) parts.unshift(`(${more})`);
    return { text: truncateEscaped(parts.join("\n"), FALLBACK_MAX), blocks: g.map((it) => it.block) };
  });
}

/** At most `max` messages; when some are dropped, the last one kept says so. */
export function limitMessages(messages: SlackMessage[], max: number, lang: Lang): SlackMessage[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const last = kept[max - 1]!;
  kept[max - 1] = { ...last, blocks: [...last.blocks, { type: "context", elements: [mrkdwn(`_${labels(lang).cut}_`)] }] };
  return kept;
}

/** The "Share in channel" button carrying the question, or null when there is nothing worth sharing. */
export function shareBlock(answer: Answer): Block | null {
  const value = answer.question.trim();
  if (!value || answer.help || value.length > BUTTON_VALUE_MAX) return null;
  return {
    type: "actions",
    block_id: "share",
    elements: [{ type: "button", action_id: SHARE_ACTION, text: { type: "plain_text", text: labels(answer.lang).share }, value }],
  };
}

/** Usage help for an empty `/ask`, with example questions from the corpus. */
export function renderUsage(examples: string[], zhExamples: string[] = []): SlackMessage {
  const en = examples.map((e) => `• \`/ask ${escapeSlack(shorten(e, 200))}\``);
  const zh = zhExamples.map((e) => `• \`/ask ${escapeSlack(shorten(e, 200))}\``);
  const intro = "*Ask me about the news articles I have read:* `/ask &lt;question&gt;`";
  const text = [intro, en.length ? "For example:" : "", ...en, zh.length ? "也可以用中文提问:" : "", ...zh].filter(Boolean).join("\n");
  const body = truncateEscaped(text, SECTION_MAX);
  return { text: truncateEscaped(body.replace(/[*`]/g, ""), FALLBACK_MAX), blocks: [{ type: "section", text: mrkdwn(body) }] };
}

/** A short apology, sent when answering failed. */
export function apology(lang: Lang = "en"): SlackMessage {
  const text = lang === "zh" ? "抱歉，回答这个问题时出错了，请稍后再试。" : "Sorry, something went wrong answering that. Please try again.";
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}
