import { describe, expect, it } from "vitest";
import { creditsIn } from "../../src/corpus/credits.ts";

describe("creditsIn", () => {
  it("reads bylines and photo credits in English and Chinese, Chinese names in simplified characters", () => {
    expect(creditsIn(["By Aigerim Sadykova in Almaty and Li Wen in Beijing (China Daily)"])).toEqual([
      { role: "author", name: "Aigerim Sadykova" },
      { role: "author", name: "Li Wen" },
    ]);
    expect(creditsIn(["Ministers shake hands in Astana, May 3, 2021. (Xinhua/Kairat Omarov)"])).toEqual([{ role: "photographer", name: "Kairat Omarov" }]);
    expect(creditsIn(["双方举行会谈。[新华社 王晓东 摄]"])).toEqual([{ role: "photographer", name: "王晓东" }]);
    expect(creditsIn(["新華社阿拉木圖5月3日電(記者 趙明、劉楊)兩國簽署協議。"])).toEqual([
      { role: "author", name: "赵明" },
      { role: "author", name: "刘杨" },
    ]);
  });
  it("takes no ordinary sentence for a byline", () => {
    expect(creditsIn(["By the end of the year, trade grew 5 percent.", "Photo exhibitions opened in Astana."])).toEqual([]);
  });
});
