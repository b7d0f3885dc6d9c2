import { beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { seriesNamed } from "../../src/query/parse.ts";
import { namedOfKind } from "../../src/query/compose.ts";

// u1: a Chinese article with no publish date that names 2019 and a year-less "6月12日";
// u2: a dated English report of a cultural sub-committee meeting; u3: a Chinese one-line meeting
// report; u4: an English report with figures of length and duration and "to meet demand".
let core: Core;
beforeAll(async () => {
  core = await Core.load({ dataDir: "tests/fixtures/undated" });
});

describe("dates an undated article leaves open", () => {
  it("accepts a year soon after the latest one the article names, never resolving it", () => {
    const a = core.ask("2020年6月刘洋和阿斯卡罗夫签署了什么文件?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("联合声明");
    expect(core.ask("what did liu yang sign in 2021?").found).toBe(true);
  });
  it("does not stretch to years far from it, or to another month", () => {
    expect(core.ask("2025年6月刘洋签署了什么文件?").found).toBe(false);
    expect(core.ask("2020年3月刘洋签署了什么文件?").found).toBe(false);
  });
});

describe("series named without an ordinal", () => {
  it("reads the subject of a committee from the question", () => {
    expect(seriesNamed("who co-chaired the china-kazakhstan energy sub-committee meeting in 2018?")).toBe("china-kazakhstan energy sub-committee");
    expect(seriesNamed("list the meetings of the sub-committee on transport cooperation")).toBe("sub-committee on transport cooperation");
    expect(seriesNamed("中哈能源合作分委会会议在哪里举行?")).toBe("中哈能源合作分委会");
    expect(seriesNamed("when did the committee meet?")).toBeUndefined();
    expect(seriesNamed("2023 cooperation committee: who was the chinese co-chair?")).toBeUndefined();
  });
  it("answers for that series and not for another one", () => {
    expect(core.ask("who co-chaired the culture sub-committee meeting?").answer).toMatch(/^Chen Hua .*Aidar Bekov/);
    expect(core.ask("who co-chaired the energy sub-committee meeting in 2018?").found).toBe(false);
  });
});

describe("answers naming Chinese officials to English readers", () => {
  it("gives the pinyin with the characters the source uses", () => {
    expect(core.ask("who did askarov meet?").answer).toMatch(/^Liu Yang \(刘洋, 中国国家主席/);
  });
});

describe("places and figures as questions name them", () => {
  it("finds a Chinese place asked in pinyin", () => {
    const a = core.ask("which meetings took place in chongqing?");
    expect(a.answer).toMatch(/^1 event: November 3 \(year not stated\): the 5th meeting of 中哈能源合作分委会/);
  });
  it("finds a place the corpus spells in pinyin when the question writes it in characters", () => {
    expect(core.ask("哪些会议在北京举行?").answer).toMatch(/^共1项:2018年11月3日: the 5th Sub-Committee on Cultural Cooperation/);
  });
  it("lists gatherings for 'which meetings', every kind of event for 'what happened'", () => {
    expect(core.ask("which meetings took place in beijing?").answer).toMatch(/^1 event: November 3, 2018/);
    expect(core.ask("what happened in beijing?").answer).toMatch(/^2 events: May 2018: .*film co-production agreement.*November 3, 2018/);
  });
  it("answers where someone headed next with a place other than the one the question names", () => {
    expect(core.ask("where was wang jianguo headed after kazakhstan?").answer).toMatch(/^In Tashkent \(塔什干\)/);
    expect(core.ask("王建国访问结束后前往哪里?").answer).toMatch(/^地点:塔什干/);
  });
  it("takes one Chinese speech verb for another (表示 = 指出)", () => {
    expect(core.ask("李强表示了什么?").answer).toContain("前景广阔");
  });
  it("reads 'how long' as a duration or a length, whichever is asked", () => {
    expect(core.ask("how long can visitors stay?").answer).toMatch(/^30 calendar days\./);
    expect(core.ask("how long is the pipeline?").answer).toMatch(/^1,200 km\./);
  });
  it("takes a launch for a happening, with its date and place", () => {
    const ev = core.events().find((e) => e.file === "u5.txt" && e.date.day === 29);
    expect(ev).toMatchObject({ kind: "ceremony", place: "Aktobe", date: { year: 2020, month: 11, day: 29 } });
  });
  it("keeps what happened 'before the talks' in the talks, at another venue too", () => {
    expect(core.ask("王建国和努尔兰诺夫会见了几次?").answer).toMatch(/^1次:2017年6月8日/);
  });
  it("does not take 'to meet demand' for a meeting", () => {
    expect(core.events().filter((e) => e.file === "u4.txt" && e.kind === "meeting")).toEqual([]);
  });
});

describe("figures and names of the kind asked for", () => {
  it("answers a value asked in Chinese with money, a rank with the ordinal", () => {
    expect(core.ask("签署的文件价值多少?").answer).toMatch(/^\$2 billion。/);
    expect(core.ask("中国在投资者中排名第几?").answer).toMatch(/^ranks second。/);
  });
  it("counts with 'a dozen' when it counts the asked thing", () => {
    expect(core.ask("how many pumping stations in the south are expected to start?").answer).toMatch(/^a dozen more pumping stations\./);
  });
  it("picks out the name of an institution of the asked kind", () => {
    expect(namedOfKind("an honorary doctorate from the Nazarbayev University in Astana", ["大学"])).toBe("Nazarbayev University");
    expect(namedOfKind("习近平在纳扎尔巴耶夫大学发表演讲", ["大学"])).toBe("纳扎尔巴耶夫大学");
    expect(namedOfKind("talks in Astana", ["大学"])).toBeUndefined();
  });
});
