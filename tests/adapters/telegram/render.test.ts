/**
 * renderTelegram with hostile input: markup characters in answers, titles and quotes, 10,000-character
 * answers (every message ≤ 4,096, split on line boundaries, tags balanced), and Chinese labels.
 * Answers here are hand-made Answer objects; plus one pass over real core answers from the fixture corpus.
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer.ts";
import { MAX_MESSAGE, escapeHtml, renderTelegram, toMessages } from "../../../adapters/telegram/render.ts";
import { sourcesMessages, startMessages, usageMessages } from "../../../adapters/telegram/texts.ts";
import { fixtureCore } from "./helpers.ts";

const ALLOWED_TAGS = new Set(["b", "i", "code"]);

/** Checks a message is valid Telegram HTML as we produce it: only our tags, balanced, and every & an entity. */
function expectWellFormed(html: string): void {
  expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(html.trim()).not.toBe("");
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([^>]*)>/g)) {
    const [, close, name] = m;
    expect(ALLOWED_TAGS.has(name!), `unexpected tag <${close}${name}>`).toBe(true);
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // No stray markup characters outside our tags, and every & starts an entity.
  const text = html.replace(/<\/?(b|i|code)>/g, "");
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

/** The visible text of our HTML: tags dropped, entities decoded. */
function visible(html: string): string {
  return html.replace(/<\/?(b|i|code)>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function answer(partial: Partial<Answer>): Answer {
  return { question: "q", found: true, answer: "An answer.", lang: "en", sources: [], events: [], ...partial };
}

const HOSTILE = `a < b && c > d </b> <script>alert("x")</script> &amp; &lt; <a href="x">link</a> *md* _md_ [x](y) 🤔`;

describe("renderTelegram", () => {
  it("escapes every piece of answer, related, title, date and quote text", () => {
    const msgs = renderTelegram(
      answer({
        answer: HOSTILE,
        related: [HOSTILE],
        sources: [{ file: "f.txt", title: `Title ${HOSTILE}`, date: "2020-01-02", quote: `Quote ${HOSTILE}` }],
      }),
    );
    expect(msgs).toHaveLength(1);
    const html = msgs[0]!;
    expectWellFormed(html);
    expect(html).toContain(`<b>${escapeHtml(HOSTILE)}</b>`);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&amp;amp;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<a ");
    expect(html).toContain("Sources");
    expect(html).toContain("2020-01-02");
    expect(visible(html)).toContain(HOSTILE);
  });

  it("puts the direct answer first, then the sources", () => {
    const html = renderTelegram(answer({ answer: "Direct.", sources: [{ file: "f", title: "T", quote: "Q" }] }))[0]!;
    expect(html.startsWith("<b>Direct.</b>")).toBe(true);
    expect(html.indexOf("Sources")).toBeGreaterThan(html.indexOf("Direct."));
  });

  it("does not bold an answer that is not found or is usage help", () => {
    expect(renderTelegram(answer({ found: false, answer: "Not in the corpus." }))[0]).toBe("Not in the corpus.");
    expect(renderTelegram(answer({ found: false, help: true, answer: "Ask like this." }))[0]).toBe("Ask like this.");
  });

  it("keeps quotes and titles short", () => {
    const long = "word ".repeat(200);
    const html = renderTelegram(answer({ sources: [{ file: "f", title: long, quote: long }] }))[0]!;
    const quoteLine = html.split("\n").find((l) => l.startsWith("<i>“"))!;
    expect([...visible(quoteLine)].length).toBeLessThanOrEqual(200 + 2);
    expect(quoteLine).toContain("…");
    const titleLine = html.split("\n").find((l) => l.startsWith("1. "))!;
    expect(titleLine.length).toBeLessThan(170);
  });

  it("uses Chinese labels for Chinese answers and English ones otherwise", () => {
    const src = [{ file: "f", title: "标题", date: "2023-11-28", quote: "引文。" }];
    const zh = renderTelegram(answer({ lang: "zh", answer: "答案。", related: ["相关"], sources: src })).join("\n");
    expect(zh).toContain("来源");
    expect(zh).toContain("语料中相关的内容");
    expect(zh).not.toContain("Sources");
    const en = renderTelegram(answer({ lang: "en", sources: src })).join("\n");
    expect(en).toContain("Sources");
    expect(en).not.toContain("来源");
  });

  it("splits a 10,000-character multi-line answer on line boundaries, each message ≤ 4,096 and balanced", () => {
    const lines = Array.from({ length: 160 }, (_, i) => `Line ${i} <${"x".repeat(i % 7)}> & more text ${"é".repeat(40)}`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(10_000);
    const msgs = renderTelegram(answer({ answer: text, sources: [{ file: "f", title: "T <t>", quote: "Q & q" }] }));
    expect(msgs.length).toBeGreaterThan(2);
    for (const m of msgs) expectWellFormed(m);
    // Every message is made of whole lines of the answer (or of the sources), in order.
    const got = msgs.flatMap((m) => m.split("\n")).filter((l) => l.startsWith("<b>Line")).map(visible);
    expect(got).toEqual(lines);
  });

  it("hard-splits a single 10,000-character line without breaking tags, entities or characters", () => {
    const text = ("<&> 🤔 Zhōngguó 中国 " + "a&b<c>d ".repeat(10)).repeat(110);
    expect(text.length).toBeGreaterThan(10_000);
    const msgs = renderTelegram(answer({ answer: text }));
    expect(msgs.length).toBeGreaterThanOrEqual(3);
    for (const m of msgs) {
      expectWellFormed(m);
      expect(m.startsWith("<b>") && m.endsWith("</b>")).toBe(true);
      expect(m).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    expect(msgs.map(visible).join("") === text.trim()).toBe(true); // answers are trimmed
  });

  it("splits a long unformatted run and many sources into valid messages", () => {
    const sources = Array.from({ length: 60 }, (_, i) => ({ file: `f${i}`, title: `Title ${i} </i>`, date: "2020", quote: "q<".repeat(150) }));
    const msgs = renderTelegram(answer({ found: false, answer: "&".repeat(9000), sources }));
    for (const m of msgs) expectWellFormed(m);
    expect(msgs.join("").match(/&amp;/g)).toHaveLength(9000);
  });

  it("never returns an empty message", () => {
    expect(renderTelegram(answer({ answer: "   " }))).toEqual(["<b>…</b>"]);
    expect(toMessages([[], [{ text: "" }], []])).toEqual([]);
  });
});

describe("command texts and real core answers", () => {
  it("are well-formed Telegram HTML", async () => {
    const core = await fixtureCore();
    const s = core.summary();
    const all = [
      ...startMessages(s, core.examples("en"), "en", "bot"),
      ...startMessages(s, core.examples("zh"), "zh", "bot"),
      ...sourcesMessages(s, "en"),
      ...sourcesMessages(s, "zh"),
      ...usageMessages(core.examples("en"), "en", "bot"),
      ...["Who signed the water agreement?", "谁出席了会议?", "<b>x</b>", "", "x".repeat(4000)].flatMap((q) => renderTelegram(core.ask(q))),
    ];
    for (const m of all) expectWellFormed(m);
  });

  it("/sources caps the list of titles and stays within the limit", () => {
    const titles = Array.from({ length: 500 }, (_, i) => ({ file: `f${i}`, title: `<${i}> ${"t".repeat(200)}`, date: "2020-01-01" }));
    const msgs = sourcesMessages({ articles: 500, events: 0, languages: ["en", "zh"], from: "2020-01-01", to: "2021-01-01", titles, problems: [] }, "en");
    for (const m of msgs) expectWellFormed(m);
    expect(msgs.join("\n")).toContain("450 more");
  });
});
