import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { Core } from "../../src/core.ts";
import { findPersonsIn, parseQuestion } from "../../src/query/parse.ts";

let core: Core;
beforeAll(async () => {
  core = await Core.load({ dataDir: "tests/fixtures/core" });
});

describe("Core over a crafted corpus", () => {
  it("extracts the committee session with co-chairs, ordinal, place and stated date", () => {
    const ev = core.events().find((e) => e.ordinal === 9)!;
    expect(ev.place).toBe("Almaty");
    expect(ev.date).toMatchObject({ year: 2019, month: 3, day: 5 });
    expect(ev.participants.map((p) => [p.name, p.role]).sort()).toEqual([["Askar Mamin", "co-chair"], ["Han Zheng", "co-chair"]]);
  });

  it("answers for one side when the question names it", () => {
    const a = core.ask("Which Kazakh official co-chaired the 9th committee meeting?");
    expect(a.answer).toMatch(/^Askar Mamin/);
    expect(a.answer).not.toMatch(/^Han Zheng/);
    expect(core.ask("能源合作分委会第七次会议的中方代表是谁?").answer).toMatch(/^李明/);
    expect(core.ask("who represented china at the 9th committee meeting?").answer).toMatch(/^Han Zheng \(/);
    expect(core.ask("谁代表哈萨克斯坦出席了第九次合作委员会会议?").answer).toMatch(/^Askar Mamin/);
  });

  it("'how many meetings has <series> held' answers with the highest session number reported, in either language", () => {
    expect(core.ask("how many meetings has the China-Kazakhstan Cooperation Committee held?").answer).toMatch(/^At least 9: the corpus reports the 9th meeting \(March 5, 2019, Almaty\)/);
    expect(core.ask("how many sessions has the Energy Cooperation Sub-Committee held?").answer).toMatch(/^At least 7:/);
    expect(core.ask("能源合作分委会一共开过几次会议?").answer).toMatch(/^至少7次/);
  });

  it("the leading question word decides ('who … when it was held'); 'dates + places' lists the meetings", () => {
    expect(core.ask("who co-chaired the 9th committee meeting when it was held in Almaty?").answer).toMatch(/^Askar Mamin .* and Han Zheng/);
    expect(core.ask("han zheng–askar mamin meetings: dates + places?").answer).toMatch(/^2 times in the corpus: March 5, 2019 in Almaty; January 22, 2020/);
  });

  it("takes no adjective for a series name ('the second regular meeting of the heads of government')", () => {
    const i = parseQuestion("where was the second regular meeting of the heads of government held?", core.index.vocab);
    expect([i.ordinal, i.series]).toEqual([2, "heads of government"]);
    expect(parseQuestion("中哈总理第二次定期会晤在哪开的?", core.index.vocab).ordinal).toBe(2);
  });

  it("'how many prime ministers did X meet' counts the distinct people of that office ('PMs' too)", () => {
    expect(core.ask("how many PMs did Han Zheng meet?").answer).toMatch(/^1: Askar Mamin \(Prime Minister, Kazakhstan\)\./);
    expect(core.ask("how many presidents did Han Zheng meet?").found).toBe(false);
  });

  it("reads the series of a long Chinese question from the last clause word before the ordinal", () => {
    expect(core.ask("韩正在阿拉木图与谁共同主持了中哈合作委员会第九次会议?").answer).toMatch(/^Askar Mamin/);
  });

  it("lists the meetings of a series, in either language", () => {
    const a = core.ask("List the meetings of the Energy Cooperation Sub-Committee");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^1 event/);
    expect(a.answer).toContain("西安");
    expect(core.ask("列出在阿拉木图举行的会议").answer).toMatch(/^共1项/);
  });

  it("understands spans of years", () => {
    expect(core.ask("How many times did Han Zheng meet Askar Mamin between 2019 and 2020?").answer).toMatch(/^2 /);
    expect(core.ask("How many times did Han Zheng meet Askar Mamin since 2020?").answer).toMatch(/^1 /);
    expect(core.ask("韩正和马明2019年至2019年会见了几次?").answer).toMatch(/^1次/);
  });

  it("narrows 'where did X meet Y' by a month written in lower case, and lists every meeting otherwise", () => {
    expect(core.ask("where did han zheng meet mamin in january?").answer).toMatch(/^In Geneva/);
    expect(core.ask("where did han zheng meet mamin in march?").answer).toMatch(/^In Almaty/);
    expect(core.ask("where did han zheng meet mamin?").answer).toMatch(/^2 times .*Almaty.*Geneva/);
  });

  it("answers Chinese questions from English sentences through the dictionary", () => {
    expect(core.ask("双方签署了多少份粮食贸易协议?").answer).toMatch(/^12。/);
    expect(core.ask("第九次合作委员会会议在哪个城市举行?").answer).toMatch(/^地点:阿拉木图/);
  });

  it("sets aside the people a question excludes, and quotes the sentence naming the answer", () => {
    const a = core.ask("who did askar mamin meet in geneva apart from han zheng?");
    expect(a.found).toBe(false);
    const all = core.ask("who did askar mamin meet in geneva?");
    expect(all.answer).toMatch(/^Han Zheng/);
    expect(core.ask("除了韩正,马明还会见了谁?").answer).not.toMatch(/韩正|Han Zheng/);
  });

  it("answers 'date + place' with both", () => {
    expect(core.ask("9th committee meeting: date + place?").answer).toMatch(/^March 5, 2019, in Almaty\./);
    expect(core.ask("第九次合作委员会会议的时间和地点?").answer).toMatch(/^时间:2019年3月5日,地点:阿拉木图/);
  });

  it("does not answer about a country or thing the corpus never mentions, even beside a known place", () => {
    expect(core.ask("韩正什么时候访问美国?").found).toBe(false);
    expect(core.ask("how long is the almaty metro?").found).toBe(false);
    // A name written in lower case, as terse questions do.
    expect(core.ask("when did putin visit almaty?").found).toBe(false);
    expect(core.ask("when did mamin meet han zheng in almaty?").found).toBe(true);
  });

  it("answers when a report was published with its own date, or says it gives none", () => {
    expect(core.ask("when was the article about the 9th committee meeting published?").answer).toBe("“Kazakhstan, China sign grain corridor deals” was published March 6, 2019.");
    const both = core.ask("关于韩正的报道是什么时候发布的?").answer;
    expect(both).toMatch(/^2篇报道:/);
    expect(both).toContain("发布于2019年3月6日");
    expect(both).toContain("没有写明发布日期");
    const undated = core.ask("when was the report on the 7th energy sub-committee meeting published?");
    expect(undated.found).toBe(false);
    expect(undated.answer).toMatch(/gives no publish date/);
  });

  it("takes a family name alone for its person when a verb, not a given name, follows it", () => {
    const { persons, terms } = core.index.vocab;
    const han = persons.find((p) => p.aliases.includes("Han Zheng"))!.id;
    for (const q of ["when was han attending talks?", "where was han headed?", "what did han stress?"]) expect(findPersonsIn(q, persons, terms)).toContain(han);
    expect(findPersonsIn("when did han wentao arrive?", persons, terms)).not.toContain(han);
  });

  it("reads a word misspelt by one letter as the corpus word", () => {
    expect(core.ask("who co-chaired the 9th comittee meeting?").answer).toMatch(/Han Zheng.*Mamin/);
    expect(core.ask("how many agreemnts did they sign on grain trade?").answer).toMatch(/^12 agreements/);
  });

  it("does not read an English word the corpus lacks as the corpus word one letter away", async () => {
    // The bundled articles say "field" and never "yield": a question about a yield is not about a field.
    const { vocab } = (await Core.load({ dataDir: "data" })).index;
    expect(vocab.terms.has("field")).toBe(true);
    expect(vocab.terms.has("yield")).toBe(false);
    const { terms } = parseQuestion("what was the grain yield in 2019?", vocab);
    expect(terms).toContain("yield");
    expect(terms).not.toContain("field");
    expect(parseQuestion("who co-chaired the 9th comittee meeting?", vocab).terms).toContain("committe");
  });

  it("answers what office a person holds, in either language", () => {
    expect(core.ask("what's han zheng's title?").answer).toMatch(/^Han Zheng: Vice Premier/);
    expect(core.ask("what position does askar mamin hold?").answer).toMatch(/^Askar Mamin: Prime Minister/);
    expect(core.ask("李明是什么职务?").answer).toMatch(/^李明:中国国家能源局副局长/);
    // An office that says something is not asked about as a title.
    expect(core.ask("what did the press office say about han zheng and the grain deals?").answer).not.toMatch(/^Han Zheng: /);
  });

  it("lists the events of a day, not of its month", () => {
    const a = core.ask("what happened on March 5, 2019?");
    expect(a.answer).toMatch(/^1 event/);
  });

  it("infers a missing year from another article and says which", () => {
    const ev = core.events().find((e) => e.file === "a3.txt" && e.place === "Geneva")!;
    expect(ev.date).toMatchObject({ year: 2020, month: 1, day: 22, provenance: "inferred" });
    expect(ev.date.note).toContain("a1.txt");
  });

  it("answers who/where/when with the fact in the answer and a quoted source", () => {
    const who = core.ask("who co-chaired the 9th cooperation committee meeting?");
    expect(who.found).toBe(true);
    expect(who.answer).toMatch(/Han Zheng/);
    expect(who.answer).toMatch(/Mamin/);
    expect(who.sources[0]).toMatchObject({ file: "a1.txt", title: "Kazakhstan, China sign grain corridor deals", date: "2019-03-06" });
    expect(core.ask("Where was the 9th committee meeting held?").answer).toMatch(/^In Almaty/);
    expect(core.ask("when did han zheng meet mammin in geneva").answer).toMatch(/January 22, 2020/);
  });

  it("counts meetings across articles and spellings", () => {
    const a = core.ask("How many times did Han Zheng meet Askar Mamin?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^2 /);
  });

  it("answers figures and Chinese questions", () => {
    expect(core.ask("How many agreements were signed in Almaty?").answer).toContain("12");
    const zh = core.ask("能源合作分委会第七次会议在哪里举行?");
    expect(zh.lang).toBe("zh");
    expect(zh.answer).toContain("西安");
    expect(core.ask("谁共同主持了能源合作分委会会议?").answer).toMatch(/李明/);
  });

  it("matches Chinese questions word by word, a country by any of its names", () => {
    const a = core.ask("哈萨克斯坦和中国在能源分委会会后签署了什么?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("会议纪要");
  });

  it("lists every meeting of two people when the question does not pick one", () => {
    const a = core.ask("where did han zheng meet mamin?");
    expect(a.answer).toMatch(/^2 times/);
    expect(a.answer).toMatch(/Almaty/);
    expect(a.answer).toMatch(/Geneva/);
  });

  it("finds people named in Chinese characters when the corpus spells them in Latin letters", () => {
    const a = core.ask("韩正和马明在哪里会见?");
    expect(a.lang).toBe("zh");
    expect(a.answer).toMatch(/Almaty/);
    expect(a.answer).toMatch(/Geneva/);
  });

  it("describes a person for 'who is'", () => {
    const a = core.ask("Who is Askar Mamin?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Askar Mamin: Prime Minister, Kazakhstan/);
    expect(a.answer).toContain("9th China-Kazakhstan Cooperation Committee");
  });

  it("answers a Chinese question from an English article through the glossary", () => {
    const a = core.ask("在阿拉木图签署了多少项协议?");
    expect(a.found).toBe(true);
    expect(a.lang).toBe("zh");
    expect(a.answer).toContain("12");
  });

  it("does not take one title for another ('vice premier' is not 'prime minister')", () => {
    const a = core.ask("Who is the Chinese prime minister?");
    expect(a.answer).not.toMatch(/^Han Zheng/);
  });

  it("says not found rather than guessing", () => {
    expect(core.ask("Who co-chaired the 10th meeting of the cooperation committee?").found).toBe(false);
    expect(core.ask("When did Tokayev visit Paris?").found).toBe(false);
    const a = core.ask("What happened at the Zurich marathon?");
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/nothing about|does not say/);
  });

  it("gives help for empty, huge or nonsense input without throwing", () => {
    for (const q of ["", "   ", "?!?", "x".repeat(5000)]) {
      const a = core.ask(q);
      expect(a.found).toBe(false);
      expect(a.help).toBe(true);
      expect(a.answer.length).toBeLessThan(400);
    }
  });

  it("suggests example questions that it can answer", () => {
    for (const lang of ["en", "zh"] as const) {
      const examples = core.examples(lang);
      expect(examples).toHaveLength(3);
      for (const q of examples) if (!/latest meeting|最近的会议|attended the meeting|出席了会议|What was signed|签署了哪些/.test(q)) expect(core.ask(q).found, q).toBe(true);
    }
  });

  it("summarises the corpus", () => {
    const s = core.summary();
    expect(s.articles).toBe(3);
    expect(s.languages.sort()).toEqual(["en", "zh"]);
    expect(s.from).toMatch(/^2019-03/);
    expect(s.to).toBe("2020-01-22");
  });
});

describe("Core.refresh", () => {
  /** A temporary folder holding the fixture article a1.txt (removed after the test). */
  async function folderWithA1(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await cp("tests/fixtures/core/a1.txt", join(dir, "a1.txt"));
    return dir;
  }

  it("picks up added, changed and removed files without a restart", async () => {
    const dir = await folderWithA1("refresh-");
    const live = await Core.load({ dataDir: dir });
    expect(live.ask("能源合作分委会第七次会议在哪里举行?").found).toBe(false);
    await cp("tests/fixtures/core/a2.txt", join(dir, "a2.txt"));
    expect(await live.refresh()).toEqual({ added: ["a2.txt"], changed: [], removed: [] });
    expect(live.ask("能源合作分委会第七次会议在哪里举行?").answer).toContain("西安");
    await writeFile(join(dir, "a2.txt"), "近日,中国-哈萨克斯坦合作委员会能源合作分委会第七次会议在兰州举行。");
    expect((await live.refresh()).changed).toEqual(["a2.txt"]);
    expect(live.ask("能源合作分委会第七次会议在哪里举行?").answer).toContain("兰州");
    await rm(join(dir, "a2.txt"));
    expect((await live.refresh()).removed).toEqual(["a2.txt"]);
    expect(live.ask("能源合作分委会第七次会议在哪里举行?").found).toBe(false);
    expect(await live.refresh()).toEqual({ added: [], changed: [], removed: [] });
  });

  it("keeps the summary (built in slices or on demand) until the corpus changes", async () => {
    const dir = await folderWithA1("summary-");
    const live = await Core.load({ dataDir: dir });
    await live.prepareSummary();
    const before = live.summary();
    expect(before.titles.map((t) => t.file)).toEqual(["a1.txt"]);
    expect(live.summary()).toBe(before);
    await cp("tests/fixtures/core/a2.txt", join(dir, "a2.txt"));
    await live.refresh();
    const after = live.summary();
    expect(after.articles).toBe(2);
    expect(after.titles.map((t) => t.file)).toEqual(["a1.txt", "a2.txt"]);
    // The same as a core that never saw the first corpus.
    expect(after).toEqual((await Core.load({ dataDir: dir })).summary());
  });
});

describe("first person in a signed article", () => {
  it("is the article's author", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "signed-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      join(dir, "op.txt"),
      "Updated: 2021-05-03 08:00\nPresident Aigerim Tulegenova published a signed article in the newspaper Zhas Alash on Monday ahead of her state visit.\nFollowing is the full text of the article:\nThis will be my fourth visit to your country. I will attend the regional trade fair in Lanzhou.\n",
    );
    const c = await Core.load({ dataDir: dir });
    const a = c.ask("Which fair will Aigerim Tulegenova attend?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("regional trade fair");
  });
});

describe("Core.warmUp", () => {
  it("builds the query stage's dictionaries ahead of questions without changing any answer", async () => {
    const cold = await Core.load({ dataDir: "tests/fixtures/core" });
    const warm = await Core.load({ dataDir: "tests/fixtures/core" });
    expect(warm.warmUp()).toBeGreaterThanOrEqual(0);
    for (const q of ["Who co-chaired the 9th committee meeting?", "第九次会议在哪里举行?", "Who did Han Zheng meet?", "When did Putin visit?"])
      expect(warm.ask(q)).toEqual(cold.ask(q));
  });
});
