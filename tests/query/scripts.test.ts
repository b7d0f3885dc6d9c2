import { beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { findPeople } from "../../src/extract/people.ts";

// Names written in one script in the corpus and another in the question (tests/fixtures/scripts).
let core: Core;
beforeAll(async () => {
  core = await Core.load({ dataDir: "tests/fixtures/scripts" });
});

describe("names across scripts", () => {
  it("reads a Chinese name in the question as the pinyin the English article writes, letters doubled across the join too", () => {
    const a = core.ask("王国斌是什么职务?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Wang Guobin:vice chairman of China's State Grain Administration/);
  });
  it("reads a place asked in characters as the pinyin the English article writes (洛阳 = Luoyang)", () => {
    const a = core.ask("谁访问了洛阳?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Saparkhan Omarov/);
  });
  it("reads a question in traditional characters as the simplified one", () => {
    const a = core.ask("王國斌是什麼職務?");
    expect(a.answer).toBe(core.ask("王国斌是什么职务?").answer);
    expect(a.question).toBe("王國斌是什麼職務?"); // echoed as asked
  });
  it("reads a Latin spelling of a name the corpus writes only in characters by its sound, possessive or not", () => {
    for (const q of ["who is Dauletov?", "what is Dauletov's title?"]) {
      const a = core.ask(q);
      expect(a.found, q).toBe(true);
      expect(a.answer, q).toMatch(/^达乌列托夫: 哈萨克斯坦文化和体育部副部长/);
    }
    expect(core.ask("who is Daulenov?").found).toBe(false);
  });
});

describe("Chinese answers", () => {
  it("name a person the corpus also writes in characters by those, with the Latin name, office and country", () => {
    expect(core.ask("李明华在阿斯塔纳会见了谁?").answer).toMatch(/^托卡巴耶夫\(Nurlan Tokabayev, 总统, 哈萨克斯坦\)。/);
  });
});

describe("Chinese titles", () => {
  it("start after the verb of the one who acts", () => {
    const [host, guest] = findPeople("中国副部长李明华在北京会见了哈萨克斯坦文化和体育部副部长达乌列托夫。");
    expect(host).toMatchObject({ name: "李明华" });
    expect(guest).toMatchObject({ name: "达乌列托夫", title: "哈萨克斯坦文化和体育部副部长" });
  });
  it("an organisation's words after a title are no person", () => {
    expect(findPeople("Wang Guobin, vice chairman of China's State Grain Administration, met Minister Saparkhan Omarov.").map((p) => p.name)).toEqual(["Wang Guobin", "Saparkhan Omarov"]);
  });
});
