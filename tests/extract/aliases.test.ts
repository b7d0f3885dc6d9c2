import { describe, expect, it } from "vitest";
import { hanSoundKey, skeleton, soundsLikeHan, wordSoundKey } from "../../src/extract/aliases.ts";

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
