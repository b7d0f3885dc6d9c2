/**
 * "Where" answers take a place the corpus says something happened in or someone went to, never a place a
 * sentence merely names ("exports to China"): without one, the answer says the report gives no place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../src/core.ts";
import { findPlaces } from "../../src/extract/places.ts";

let core: Core;
beforeAll(async () => {
  core = await Core.load({ dataDir: "tests/fixtures/where" });
});

describe("where answers", () => {
  it("marks a journey's destination, not any place after 'to'", () => {
    expect(findPlaces("Liu began a state visit to Kazakhstan on Wednesday.")[0]).toMatchObject({ name: "Kazakhstan", travel: true });
    expect(findPlaces("Bekov said Kazakhstan would expand exports to China.").find((p) => p.name === "China")?.travel).toBeUndefined();
  });
  it("does not take a place a sentence names for where a meeting was", () => {
    for (const q of ["Where did Wang Ming meet Aidar Bekov?", "王明在哪里会见了别科夫?"]) {
      const a = core.ask(q);
      expect(a.found, q).toBe(false);
      expect(a.answer).not.toMatch(/China|中国/);
    }
  });
  it("answers with where someone went", () => {
    const a = core.ask("Where did Liu Fang go on a state visit?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^In Kazakhstan/);
  });
});
