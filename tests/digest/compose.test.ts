/**
 * Digest content from a crafted corpus view: the window (since, until], event-date order, topic words,
 * the source of each event, bilingual articles told once, eventless new articles, content the registry
 * knows but this corpus has not read (`missing`), and the plain-text lines.
 */
import { describe, expect, it } from "vitest";
import { composeDigest, digestSize, type CorpusView } from "../../src/digest/compose.ts";
import { digestLines, linesToPlain } from "../../src/digest/texts.ts";
import type { IngestEntry } from "../../src/state/store.ts";
import type { Article, DateValue, Event } from "../../src/types.ts";

const T = Date.parse("2024-05-10T00:00:00Z");

function art(file: string, title: string, hash = `h-${file}`): Article {
  return {
    file, title, hash, langs: ["en"], paragraphs: [],
    published: { year: 2024, month: 5, day: 1, precision: "day", provenance: "stated", text: "" },
    sentences: [{ id: `${file}#0`, file, index: 0, paragraph: 0, text: `${title}. Officials discussed wind power and pipelines.`, lang: "en", caption: false }],
  };
}

const day = (year: number, month: number, d?: number): DateValue => ({ year, month, ...(d ? { day: d } : {}), precision: d ? "day" : "month", provenance: "stated", text: "" });

function ev(file: string, n: number, what: string, date: DateValue, extra: Partial<Event> = {}): Event {
  return {
    id: `${file}#e${n}`, file, kind: "meeting", what, date, participants: [], documents: [], topics: [], figures: [], evidence: [`${file}#0`], ...extra,
  };
}

const entry = (file: string, contentAt: number, extra: Partial<IngestEntry> = {}): IngestEntry => ({ file, hash: `h-${file}`, firstSeen: contentAt, contentAt, ...extra });

const corpus: CorpusView = {
  articles: [art("a.txt", "Ministers meet"), art("b.txt", "Wind farm opens"), art("c.txt", "Bilingual report"), art("d.txt", "A page without events"), art("old.txt", "Old news")],
  events: [
    ev("a.txt", 0, "Ministers met in Astana", day(2024, 4, 20), { place: "Astana", participants: [{ id: "p1", name: "Ann Lee", title: "Minister", role: "host" }] }),
    ev("a.txt", 1, "They met again", day(2024, 3)),
    ev("b.txt", 0, "A wind farm opened", day(2023, 12, 1), { topics: ["energy"] }),
    ev("c.txt", 0, "双方举行会谈", day(2024, 1, 5)),
    ev("c.txt", 1, "The two sides held talks", day(2024, 1, 5)),
    ev("old.txt", 0, "Something old", day(2020, 1, 1)),
  ],
};

const entries = [entry("a.txt", T + 10), entry("b.txt", T + 20, { firstSeen: T - 100 }), entry("c.txt", T + 30), entry("d.txt", T + 40), entry("old.txt", T)];

describe("composeDigest", () => {
  it("takes the window's articles, orders their events by date and names each source", () => {
    const { digest, missing } = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", tz: "Asia/Almaty" });
    expect(missing).toEqual([]);
    expect(digest.items.map((i) => i.what)).toEqual(["A wind farm opened", "The two sides held talks", "They met again", "Ministers met in Astana"]);
    expect(digest.items[3]).toMatchObject({ place: "Astana", who: ["Minister Ann Lee"], source: { file: "a.txt", title: "Ministers meet", published: "2024-05-01", updated: false } });
    expect(digest.items[0]!.source.updated).toBe(true);
    expect(digest.articles.map((a) => a.file)).toEqual(["d.txt"]);
    expect(digestSize(digest)).toBe(5);
    expect(digest).toMatchObject({ since: T, until: T + 100, tz: "Asia/Almaty", lang: "en" });
  });

  it("keeps a bilingual article's events in the digest's language", () => {
    const zh = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "zh" }).digest;
    expect(zh.items.map((i) => i.what)).toContain("双方举行会谈");
    expect(zh.items.map((i) => i.what)).not.toContain("The two sides held talks");
  });

  it("respects the window's ends", () => {
    const { digest } = composeDigest({ corpus, entries, since: T + 10, until: T + 20, lang: "en" });
    expect(digest.items.map((i) => i.source.file)).toEqual(["b.txt"]);
  });

  it("filters by topic words against the event, its sentence and its article", () => {
    const energy = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", topic: "energy" }).digest;
    expect(energy.items.map((i) => i.what)).toEqual(["A wind farm opened"]);
    expect(energy.articles).toEqual([]);
    const astana = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", topic: "ASTANA ministers" }).digest;
    expect(astana.items.map((i) => i.what)).toEqual(["Ministers met in Astana"]);
    const wind = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", topic: "wind" }).digest;
    expect(wind.items).toHaveLength(4);
    expect(composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", topic: "nothing-like-this" }).digest.items).toEqual([]);
  });

  it("reports registry content this corpus has not read, and skips removed files", () => {
    const r = composeDigest({
      corpus, since: T, until: T + 100, lang: "en",
      entries: [entry("new.txt", T + 1), entry("a.txt", T + 2, { hash: "other" }), entry("gone.txt", T + 3, { removedAt: T + 4 })],
    });
    expect(r.missing).toEqual(["new.txt", "a.txt"]);
    expect(r.digest.items).toEqual([]);
  });

  it("renders a heading, date groups, facts and sources as lines", () => {
    const { digest } = composeDigest({ corpus, entries, since: T, until: T + 100, lang: "en", tz: "UTC", topic: "met" });
    const text = linesToPlain(digestLines(digest));
    expect(text).toBe(
      [
        "News digest · 2 events from 1 new article",
        "New since Fri 10 May 2024, 00:00 (UTC) · topic: met",
        "",
        "March 2024",
        "• They met again",
        "   Source: Ministers meet (2024-05-01 · a.txt)",
        "",
        "April 20, 2024",
        "• Ministers met in Astana",
        "   Where: Astana · Who: Minister Ann Lee",
        "   Source: Ministers meet (2024-05-01 · a.txt)",
      ].join("\n"),
    );
    const zh = linesToPlain(digestLines(composeDigest({ corpus, entries, since: T, until: T + 100, lang: "zh", tz: "UTC" }).digest));
    expect(zh).toContain("新闻摘要");
    expect(zh).toContain("2024年4月20日");
    expect(zh).toContain("其他新文章");
  });
});
