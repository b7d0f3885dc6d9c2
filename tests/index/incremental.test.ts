/**
 * Incremental refresh on the bundled articles (copied to a temporary folder): adding, changing and
 * removing one article updates only that article's extraction and index entries, and the core then
 * answers a fixed list of questions as a core built from scratch on the same files does; the search
 * ranks equal scores in corpus order, as a fresh build would. A refresh told which files changed looks
 * only at those.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { personLookupKeys } from "../../src/extract/aliases.ts";
import type { Person } from "../../src/types.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";

const QUESTIONS = [
  "Who co-chaired the 11th Meeting of the China-Kazakhstan Cooperation Committee?",
  "Who did Li Keqiang meet in Davos?",
  "When was the 11th meeting of the China-Kazakhstan Cooperation Committee held?",
  "when did masimov visit beijing",
  "Where did Ding Xuexiang meet Roman Sklyar?",
  "中哈合作委员会第十一次会议在哪里举行?",
  "How many times did Li Keqiang meet Masimov?",
  "Which meetings took place in Astana?",
  "What happened in 2016?",
  "Who did Zhang Gaoli meet in Urumqi?",
  "When did Bakytzhan Sagintayev visit Urumqi?",
];

const NEW_ARTICLE = `China, Kazakhstan hold talks in Urumqi
Updated: 2016-09-02 10:15
URUMQI, Sept. 1 (Xinhua) -- Chinese Vice Premier Zhang Gaoli met Kazakh First Deputy Prime Minister Bakytzhan Sagintayev in Urumqi on Thursday, and the two sides signed five cooperation documents on energy and transport.
Zhang said China is willing to work with Kazakhstan to deepen cooperation in agriculture, energy and logistics.
`;

let root: string;
let data: string;
let core: Core;

const answers = (c: Core) => QUESTIONS.map((q) => c.ask(q));
const fresh = () => Core.load({ dataDir: data, incremental: "never" });
const searchOf = (c: Core, q: string) => c.index.searchSentences(q, 40).map((h) => [h.sentence.id, h.score.toFixed(12)]);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "kz-incremental-"));
  data = join(root, "data");
  cpSync("data", data, { recursive: true });
  core = await Core.load({ dataDir: data, incremental: "always" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("incremental refresh", () => {
  it("adds an article without rebuilding the rest, and answers like a fresh build", async () => {
    const before = core.index;
    writeFileSync(join(data, "005_new_urumqi.txt"), NEW_ARTICLE);
    expect(await core.refresh()).toEqual({ added: ["005_new_urumqi.txt"], changed: [], removed: [] });
    expect(core.lastRefresh?.mode).toBe("incremental");
    expect(core.index).toBe(before);
    const f = await fresh();
    expect(core.corpus.articles.map((a) => a.file)).toEqual(f.corpus.articles.map((a) => a.file));
    expect(core.corpus.events).toEqual(f.corpus.events);
    expect(answers(core)).toEqual(answers(f));
    for (const q of ["Zhang Gaoli Sagintayev Urumqi", "energy cooperation documents", "乌鲁木齐 会谈"]) expect(searchOf(core, q)).toEqual(searchOf(f, q));
  });

  it("follows a changed article", async () => {
    const first = readdirSync(data).sort()[0]!;
    appendFileSync(join(data, first), "\nChinese Premier Li Keqiang met Kazakh Prime Minister Karim Massimov in Astana on Dec. 14, 2015, and the two sides signed 33 agreements.\n");
    expect((await core.refresh()).changed).toEqual([first]);
    expect(core.lastRefresh?.mode).toBe("incremental");
    const f = await fresh();
    expect(answers(core)).toEqual(answers(f));
    expect(searchOf(core, "Li Keqiang Massimov Astana agreements")).toEqual(searchOf(f, "Li Keqiang Massimov Astana agreements"));
  });

  it("looks only at the files it is told about when given them (a watcher's names)", async () => {
    writeFileSync(join(data, "006_told.txt"), NEW_ARTICLE.replace("Urumqi", "Almaty"));
    writeFileSync(join(data, "007_untold.txt"), NEW_ARTICLE.replace("Urumqi", "Shymkent"));
    expect(await core.refresh({ files: ["006_told.txt", ".hidden/x.txt", "notes.pdf"] })).toEqual({ added: ["006_told.txt"], changed: [], removed: [] });
    expect(core.corpus.articles.map((a) => a.file)).not.toContain("007_untold.txt");
    unlinkSync(join(data, "006_told.txt"));
    expect(await core.refresh({ files: ["006_told.txt"] })).toEqual({ added: [], changed: [], removed: ["006_told.txt"] });
    // A full scan finds the other one.
    expect((await core.refresh()).added).toEqual(["007_untold.txt"]);
    unlinkSync(join(data, "007_untold.txt"));
    expect((await core.refresh()).removed).toEqual(["007_untold.txt"]);
  });

  it("drops a removed article from events, lists and search", async () => {
    unlinkSync(join(data, "005_new_urumqi.txt"));
    expect((await core.refresh()).removed).toEqual(["005_new_urumqi.txt"]);
    expect(core.corpus.events.some((e) => e.file === "005_new_urumqi.txt")).toBe(false);
    expect(core.index.searchSentences("Sagintayev Urumqi").some((h) => h.sentence.file === "005_new_urumqi.txt")).toBe(false);
    for (const list of core.index.eventsOfPerson.values()) expect(list.some((e) => e.file === "005_new_urumqi.txt")).toBe(false);
    const f = await fresh();
    expect(core.corpus.events).toEqual(f.corpus.events);
    expect(answers(core)).toEqual(answers(f));
  });
});

describe("incremental refresh prepared ahead (as the live corpus does at start-up)", () => {
  it.each(["at once", "in slices"])("answers after a change like a fresh build, with the bookkeeping built before the change (%s)", async (how) => {
    const dir = mkdtempSync(join(tmpdir(), "kz-prepared-"));
    try {
      cpSync("data", dir, { recursive: true });
      const c = await Core.load({ dataDir: dir, incremental: "always" });
      if (how === "at once") expect(c.prepareUpdates()).toBeGreaterThan(0);
      else expect(await c.prepareUpdatesPaced()).toBeGreaterThan(0);
      writeFileSync(join(dir, "005_new_urumqi.txt"), NEW_ARTICLE);
      // An article whose year comes from another one ("last September" + the same people's dated talks).
      writeFileSync(join(dir, "008_last_sept.txt"), "Zhang Gaoli recalls talks\nZhang Gaoli said the talks he held with Bakytzhan Sagintayev in Urumqi last September were fruitful.\n");
      await c.refresh({ files: ["005_new_urumqi.txt", "008_last_sept.txt"] });
      expect(c.lastRefresh?.mode).toBe("incremental");
      const f = await Core.load({ dataDir: dir, incremental: "never" });
      expect(c.corpus.events).toEqual(f.corpus.events);
      expect(answers(c)).toEqual(answers(f));
      expect(f.prepareUpdates()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("preparing in slices, overtaken by a change", () => {
  it("stops when a change comes first, and the change and the next one answer like a fresh build", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kz-overtaken-"));
    try {
      cpSync("data", dir, { recursive: true });
      // Enough people for the preparation to pause (it looks at the clock every 32 people or articles).
      await generateCorpus(join(dir, "generated"), 40, 1);
      const c = await Core.load({ dataDir: dir, incremental: "always" });
      // The preparation stops at its first pause until the change is done.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let pauses = 0;
      const prepared = c.prepareUpdatesPaced({ sliceMs: 0, pause: () => (pauses++, gate) });
      writeFileSync(join(dir, "005_new_urumqi.txt"), NEW_ARTICLE);
      await c.refresh({ files: ["005_new_urumqi.txt"] });
      expect(c.lastRefresh?.mode).toBe("incremental");
      release();
      expect(await prepared).toBe(0);
      expect(pauses).toBe(1);
      writeFileSync(join(dir, "008_last_sept.txt"), "Zhang Gaoli recalls talks\nZhang Gaoli said the talks he held with Bakytzhan Sagintayev in Urumqi last September were fruitful.\n");
      await c.refresh({ files: ["008_last_sept.txt"] });
      const f = await Core.load({ dataDir: dir, incremental: "never" });
      expect(c.corpus.events).toEqual(f.corpus.events);
      expect(answers(c)).toEqual(answers(f));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("person lookup keys across a change", () => {
  // The keys as a fresh build of the same persons would make them (a new array: nothing cached for it).
  const keysOf = (persons: Person[]) => {
    const k = personLookupKeys(persons);
    return { byKey: Object.fromEntries([...k.byKey.keys()].sort().map((key) => [key, k.byKey.get(key)!.map((p) => p.id)])), firstCount: Object.fromEntries([...k.firstCount].sort()) };
  };
  const NEWCOMER = `Kazakh energy minister visits Xi'an
Updated: 2017-05-12 09:00
XI'AN, May 11 (Xinhua) -- Chinese Vice Premier Zhang Gaoli met Kazakh Energy Minister Kanat Bozumbayev in Xi'an on Thursday.
Bozumbayev said Kazakhstan would expand oil and gas exports to China.
`;

  it("are carried over, not rebuilt, and equal those of a fresh build after adding, changing and removing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kz-keys-"));
    try {
      cpSync("data", dir, { recursive: true });
      const c = await Core.load({ dataDir: dir, incremental: "always" });
      c.warmUp();
      const step = async (files: string[]) => {
        const before = personLookupKeys(c.corpus.persons);
        await c.refresh({ files });
        expect(c.lastRefresh?.mode).toBe("incremental");
        // The same keys object, changed in place for the new persons array.
        expect(personLookupKeys(c.corpus.persons)).toBe(before);
        expect(keysOf(c.corpus.persons)).toEqual(keysOf([...c.corpus.persons]));
      };
      writeFileSync(join(dir, "009_newcomer.txt"), NEWCOMER);
      await step(["009_newcomer.txt"]);
      expect(c.ask("Who did Kanat Bozumbayev meet in Xi'an?").found).toBe(true);
      // A new spelling of a person named in another article, and a removal.
      const tokayev = () => c.corpus.persons.find((p) => p.aliases.includes("Tokayev"))!;
      const spellings = tokayev().aliases.length;
      appendFileSync(join(dir, "009_newcomer.txt"), "Kanat Bozumbayev also met President Kassym-Jomart Tokaev.\n");
      await step(["009_newcomer.txt"]);
      expect(tokayev().aliases.length).toBe(spellings + 1);
      unlinkSync(join(dir, "009_newcomer.txt"));
      await step(["009_newcomer.txt"]);
      expect(c.ask("Who did Kanat Bozumbayev meet in Xi'an?").found).toBe(false);
      const f = await Core.load({ dataDir: dir, incremental: "never" });
      expect(answers(c)).toEqual(answers(f));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
