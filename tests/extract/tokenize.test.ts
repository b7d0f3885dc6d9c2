import { describe, expect, it } from "vitest";
import { fold, tokenize } from "../../src/index/tokenize.ts";

describe("tokenize", () => {
  it("folds case, diacritics and traditional characters", () => {
    expect(fold("Vučić")).toBe("vucic");
    expect(fold("會議")).toBe("会议");
  });
  it("stems English and drops stop words", () => {
    expect(tokenize("The delegations visited Astana")).toEqual(["deleg", "visit", "astana"]);
  });
  it("splits Chinese into bigrams and keeps digits apart from Han text", () => {
    expect(tokenize("2017年4月分委会")).toEqual(["2017", "年", "4", "月分", "分委", "委会"]);
    expect(tokenize("22.4 km")).toEqual(["22.4", "km"]);
  });
});
