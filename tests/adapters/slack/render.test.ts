/**
 * The Slack renderer and text helpers on hand-made Answers: structure, escaping of hostile user and
 * corpus text, splitting of very long answers within Slack's limits, and Chinese labels.
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer.ts";
import { FALLBACK_MAX, limitMessages, renderSlack, renderUsage, shareBlock } from "../../../adapters/slack/render.ts";
import { escapeSlack, plainFromSlack, splitEscaped, stripBotMention, truncateEscaped } from "../../../adapters/slack/text.ts";
import { allText } from "./helpers.ts";

const HOSTILE = "<!channel> <!here|here> <@U123> <#C42|general> <http://x|y> & @channel @everyone *bold* `code`";

function answer(over: Partial<Answer> = {}): Answer {
  return {
    question: "Who opened the ferry line?",
    found: true,
    answer: "The mayors opened it.",
    lang: "en",
    sources: [{ file: "a.txt", title: "Ferry opens", date: "2022-06-10", quote: "The mayors opened a new ferry line." }],
    events: [],
    ...over,
  };
}

/** No raw markup survives: no < or >, and every & starts an entity we wrote. */
function expectInert(s: string): void {
  expect(s).not.toMatch(/[<>]/);
  expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(s).not.toMatch(/@(channel|here|everyone)\b/i);
}

function sectionTexts(blocks: any[]): string[] {
  return blocks.filter((b) => b.type === "section").map((b) => b.text.text as string);
}

describe("renderSlack", () => {
  it("renders the answer in a mrkdwn section and sources in context blocks, with a fallback text", () => {
    const msgs = renderSlack(answer());
    expect(msgs).toHaveLength(1);
    const [m] = msgs;
    expect(m!.text).toContain("The mayors opened it.");
    expect(sectionTexts(m!.blocks)).toEqual(["The mayors opened it."]);
    const contexts = m!.blocks.filter((b: any) => b.type === "context").map((b: any) => b.elements[0].text as string);
    expect(contexts.some((t) => t.includes("Ferry opens") && t.includes("2022-06-10") && t.includes("The mayors opened a new ferry line."))).toBe(true);
    expect(contexts.some((t) => t.includes("Sources"))).toBe(true);
    expect(contexts.some((t) => t.includes("Who opened the ferry line?"))).toBe(true);
    // verbatim text objects: Slack does not auto-link or parse mentions in them
    for (const b of m!.blocks as any[]) {
      for (const t of b.type === "section" ? [b.text] : b.type === "context" ? b.elements : []) {
        expect(t).toMatchObject({ type: "mrkdwn", verbatim: true });
      }
    }
  });

  it("escapes hostile text from the user and the corpus everywhere", () => {
    const msgs = renderSlack(
      answer({
        question: HOSTILE,
        answer: `Answer ${HOSTILE}`,
        related: [`Related ${HOSTILE}`],
        sources: [{ file: "x.txt", title: `Title ${HOSTILE}`, date: "2022", quote: `Quote ${HOSTILE}` }],
      }),
    );
    for (const m of msgs) for (const t of allText(m)) expectInert(t.replace(/\*(Question|Sources|The corpus does know):?\*/g, ""));
    const joined = msgs.flatMap(allText).join("\n");
    expect(joined).toContain("&lt;!channel&gt;");
    expect(joined).toContain("&lt;@U123&gt;");
    expect(joined).toContain("&lt;http://x|y&gt;");
    expect(joined).toContain("&amp;");
    expect(joined).toContain("@\u2060channel");
  });

  it("splits a 10,000-character answer within Slack's limits and loses no text", () => {
    const long = Array.from({ length: 500 }, (_, i) => `Sentence ${i} says A&B <tag> ok.`).join(" ").slice(0, 10_000);
    expect(long.length).toBe(10_000);
    const msgs = renderSlack(answer({ answer: long }));
    expect(msgs.length).toBeGreaterThan(1);
    const sections: string[] = [];
    for (const m of msgs) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m).length).toBeLessThan(10_000);
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.text.length).toBeLessThanOrEqual(FALLBACK_MAX);
      for (const t of sectionTexts(m.blocks)) {
        expect(t.length).toBeLessThanOrEqual(3000);
        expectInert(t);
        sections.push(t);
      }
    }
    const back = plainFromSlack(sections.join(" "));
    expect(back.replace(/\s+/g, "")).toBe(long.replace(/\s+/g, ""));
  });

  it("keeps at most the messages /ask can send (the acknowledgement and five response_url posts), saying when it cut", () => {
    const msgs = renderSlack(answer({ answer: "A&B <x> ".repeat(5000) }));
    expect(msgs.length).toBeGreaterThan(6);
    const kept = limitMessages(msgs, 6, "en");
    expect(kept).toHaveLength(6);
    expect(kept.slice(0, 5)).toEqual(msgs.slice(0, 5));
    const last = kept[5]!.blocks;
    expect(last.slice(0, -1)).toEqual(msgs[5]!.blocks);
    expect(allText({ blocks: [last.at(-1)!] }).join("")).toMatch(/shortened/);
    expect(limitMessages(msgs.slice(0, 3), 6, "en")).toEqual(msgs.slice(0, 3));
    expect(allText({ blocks: limitMessages(msgs, 2, "zh")[1]!.blocks }).join("")).toContain("已截短");
  });

  it("splits text with no break opportunities (CJK, entities) without cutting an entity", () => {
    const raw = "<&>中文".repeat(2000);
    const msgs = renderSlack(answer({ answer: raw, lang: "zh" }));
    for (const m of msgs) {
      expect(JSON.stringify(m).length).toBeLessThan(10_000);
      for (const t of sectionTexts(m.blocks)) {
        expect(t.length).toBeLessThanOrEqual(3000);
        expectInert(t);
      }
    }
    expect(plainFromSlack(msgs.flatMap((m) => sectionTexts(m.blocks)).join(""))).toBe(raw);
  });

  it("keeps many sources within the block limit per message", () => {
    const sources = Array.from({ length: 120 }, (_, i) => ({ file: `f${i}.txt`, title: `Title ${i}`, quote: "q".repeat(400) }));
    const msgs = renderSlack(answer({ sources }));
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) {
      expect(m.blocks.length).toBeLessThanOrEqual(49);
      expect(JSON.stringify(m).length).toBeLessThan(10_000);
    }
    const contexts = msgs.flatMap((m) => m.blocks).filter((b: any) => b.type === "context" && /^\*\[\d+\]\*/.test(b.elements[0].text));
    expect(contexts).toHaveLength(120);
  });

  it("uses Chinese labels for Chinese answers and English ones otherwise", () => {
    const zh = renderSlack(answer({ lang: "zh", question: "谁开通了渡轮?", answer: "两位镇长。", related: ["相关内容"] }));
    const zhText = zh.flatMap(allText).join("\n");
    expect(zhText).toContain("来源");
    expect(zhText).toContain("问题");
    expect(zhText).toContain("语料中相关的内容");
    expect(zhText).not.toContain("Sources");
    const en = renderSlack(answer({ related: ["nearby"] })).flatMap(allText).join("\n");
    expect(en).toContain("Sources");
    expect(en).toContain("The corpus does know");
    expect(en).not.toContain("来源");
    expect((shareBlock(answer({ lang: "zh" })) as any).elements[0].text.text).toBe("在频道中分享");
    expect((shareBlock(answer()) as any).elements[0].text.text).toBe("Share in channel");
  });

  it("renders an answer with no sources and an empty answer string", () => {
    const msgs = renderSlack(answer({ found: false, answer: "", sources: [] }));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.blocks.length).toBeGreaterThan(0);
    expect(msgs[0]!.text.length).toBeGreaterThan(0);
  });
});

describe("shareBlock", () => {
  it("carries the question in the button value, within Slack's 2,000 characters", () => {
    const b = shareBlock(answer({ question: "What & <who>?" })) as any;
    expect(b.type).toBe("actions");
    expect(b.elements[0]).toMatchObject({ type: "button", action_id: "share_answer", value: "What & <who>?" });
    expect(shareBlock(answer({ question: "x".repeat(2000) }))).not.toBeNull();
    expect(shareBlock(answer({ question: "x".repeat(2001) }))).toBeNull();
    expect(shareBlock(answer({ question: "  " }))).toBeNull();
    expect(shareBlock(answer({ help: true }))).toBeNull();
  });
});

describe("renderUsage", () => {
  it("lists escaped examples in both languages", () => {
    const m = renderUsage(["Who met <@U1> & why?"], ["谁出席了会议?"]);
    const t = allText(m).join("\n");
    expect(t).toContain("/ask");
    expect(t).toContain("Who met &lt;@U1&gt; &amp; why?");
    expect(t).toContain("谁出席了会议?");
    expect(t).not.toContain("<@U1>");
  });
});

describe("text helpers", () => {
  it("turns Slack's encoded text into the plain question", () => {
    expect(plainFromSlack("&lt;b&gt; &amp; <@U123> <@U9|ada> <#C1|general> <!channel> <!here|here> <http://x|y> <https://z.example> <mailto:a@b.c|a@b.c>")).toBe(
      "<b> & @U123 @ada #general @channel here y https://z.example a@b.c",
    );
    expect(plainFromSlack("&amp;lt;")).toBe("&lt;");
  });

  it("strips the bot mention", () => {
    expect(stripBotMention("<@UBOT> who met?", "UBOT")).toBe("who met?");
    expect(stripBotMention("hey <@UBOT|newsbot> who met <@U2>?", "UBOT")).toBe("hey who met <@U2>?");
    expect(stripBotMention("<@UBOT> who met <@U2>?")).toBe("who met <@U2>?");
  });

  it("escapes, splits and truncates safely", () => {
    expect(escapeSlack("a<b>&c @here")).toBe("a&lt;b&gt;&amp;c @\u2060here");
    for (const c of splitEscaped("&".repeat(100), 12)) {
      expect(c.length).toBeLessThanOrEqual(12);
      expect(c).toMatch(/^(&amp;)+$/);
    }
    expect(splitEscaped("😀".repeat(10), 5).join("")).toBe("😀".repeat(10));
    const t = truncateEscaped("&amp;".repeat(10), 13);
    expect(t).toBe("&amp;&amp;…");
  });
});
