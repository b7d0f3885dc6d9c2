import { describe, expect, it } from "vitest";
import { SentenceMap } from "../../src/corpus/sentence-map.ts";
import { splitSentenceId } from "../../src/corpus/clean.ts";

describe("splitSentenceId", () => {
  it("splits at the last # and reads the position; anything else is not a sentence id", () => {
    expect(splitSentenceId("part-1/x.txt#12")).toEqual(["part-1/x.txt", 12]);
    expect(splitSentenceId("b#c.txt#0")).toEqual(["b#c.txt", 0]);
    for (const bad of ["a#01", "a#", "a", "a#3b", "a#-1"]) expect(splitSentenceId(bad)).toBeUndefined();
  });
});

describe("SentenceMap", () => {
  it("gets, sets and deletes by sentence id like a Map, with the size kept", () => {
    const m = new SentenceMap<string>();
    m.set("a.txt#2", "x").set("a.txt#0", "y").set("dir/b#c.txt#1", "z");
    expect(m.size).toBe(3);
    expect(m.get("a.txt#2")).toBe("x");
    expect(m.get("a.txt#1")).toBeUndefined();
    expect(m.get("dir/b#c.txt#1")).toBe("z");
    expect(m.has("a.txt#0")).toBe(true);
    m.set("a.txt#2", "x2");
    expect(m.size).toBe(3);
    expect(m.delete("a.txt#2")).toBe(true);
    expect(m.delete("a.txt#2")).toBe(false);
    expect(m.size).toBe(2);
    expect(m.get("a.txt#2")).toBeUndefined();
  });

  it("iterates articles in the order they were first set, sentences in order", () => {
    const m = new SentenceMap<number>([["b#3", 3], ["a#1", 1], ["b#0", 0]]);
    expect([...m]).toEqual([["b#0", 0], ["b#3", 3], ["a#1", 1]]);
    expect([...m.keys()]).toEqual(["b#0", "b#3", "a#1"]);
    expect([...m.values()]).toEqual([0, 3, 1]);
  });

  it("keeps keys that are not sentence ids apart, and sets a whole article at once", () => {
    const m = new SentenceMap<string>();
    m.set("no-number#x", "o");
    m.setArticle("f", ["p", undefined, "q", undefined]);
    expect(m.size).toBe(3);
    expect(m.get("no-number#x")).toBe("o");
    expect(m.get("f#2")).toBe("q");
    m.setArticle("f", [undefined, "r"]);
    expect(m.size).toBe(2);
    expect([...m]).toEqual([["f#1", "r"], ["no-number#x", "o"]]);
    m.setArticle("f", []);
    expect([...m.keys()]).toEqual(["no-number#x"]);
  });
});
