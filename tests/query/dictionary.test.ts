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

describe("the dictionary's caches", () => {
  it("are built by the first process and read by the next, with the same lookups", async () => {
    const { execFileSync } = await import("node:child_process");
    const { mkdtempSync, readdirSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const tmp = mkdtempSync(join(tmpdir(), "kz-dict-"));
    try {
      const script = `import { isEnglishWord, hanziOf, glossTerms } from "./src/query/dictionary.ts";
        console.log(JSON.stringify([isEnglishWord("visit"), isEnglishWord("putin"), hanziOf("Beijing"), hanziOf("Astana"), glossTerms("轻轨")]));`;
      const run = () => execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: { ...process.env, TMPDIR: tmp }, encoding: "utf8" });
      const first = run();
      // The reduced glosses and what is derived from them (ordinary words, place names) are kept.
      expect(readdirSync(join(tmp, "kz-cn-newsbot")).filter((f) => !f.includes(".tmp")).length).toBe(3);
      expect(run()).toBe(first);
      expect(JSON.parse(first).slice(0, 4)).toEqual([true, false, "北京", "阿斯塔纳"]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
