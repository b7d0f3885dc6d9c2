/**
 * Corpus snapshots on the bundled articles (copied to a temporary folder): a core loaded from the
 * snapshot holds the same corpus and answers a fixed list of questions exactly as a freshly built one;
 * an added, changed or removed file makes it stale (rebuilt with a warning, then rewritten); a touched
 * file (new times, same bytes) keeps it; a corrupt or foreign snapshot is rebuilt with a warning.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { describeSnapshot, readSnapshot, writeSnapshot } from "../../src/index/snapshot.ts";
import { CleanArticle, setMaxDecodedArticles } from "../../src/corpus/clean.ts";
import { StoredEvent } from "../../src/index/stored.ts";
import { personLookupKeys } from "../../src/extract/aliases.ts";
import { createLogger } from "../../src/logger.ts";
import { parseQuestion } from "../../src/query/parse.ts";
import { matchingEvents, sameSeries } from "../../src/query/retrieve.ts";
import { CorpusIndex } from "../../src/index/index.ts";
import { answerQuestion } from "../../src/query/answer.ts";

const QUESTIONS = [
  "Who co-chaired the 11th Meeting of the China-Kazakhstan Cooperation Committee?",
  "Who did Li Keqiang meet in Davos?",
  "谁出席了中哈合作委员会科技合作分委会第十次会议?",
  "When was the 11th meeting of the China-Kazakhstan Cooperation Committee held?",
  "when did masimov visit beijing",
  "Where did Ding Xuexiang meet Roman Sklyar?",
  "中哈合作委员会第十一次会议在哪里举行?",
  "What did China and Kazakhstan agree on aerospace cooperation?",
  "双方签署了什么文件?",
  "How many times did Li Keqiang meet Masimov?",
  "Which meetings took place in Astana?",
  "What happened in 2023?",
  "Who won the 2018 FIFA World Cup?",
  "Who took the photo of Ding Xuexiang and Roman Sklyar in Astana?",
  "2031年在阿斯塔纳举行了什么会议?",
];

let root: string;
let data: string;
let snap: string;
let logs: string[];
let first: string;

function load(withSnapshot = true): Promise<Core> {
  const logger = createLogger("debug", { write: (line: string) => void logs.push(line) });
  return Core.load({ dataDir: data, snapshot: withSnapshot ? snap : undefined, logger });
}

// As a platform receives them (JSON): a restored event reads its fields through accessors, not own properties.
const answers = (core: Core) => JSON.parse(JSON.stringify(QUESTIONS.map((q) => core.ask(q)))) as unknown;
const state = (core: Core) => {
  const c = core.corpus;
  return JSON.parse(JSON.stringify({ articles: c.articles, events: c.events, persons: c.persons, problems: c.problems, mentions: [...c.mentions], sentenceEvent: [...c.sentenceEvent] })) as unknown;
};
const warnings = () => logs.map((l) => JSON.parse(l) as { level: number; msg: string; kind?: string; reason?: string }).filter((l) => l.level === 40 && /snapshot/.test(l.msg));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "kz-snapshot-"));
  data = join(root, "data");
  snap = join(root, "snapshots", "data.snap");
  cpSync("data", data, { recursive: true });
  first = readdirSync(data).sort()[0]!;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("corpus snapshot", () => {
  it("is written after a build and then loaded instead of the files, with identical answers", async () => {
    logs = [];
    const built = await load();
    expect(built.loaded.from).toBe("files");
    expect(built.loaded.snapshot?.kind).toBe("missing");
    await built.whenSaved();
    expect(statSync(snap).size).toBeGreaterThan(1000);
    const restored = await load();
    expect(restored.loaded.from).toBe("snapshot");
    expect(warnings()).toEqual([]);
    expect(state(restored)).toEqual(state(built));
    expect(answers(restored)).toEqual(answers(built));
    const fresh = await load(false);
    expect(answers(restored)).toEqual(answers(fresh));
  });

  it("keeps the snapshot when a file is only touched (new times, same bytes)", async () => {
    logs = [];
    const f = join(data, first);
    const later = new Date(Date.now() + 60_000);
    utimesSync(f, later, later);
    const core = await load();
    expect(core.loaded.from).toBe("snapshot");
    await core.whenSaved();
    // The rewritten snapshot records the new times: no content hash is needed next time.
    const again = await readSnapshot(snap, data);
    expect(again.ok && again.touched).toEqual([]);
  });

  it("records a file touched after loading, when a watcher names it, in the next snapshot", async () => {
    const core = await load();
    await core.whenSaved();
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(data, first), later, later);
    expect(await core.refresh({ files: [first] })).toEqual({ added: [], changed: [], removed: [] });
    expect(core.corpus.stamps.get(first)?.mtimeMs).toBe(statSync(join(data, first)).mtimeMs);
    await core.whenSaved();
    const again = await readSnapshot(snap, data);
    expect(again.ok && again.touched).toEqual([]);
    // A file added and removed the same way leaves its stamp, and the snapshot, behind.
    writeFileSync(join(data, "zz-named.txt"), "Talks in Astana\nChinese and Kazakh officials held talks in Astana on Monday.\n");
    expect((await core.refresh({ files: ["zz-named.txt"] })).added).toEqual(["zz-named.txt"]);
    expect(core.corpus.stamps.has("zz-named.txt")).toBe(true);
    unlinkSync(join(data, "zz-named.txt"));
    expect((await core.refresh({ files: ["zz-named.txt"] })).removed).toEqual(["zz-named.txt"]);
    expect(core.corpus.stamps.has("zz-named.txt")).toBe(false);
    await core.whenSaved();
    expect((await load()).loaded.from).toBe("snapshot");
  });

  it("is stale when a file's bytes change but not its size", async () => {
    const f = join(data, first);
    const before = readFileSync(f);
    const text = before.toString("utf8");
    const i = text.search(/[0-9]/);
    writeFileSync(f, text.slice(0, i) + (text[i] === "9" ? "8" : "9") + text.slice(i + 1));
    const st = await readSnapshot(snap, data);
    expect(st.ok ? "ok" : [st.kind, st.reason]).toEqual(["stale", `${first} changed (content)`]);
    writeFileSync(f, before);
    await (await load()).whenSaved();
  });

  it("is stale after a file changes: rebuilt with a warning, answers as a fresh build, rewritten", async () => {
    logs = [];
    const f = join(data, first);
    const appended = "\nThe two sides also agreed to hold the next meeting in Urumqi in 2025, officials said on Friday.\n";
    appendFileSync(f, appended);
    const core = await load();
    expect(core.loaded.from).toBe("files");
    expect(warnings().map((w) => w.kind)).toEqual(["stale"]);
    expect(warnings()[0]!.reason).toBe(`${first} changed (size ${statSync(f).size - Buffer.byteLength(appended)} → ${statSync(f).size})`);
    expect(answers(core)).toEqual(answers(await load(false)));
    await core.whenSaved();
    logs = [];
    const next = await load();
    expect(next.loaded.from).toBe("snapshot");
    expect(state(next)).toEqual(state(core));
  });

  it("is stale after a file is added or removed", async () => {
    logs = [];
    const extra = join(data, "99-extra.txt");
    writeFileSync(extra, "Kazakh Prime Minister Karim Massimov met Chinese Premier Li Keqiang in Beijing on May 5, 2016, and the two sides signed 12 agreements.\n");
    const added = await load();
    expect(added.loaded.from).toBe("files");
    expect(warnings()[0]!.reason).toMatch(/1 added \(99-extra\.txt\)/);
    expect(added.corpus.articles.map((a) => a.file)).toContain("99-extra.txt");
    await added.whenSaved();
    logs = [];
    unlinkSync(extra);
    const removed = await load();
    expect(removed.loaded.from).toBe("files");
    expect(warnings()[0]!.reason).toMatch(/1 removed \(99-extra\.txt\)/);
    expect(removed.corpus.articles.map((a) => a.file)).not.toContain("99-extra.txt");
    expect(answers(removed)).toEqual(answers(await load(false)));
    await removed.whenSaved();
  });

  it("is rebuilt with a warning when corrupt, truncated or made by another pipeline version", async () => {
    const good = readFileSync(snap);
    const at = async (name: string) => (await describeSnapshot(snap)).sections.find((x) => x.name === name)!;
    // The article list is read (and checked) by every restart.
    const articles = await at("articleFiles");
    const broken = Buffer.from(good);
    broken[articles.offset + Math.floor(articles.bytes / 2)]! ^= 0x01;
    writeFileSync(snap, broken);
    logs = [];
    const core = await load();
    expect(core.loaded.from).toBe("files");
    expect(warnings().map((w) => w.kind)).toEqual(["corrupt"]);
    expect(warnings()[0]!.reason).toMatch(/checksum mismatch|cannot decode/);
    expect(answers(core)).toEqual(answers(await load(false)));
    await core.whenSaved();
    expect((await load()).loaded.from).toBe("snapshot");

    writeFileSync(snap, good.subarray(0, good.length - 100));
    logs = [];
    expect((await load()).loaded.from).toBe("files");
    expect(warnings()[0]!.kind).toBe("corrupt");

    const other = await readSnapshot(snap, data, { fingerprint: "another-version" });
    expect(other.ok).toBe(false);
  });

  // Neither the articles' ranges nor the search postings are read by a restart: each range (each term's
  // postings) is checked when first read.
  it.each(["sentences", "articleLinks", "docs"])("finds damage in the stored %s when it reads them, answers that it is rebuilding, and rebuilds", async (name) => {
    const fresh = await load(false);
    await (await load()).whenSaved();
    const good = readFileSync(snap);
    const damaged = (await describeSnapshot(snap)).sections.find((x) => x.name === name)!;
    const broken = Buffer.from(good);
    for (let i = damaged.offset; i < damaged.offset + damaged.bytes; i += 512) broken[i]! ^= 0x01;
    writeFileSync(snap, broken);
    logs = [];
    const core = await load();
    expect(core.loaded.from).toBe("snapshot");
    const first = core.ask(QUESTIONS[0]!);
    expect(first.found).toBe(false);
    expect(first.answer).toMatch(/damaged.*rebuilt/);
    // (Damaged sentences are in every article here; of the postings, only some terms' are damaged.)
    if (name === "sentences") expect(core.ask("第十次会议在哪里召开?").answer).toMatch(/损坏.*重建/);
    expect(warnings().map((w) => w.kind)).toEqual(["corrupt"]);
    expect(warnings()[0]!.msg).toMatch(/damaged/);
    await core.whenRebuilt();
    expect(core.lastRefresh?.mode).toBe("full");
    expect(answers(core)).toEqual(answers(fresh));
    await core.whenSaved();
    logs = [];
    const next = await load();
    expect(next.loaded.from).toBe("snapshot");
    expect(answers(next)).toEqual(answers(fresh));
    expect(warnings()).toEqual([]);
  });

  it("follows a refresh: the snapshot written after it holds the new file", async () => {
    const core = await load();
    await core.whenSaved();
    writeFileSync(join(data, "98-refresh.txt"), "Chinese Vice Premier Ding Xuexiang met Kazakh First Deputy Prime Minister Roman Sklyar in Astana on June 3, 2024.\n");
    expect((await core.refresh()).added).toEqual(["98-refresh.txt"]);
    await core.whenSaved();
    logs = [];
    const next = await load();
    expect(next.loaded.from).toBe("snapshot");
    expect(next.corpus.articles.map((a) => a.file)).toContain("98-refresh.txt");
    expect(answers(next)).toEqual(answers(core));
  });

  it("decodes an article's sentences only when read, and answers the same when few may stay decoded", async () => {
    const built = await load();
    await built.whenSaved();
    const was = setMaxDecodedArticles(2);
    try {
      const restored = await load();
      expect(restored.loaded.from).toBe("snapshot");
      const stored = restored.corpus.articles.filter((a) => a instanceof CleanArticle && a.encodedSentences);
      expect(stored.length).toBe(restored.corpus.articles.length);
      // Loading (and the index's lists) decoded no event: all are still their stored bytes.
      expect(restored.corpus.events.every((e) => e instanceof StoredEvent && e.untouched)).toBe(true);
      // The index's lists come back from the snapshot as they were built.
      const lists = (c: Core) => ({
        sentences: Object.fromEntries([...c.index.sentencesOfPerson.keys()].sort().map((k) => [k, c.index.sentencesOfPerson.get(k)])),
        persons: Object.fromEntries([...c.index.eventsOfPerson.keys()].sort().map((k) => [k, c.index.eventsOfPerson.get(k)!.map((e) => e.id)])),
        places: Object.fromEntries([...c.index.eventsOfPlace.keys()].sort().map((k) => [k, c.index.eventsOfPlace.get(k)!.map((e) => e.id)])),
        years: Object.fromEntries([...c.index.eventsOfYear.keys()].sort().map((k) => [k, c.index.eventsOfYear.get(k)!.map((e) => e.id)])),
        series: Object.fromEntries([...c.index.eventsOfSeries.keys()].sort().map((k) => [k, c.index.eventsOfSeries.get(k)!.map((e) => e.id)])),
      });
      expect(lists(restored)).toEqual(lists(built));
      expect(Object.keys(lists(built).series).length).toBeGreaterThan(0);
      // The events of one series are found through its list: only those articles' events are decoded.
      const intent = parseQuestion("When was the 11th meeting of the China-Kazakhstan Cooperation Committee held?", restored.index.vocab);
      const found = matchingEvents(intent, restored.index);
      expect(found.map((e) => e.id)).toEqual(matchingEvents(intent, built.index).map((e) => e.id));
      expect(found.length).toBeGreaterThan(0);
      const ofSeries = new Set(restored.index.eventsOfSeries.keys().filter((k) => sameSeries(intent.series!, k)).flatMap((k) => restored.index.eventsOfSeries.get(k)!.map((e) => e.file)));
      const decoded = new Set(restored.corpus.events.filter((e) => !(e as StoredEvent).untouched).map((e) => e.file));
      expect([...decoded].every((f) => ofSeries.has(f))).toBe(true);
      expect(decoded.size).toBeLessThan(restored.corpus.articles.length);
      // …and so do the people's lookup keys (not built again).
      const keys = (c: Core) => {
        const k = personLookupKeys(c.corpus.persons);
        return { byKey: Object.fromEntries([...k.byKey.keys()].sort().map((x) => [x, k.byKey.get(x)!.map((p) => p.id)])), first: Object.fromEntries(k.firstCount) };
      };
      expect(keys(restored)).toEqual(keys(built));
      expect(Object.keys(lists(built).persons).length).toBeGreaterThan(5);
      // Asked twice: the second time every article's sentences were given back and decoded again.
      expect(answers(restored)).toEqual(answers(built));
      expect(answers(restored)).toEqual(answers(built));
      expect(state(restored)).toEqual(state(built));
      // Written again from the restored core (sentences copied as stored): the same corpus comes back.
      const again = join(root, "snapshots", "again.snap");
      await writeSnapshot(again, restored.corpus, restored.index.save(), { dataDir: data });
      const read = await readSnapshot(again, data);
      expect(read.ok).toBe(true);
      if (read.ok) expect(JSON.parse(JSON.stringify(read.corpus.events))).toEqual(JSON.parse(JSON.stringify(built.corpus.events)));
      // A stored event changed after decoding is written as it is now.
      const changed = restored.corpus.events[0]!;
      changed.date = { ...changed.date, year: 1999, provenance: "inferred", note: "test" };
      await writeSnapshot(again, restored.corpus, restored.index.save(), { dataDir: data });
      const reread = await readSnapshot(again, data);
      expect(reread.ok && reread.corpus.events[0]!.date).toMatchObject({ year: 1999, note: "test" });
    } finally {
      setMaxDecodedArticles(was);
    }
  });

  it("keeps the search postings it read up to a bound, reading let-go ones again, with the same answers", async () => {
    const built = await load();
    await built.whenSaved();
    const restore = async (postingsCacheMB?: number) => {
      const r = await readSnapshot(snap, data, { postingsCacheMB });
      if (!r.ok) throw new Error(r.reason);
      return { index: new CorpusIndex(r.corpus, r.saved), blobs: r.blobs };
    };
    const ask = (index: CorpusIndex) => JSON.parse(JSON.stringify(QUESTIONS.map((q) => answerQuestion(index, q)))) as unknown;
    const roomy = await restore();
    // A bound smaller than any term's postings: nothing is kept, every search reads its terms again.
    const tight = await restore(1e-9);
    expect(ask(roomy.index)).toEqual(answers(built));
    expect(ask(tight.index)).toEqual(answers(built));
    const [roomyRead, tightRead] = [roomy.blobs.bytesRead, tight.blobs.bytesRead];
    expect(ask(roomy.index)).toEqual(answers(built));
    expect(ask(tight.index)).toEqual(answers(built));
    // Asked again: the roomy cache read no postings, the tight one read them all again.
    const postingsOf = (b: typeof roomy.blobs, before: number) => b.bytesRead - before;
    expect(postingsOf(tight.blobs, tightRead)).toBeGreaterThan(0);
    expect(postingsOf(roomy.blobs, roomyRead)).toBe(0);
    roomy.blobs.close();
    tight.blobs.close();
  });
});
