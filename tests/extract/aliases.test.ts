import { describe, expect, it } from "vitest";
import { hanSoundKey, PersonRegistry, type RawPerson, sameName, skeleton, soundsLikeHan, wordSoundKey } from "../../src/extract/aliases.ts";

describe("soundsLikeHan", () => {
  it("matches a Latin spelling of a transliterated name by its consonants", () => {
    expect(soundsLikeHan("tokayev", "托卡耶夫")).toBe(true);
    expect(soundsLikeHan("tokaev", "托卡耶夫")).toBe(true);
    expect(soundsLikeHan("nazarbayev", "努尔苏丹·纳扎尔巴耶夫")).toBe(true);
    expect(soundsLikeHan("massimov", "托卡耶夫")).toBe(false);
  });

  it("compares the name's last part and needs enough letters on both sides", () => {
    expect(hanSoundKey("努尔苏丹·纳扎尔巴耶夫")).toBe(skeleton("纳扎尔巴耶夫"));
    // Too short to tell by sound: a two-character name, a four-letter word, a word with other signs.
    expect(hanSoundKey("王毅")).toBe("");
    expect(wordSoundKey("toka")).toBe("");
    expect(wordSoundKey("tokayev's")).toBe("");
    expect(soundsLikeHan("wangyi", "王毅")).toBe(false);
  });
});

describe("PersonRegistry", () => {
  // Eighty people sharing the token "Sai" come before the one a two-token mention names: the search for
  // it walks past more than the first few candidates, where it switches to marking the token's sharers.
  const decoys: RawPerson[] = Array.from({ length: 80 }, (_, i) => ({ name: `Sai ${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}tbekov Alymkulov`, file: `f${i}` }));

  it("finds the person a spelling names behind many who only share a token", () => {
    const reg = PersonRegistry.build([...decoys, { name: "Nurlan Sai Kemelov", file: "x" }, { name: "Sai Kemelov", file: "y" }]);
    expect(reg.persons).toHaveLength(81);
    expect(reg.idOf("Sai Kemelov", "y")).toBe("p:nurlan-sai-kemelov");
    expect(reg.byId.get("p:nurlan-sai-kemelov")!.aliases).toEqual(["Nurlan Sai Kemelov", "Sai Kemelov"]);
  });

  it("loosens the match across scripts only within one article", () => {
    expect(sameName("纳扎尔巴耶夫", "Nazarbekov")).toBe(false);
    expect(sameName("纳扎尔巴耶夫", "Nazarbekov", true)).toBe(true);
    expect(PersonRegistry.build([{ name: "Nazarbekov", file: "a" }, { name: "纳扎尔巴耶夫", file: "a" }]).persons).toHaveLength(1);
    expect(PersonRegistry.build([{ name: "Nazarbekov", file: "a" }, { name: "纳扎尔巴耶夫", file: "b" }]).persons).toHaveLength(2);
  });

  it("forgets a removed person's spellings and matches later ones against those left", () => {
    const reg = PersonRegistry.build([...decoys, { name: "Nurlan Sai Kemelov", file: "x" }]);
    expect(reg.removeFile("x").map((p) => p.id)).toEqual(["p:nurlan-sai-kemelov"]);
    const added = reg.addFile([{ name: "Sai Kemelov", file: "z" }, { name: "Sai abtbekov Alymkulov", file: "z" }]);
    expect(added.created.map((p) => p.name)).toEqual(["Sai Kemelov"]);
    expect(reg.idOf("Sai abtbekov Alymkulov", "z")).toBe(reg.idOf("Sai abtbekov Alymkulov", "f0"));
    expect(reg.persons).toHaveLength(81);
  });
});
