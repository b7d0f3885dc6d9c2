import { describe, expect, it } from "vitest";
import { englishTermsOf, glossIn, glossTerms, hanziOf, isEnglishWord, shortGlosses } from "../../src/query/dictionary.ts";
import { tokenize } from "../../src/index/tokenize.ts";

describe("shortGlosses", () => {
  it("cuts a dictionary sense into short phrases without grammar words or notes", () => {
    expect(shortGlosses("to leave for; to proceed towards; to go to")).toEqual(["leave for", "proceed towards", "go to"]);
    expect(shortGlosses("to open (sth that has been sealed)")).toEqual(["open"]);
    expect(shortGlosses("variant of 關係|关系[guan1 xi5]")).toEqual([]);
    expect(shortGlosses("surname Zhang")).toEqual([]);
  });
});

describe("the Chinese-English dictionary", () => {
  it("glosses Chinese words as English search terms", () => {
    expect(glossTerms("签署")).toContainEqual(tokenize("sign"));
    expect(glossTerms("轻轨")).toContainEqual(tokenize("light rail"));
    expect(glossTerms("不是一个词语啊")).toEqual([]);
  });
  it("matches a gloss against an English sentence's terms, a shorter word as the start of a longer one", () => {
    expect(glossIn("轻轨", new Set(tokenize("the 22.4 km light railway in the capital")))).toBe(true);
    expect(glossIn("轻轨", new Set(tokenize("a new gas pipeline")))).toBe(false);
  });
  it("says in English what a Chinese sentence says, word by word", () => {
    const said = englishTermsOf("t1", "双方签署了议定书");
    expect(said.has(tokenize("sign")[0]!)).toBe(true);
    expect(said.has(tokenize("protocol")[0]!)).toBe(true);
  });
});

describe("isEnglishWord", () => {
  it("knows ordinary words and not names", () => {
    expect(isEnglishWord("visit")).toBe(true);
    expect(isEnglishWord("pipeline")).toBe(true);
    expect(isEnglishWord("putin")).toBe(false);
  });
});

describe("glossTerms of a two-character word missing from the dictionary", () => {
  it("reads it the other way round ('亚欧' = '欧亚', Eurasia)", () => {
    expect(glossTerms("亚欧")).toContainEqual(["eurasia"]);
  });
});

describe("hanziOf", () => {
  it("gives the characters of a place name, the one that sounds like it among several entries", () => {
    expect(hanziOf("Beijing")).toBe("北京"); // 中财 glosses "Beijing" too
    expect(hanziOf("Zhengzhou")).toBe("郑州"); // "Zhengzhou prefecture-level city", without 市
    expect(hanziOf("Moscow")).toBe("莫斯科");
    expect(hanziOf("Qwertyville")).toBeUndefined();
  });
});
