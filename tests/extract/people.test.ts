import { describe, expect, it } from "vitest";
import { buildRegistry, chineseNameInLatin, nameKey, sameName } from "../../src/extract/aliases.ts";
import { findPeople } from "../../src/extract/people.ts";

describe("findPeople", () => {
  it("finds names after titles, with the country from the adjective or 'of X'", () => {
    const got = findPeople("Russian Foreign Minister Sergei Lavrov met Prime Minister Ulugbek Rakhimov of Uzbekistan.");
    expect(got.map((p) => [p.name, p.country])).toEqual([["Sergei Lavrov", "Russia"], ["Ulugbek Rakhimov", "Uzbekistan"]]);
  });
  it("reads an office held towards a place ('Ambassador to X'), the country from the adjective only", () => {
    const [a, b] = findPeople("Uzbek Ambassador to Mongolia Rustam Karimov met Governor of Dornod Batbayar Tsend in Choibalsan.");
    expect(a).toMatchObject({ name: "Rustam Karimov", title: "Ambassador to Mongolia", country: "Uzbekistan" });
    expect(b).toMatchObject({ name: "Batbayar Tsend", title: "Governor of Dornod" });
    expect(findPeople("Ambassador to Mongolia Rustam Karimov spoke.")[0]).toMatchObject({ name: "Rustam Karimov", country: undefined });
  });
  it("keeps the body a title is held in when its name comes right before it, and knows researchers and experts", () => {
    const [p] = findPeople("Trade is one of the driving forces, Kazakhstan Institute of Strategic Studies' Central Asia studies researcher Aliya Nurova said.");
    expect(p).toMatchObject({ name: "Aliya Nurova", title: "Kazakhstan Institute of Strategic Studies' Central Asia studies researcher", country: "Kazakhstan" });
    expect(findPeople("Astana City Hall spokesman Aidos Bekov said.")[0]).toMatchObject({ name: "Aidos Bekov", title: "Astana City Hall spokesman" });
  });
  it("finds appositive titles", () => {
    const [p] = findPeople("Aidar Bekov, Kazakhstan's deputy minister of energy, said the line opens soon.");
    expect(p).toMatchObject({ name: "Aidar Bekov", country: "Kazakhstan" });
  });
  it("finds Chinese names after titles, foreign ones by transliteration characters", () => {
    const got = findPeople("中国外交部副部长王建国和哈萨克斯坦外交部长努尔兰诺夫举行会谈。");
    expect(got.map((p) => [p.name, p.country])).toEqual([["王建国", "China"], ["努尔兰诺夫", "Kazakhstan"]]);
  });
  it("keeps the word linking two people out of the second one's title", () => {
    const got = findPeople("哈萨克斯坦总统努尔兰诺夫和中国国家主席王建国在会谈后签署了联合声明。");
    expect(got.find((p) => p.name === "王建国")).toMatchObject({ title: "中国国家主席", country: "China" });
  });
  it("separates the place a title belongs to from the name after it", () => {
    const [p] = findPeople("Mayor of Shymkent Murat Aitenov met the delegation.");
    expect(p).toMatchObject({ name: "Murat Aitenov" });
  });
  it("does not take ordinary words for names", () => {
    expect(findPeople("The Committee Meeting was held in the Great Hall.")).toEqual([]);
  });
});

describe("aliases", () => {
  it("merges spelling variants with doubled letters and diacritics", () => {
    expect(nameKey("Nurlan Bekkozhin")).toBe(nameKey("Nurlan Bekozhin"));
    expect(sameName("Aleksandar Vučić", "Aleksandar Vucic")).toBe(true);
  });
  it("merges a surname with the full name, pinyin with characters, transliterations by sound", () => {
    expect(sameName("Bekozhin", "Nurlan Bekozhin")).toBe(true);
    expect(sameName("王建国", "Wang Jianguo")).toBe(true);
    expect(sameName("努尔兰诺夫", "Nurlanov", true)).toBe(true);
    expect(sameName("Wang Jianguo", "Wang Yi")).toBe(false);
  });
  it("builds one person per real person", () => {
    const { persons, idOf } = buildRegistry([
      { name: "Askar Mamin", title: "Prime Minister", country: "Kazakhstan", file: "a" },
      { name: "Askar Mammin", file: "b" },
      { name: "Han Zheng", title: "Vice Premier", country: "China", file: "a" },
      { name: "韩正", file: "c" },
    ]);
    expect(persons).toHaveLength(2);
    expect(idOf("Mamin", "a")).toBe(idOf("Askar Mammin"));
    expect(idOf("韩正")).toBe(idOf("Han Zheng"));
  });
});

describe("romanisation variants", () => {
  it("treats zh/j, kh/h, -iyev/-iev and hyphens as one spelling", () => {
    expect(sameName("Serik Zhumangarin", "Serik Jumangarin")).toBe(true);
    expect(sameName("Kanat Kenesaliyev", "Kanat Kenesaliev")).toBe(true);
    expect(sameName("Du Tian-bo", "Du Tianbo")).toBe(true);
    expect(sameName("Du Tianbo", "Zheng Jianbo")).toBe(false);
  });
});

describe("chineseNameInLatin", () => {
  it("writes a Chinese name in pinyin, family name first", () => {
    expect(chineseNameInLatin("王建国")).toBe("Wang Jianguo");
    expect(chineseNameInLatin("张旭")).toBe("Zhang Xu");
    expect(chineseNameInLatin("欧阳明")).toBe("Ouyang Ming");
  });
  it("leaves transliterated foreign names and non-names alone", () => {
    expect(chineseNameInLatin("努尔兰诺夫")).toBeUndefined();
    expect(chineseNameInLatin("马西莫夫")).toBeUndefined();
    expect(chineseNameInLatin("王建国", true)).toBeUndefined();
    expect(chineseNameInLatin("Wang Jianguo")).toBeUndefined();
  });
});
