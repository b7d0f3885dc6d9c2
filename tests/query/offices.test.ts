import { describe, expect, it } from "vitest";
import { coreTitle, officeAskedFor, officeHolder, zhOffice } from "../../src/query/offices.ts";

const persons = [
  { id: "p:a", titles: ["Prime Minister"], country: "Kazakhstan" },
  { id: "p:b", titles: ["Premier"], country: "China" },
  { id: "p:c", titles: ["President"], country: "Kazakhstan" },
  { id: "p:d", titles: ["总统"], country: "Kazakhstan" },
];

describe("coreTitle", () => {
  it("writes synonymous offices the same way, most specific first", () => {
    expect(coreTitle("Premier")).toBe("prime minister");
    expect(coreTitle("国务院总理")).toBe("prime minister");
    expect(coreTitle("First Deputy Prime Minister")).toBe("first deputy prime minister");
  });
});

describe("officeHolder", () => {
  it("names the one person in an office given with its country, abbreviations and Chinese included", () => {
    expect(officeHolder("kz pm visit beijing when?", persons)).toBe("p:a");
    expect(officeHolder("who did the Chinese premier meet?", persons)).toBe("p:b");
    expect(officeHolder("哈萨克斯坦总理在达沃斯会见了谁?", persons)).toBe("p:a");
  });
  it("names no one when several hold the office, or no country or office is given", () => {
    expect(officeHolder("who did the Kazakh president meet?", persons)).toBeUndefined(); // p:c and p:d
    expect(officeHolder("who did the prime minister meet?", persons)).toBeUndefined();
    expect(officeHolder("who did Massimov meet?", persons)).toBeUndefined();
  });
});

describe("zhOffice", () => {
  it("gives a plain office in Chinese, the president by country, and nothing for a title that says more", () => {
    expect(zhOffice("Vice Premier", "China")).toBe("副总理");
    expect(zhOffice("First Deputy Prime Minister", "Kazakhstan")).toBe("第一副总理");
    expect(zhOffice("President", "China")).toBe("国家主席");
    expect(zhOffice("President", "Kazakhstan")).toBe("总统");
    expect(zhOffice("Minister of Energy", "Kazakhstan")).toBeUndefined();
  });
});

describe("officeAskedFor", () => {
  it("reads the office a question picks someone by, in either language", () => {
    expect(officeAskedFor("which kazakh president did Li meet?")).toBe("president");
    expect(officeAskedFor("李克强与哪位哈萨克斯坦总理会谈?")).toBe("prime minister");
    expect(officeAskedFor("which agreements did they sign?")).toBeUndefined();
  });
});
