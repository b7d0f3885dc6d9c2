import { describe, expect, it } from "vitest";
import { seriesAt } from "../../src/extract/events.ts";
import { cnNumber, findOrdinals } from "../../src/extract/ordinals.ts";

describe("ordinals", () => {
  it("reads digits, words and compound words", () => {
    expect(findOrdinals("the 21st session").map((o) => o.value)).toEqual([21]);
    expect(findOrdinals("the Fifteenth Meeting").map((o) => o.value)).toEqual([15]);
    expect(findOrdinals("its twenty-second round").map((o) => o.value)).toEqual([22]);
  });
  it("reads Chinese ordinals", () => {
    expect(findOrdinals("第十五次会议").map((o) => o.value)).toEqual([15]);
    expect(findOrdinals("第二十三届博览会").map((o) => o.value)).toEqual([23]);
    expect(findOrdinals("第8次").map((o) => o.value)).toEqual([8]);
    expect(findOrdinals("首届论坛").map((o) => o.value)).toEqual([1]);
  });
  it("converts Chinese numerals", () => {
    expect(cnNumber("十")).toBe(10);
    expect(cnNumber("十三")).toBe(13);
    expect(cnNumber("一百零五")).toBe(105);
    expect(cnNumber("两千")).toBe(2000);
    expect(Number.isNaN(cnNumber("会议"))).toBe(true);
  });
});

describe("seriesAt (Chinese)", () => {
  it("names a series only by what it is, not by the words before a counted visit", () => {
    const t = "我即将第三次访问哈萨克斯坦。";
    expect(seriesAt(t, findOrdinals(t)[0]!)).toBeUndefined();
    const v = "中哈总理第二次定期会晤在阿斯塔纳举行。";
    expect(seriesAt(v, findOrdinals(v)[0]!)).toBe("中哈总理定期会晤");
    const u = "中哈合作委员会第十一次会议在阿斯塔纳举行。";
    expect(seriesAt(u, findOrdinals(u)[0]!)).toBe("中哈合作委员会");
  });
});
