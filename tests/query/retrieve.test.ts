import { describe, expect, it } from "vitest";
import { chineseUnits } from "../../src/query/retrieve.ts";

describe("chineseUnits", () => {
  it("cuts a Chinese question into its content words, marking those the text contains", () => {
    const text = "访华期间,哈方代表团还参观了创新中心。";
    expect(chineseUnits("哈萨克斯坦代表团参观了什么", text)).toEqual([
      { text: "哈萨克斯坦", found: false, proper: true },
      { text: "代表团", found: true, proper: false },
      { text: "参观", found: true, proper: false },
    ]);
  });
  it("leaves out words about the article itself", () => {
    expect(chineseUnits("那篇稿子里的会议", "会议").map((u) => u.text)).toEqual(["会议"]);
  });
});
