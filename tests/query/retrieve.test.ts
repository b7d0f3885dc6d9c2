import { describe, expect, it } from "vitest";
import { segment } from "../../src/query/retrieve.ts";

describe("segment", () => {
  it("cuts Chinese into the longest pieces the retrieved text contains", () => {
    const text = "访华期间,哈方代表团还参观了创新中心。哈萨克斯坦外交部表示";
    expect(segment("哈萨克斯坦代表团参观了", text).map((u) => u.text)).toEqual(["哈萨克斯坦", "代表团", "参观了"]);
  });
  it("keeps unknown stretches as two-character units marked not found", () => {
    expect(segment("东大门口岸", "口岸")).toEqual([
      { text: "东大", found: false },
      { text: "口岸", found: true },
    ]);
  });
});
