/**
 * The sentence search against MiniSearch, which it replaces: the same hits, scores and matched terms
 * for the same OR queries over the bundled corpus; documents removed and added again rank as in a
 * fresh build; a saved and restored index answers the same.
 */
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/corpus/corpus.ts";
import { listDocIds, SentenceSearch, withinOneEdit } from "../../src/index/search.ts";
import { tokenize } from "../../src/index/tokenize.ts";
import type { Sentence } from "../../src/types.ts";

let sentences: Sentence[] = [];
let mini: MiniSearch<Sentence>;
let search: SentenceSearch;
const identity = (t: string) => t;
const queries: string[][] = [];

beforeAll(async () => {
  const corpus = await buildCorpus("data");
  sentences = corpus.articles.flatMap((a) => a.sentences);
  mini = new MiniSearch<Sentence>({ fields: ["text"], storeFields: [], tokenize, processTerm: identity });
  mini.addAll(sentences);
  search = new SentenceSearch();
  for (const s of sentences) search.add(s.id, tokenize(s.text));
  search.seal();
  // Deterministic pseudo-random queries made of words from the corpus (with repeats and unknown words).
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 300; i++) {
    const toks = tokenize(sentences[Math.floor(rnd() * sentences.length)]!.text);
    const q = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => toks[Math.floor(rnd() * toks.length)]!);
    if (i % 5 === 0) q.push("zzzunknown", q[0]!);
    queries.push(q);
  }
});

const viaMini = (q: string[], limit: number) =>
  mini
    .search(q.join(" "), { tokenize, processTerm: identity, combineWith: "OR" })
    .slice(0, limit)
    .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));

describe("SentenceSearch", () => {
  it("returns MiniSearch's hits, scores and matched terms", () => {
    for (const q of queries) expect(search.search(tokenize(q.join(" ")), 40)).toEqual(viaMini(q, 40));
  });

  it("searches within a set of documents as the full search ranks them, and forgets the set afterwards", () => {
    const within = sentences.filter((_, i) => i % 3 === 0).map((s) => s.id);
    const keep = new Set(within);
    for (const q of queries.slice(0, 100)) {
      const terms = tokenize(q.join(" "));
      expect(search.search(terms, 10, within)).toEqual(search.search(terms).filter((h) => keep.has(h.id)).slice(0, 10));
      expect(search.search(terms, 40)).toEqual(viaMini(q, 40));
    }
  });

  it("counts documents per term like the sentences do", () => {
    const df = new Map<string, number>();
    for (const s of sentences) for (const t of new Set(tokenize(s.text))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) expect(search.docFrequency(t)).toBe(n);
  });

  it("finds terms one edit away, as MiniSearch's fuzzy search does", () => {
    const words = ["massimov", "masimov", "astana", "astanaa", "xyzzyq", "cooper", "kazakhstan", "kazakstan", ""];
    for (const w of words) {
      const hit = mini.search(w, { tokenize: (x) => [x], processTerm: identity, fuzzy: 1, prefix: false }).length > 0;
      expect(search.hasNear(w), w).toBe(hit);
    }
    expect(withinOneEdit("abc", "abd")).toBe(true);
    expect(withinOneEdit("abc", "ab")).toBe(true);
    expect(withinOneEdit("abc", "bca")).toBe(false);
  });

  it("ranks a removed and re-added article as a fresh build would, and survives export/import", () => {
    const file = sentences[0]!.file;
    const own = sentences.filter((s) => s.file === file);
    const order = new Map(sentences.map((s, i) => [s.id, i] as const));
    const live = SentenceSearch.fromParts(search.exportParts(), listDocIds(sentences.map((s) => s.id)));
    for (const s of own) live.remove(s.id, tokenize(s.text));
    expect(live.size).toBe(sentences.length - own.length);
    // Added back at the end of the document list, but with order keys that put it first again.
    for (const s of own) live.add(s.id, tokenize(s.text), order.get(s.id)! - 0.5);
    for (const q of queries.slice(0, 100)) {
      const got = live.search(tokenize(q.join(" ")), 40);
      const want = viaMini(q, 40);
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
    }
    const parts = live.exportParts();
    expect(parts.ids).toEqual(sentences.map((s) => s.id));
    const restored = SentenceSearch.fromParts(parts, listDocIds(parts.ids));
    for (const q of queries.slice(0, 50)) expect(restored.search(tokenize(q.join(" ")), 40).map((h) => h.id)).toEqual(viaMini(q, 40).map((h) => h.id));
  });
});

describe("SentenceSearch over more documents than one scoring block", () => {
  // 70,000 short documents over a small vocabulary: every common term's postings cross several blocks
  // of documents; some are removed and others added after sealing (postings of their own).
  const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  // Skewed: low-numbered words are common, high-numbered ones rare.
  const word = () => words[Math.floor(words.length * rnd() ** 3)]!;
  const docs = Array.from({ length: 70_000 }, (_, i) => ({ id: `d${i}`, toks: Array.from({ length: 2 + Math.floor(rnd() * 10) }, word) }));
  const big = new SentenceSearch();
  const bigMini = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: [], tokenize: (t) => t.split(" "), processTerm: identity });
  for (const d of docs.slice(0, 60_000)) big.add(d.id, d.toks);
  big.seal();
  for (const d of docs.slice(60_000)) big.add(d.id, d.toks);
  for (let i = 0; i < 70_000; i += 7) big.remove(docs[i]!.id, docs[i]!.toks);
  const live = docs.filter((_, i) => i % 7 !== 0);
  bigMini.addAll(live.map((d) => ({ id: d.id, text: d.toks.join(" ") })));
  const bigQueries = Array.from({ length: 16 }, () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, word));

  it("returns MiniSearch's hits and scores, in its order (ties in document order)", () => {
    for (const q of bigQueries) {
      const want = bigMini.search(q.join(" "), { tokenize: (t) => t.split(" "), processTerm: identity, combineWith: "OR" }).slice(0, 25);
      const got = big.search(q, 25);
      expect(got.map((h) => h.id)).toEqual(want.map((r) => r.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
    }
  });

  it("ranks within a set of documents as the full search does, with or without a limit", () => {
    const within = live.filter((_, i) => i % 5 === 0).map((d) => d.id);
    const keep = new Set(within);
    for (const q of bigQueries.slice(0, 10)) {
      const all = big.search(q);
      expect(all.length).toBe(new Set(live.filter((d) => d.toks.some((t) => q.includes(t))).map((d) => d.id)).size);
      expect(big.search(q, 30, within)).toEqual(all.filter((h) => keep.has(h.id)).slice(0, 30));
    }
  });
});
