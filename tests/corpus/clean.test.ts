import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { CleanArticle, cleanArticle } from "../../src/corpus/clean.ts";
import { loadRawDocs } from "../../src/corpus/load.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";

const PAGE = `Home > World News
Kazakh, Chinese ministers discuss grain corridor
Updated: 2019-03-06 10:15
(Xinhua)
Minister Aidar Bekov (L) shakes hands with Vice Minister Zhou Lin in Almaty, Kazakhstan, March 5, 2019. [Photo/Xinhua]
ALMATY - Kazakhstan and China agreed on Tuesday to open a grain corridor.
Related Stories:
Oil prices climb
Storm hits coast
Today's Top News
Football final tonight
Copyright 2019. All rights reserved.`;

describe("cleanArticle", () => {
  const a = cleanArticle("x.txt", PAGE, "h");
  it("finds title and publish date", () => {
    expect(a.title).toBe("Kazakh, Chinese ministers discuss grain corridor");
    expect(a.published).toMatchObject({ year: 2019, month: 3, day: 6 });
  });
  it("keeps captions marked and drops clutter, which yields no sentences", () => {
    expect(a.sentences.filter((s) => s.caption)).toHaveLength(1);
    const text = a.sentences.map((s) => s.text).join(" ");
    expect(text).toContain("grain corridor");
    expect(text).not.toMatch(/Oil prices|Storm|Football|Copyright|Home >|\[Photo/);
  });
  it("joins hard-wrapped lines and tags languages per sentence", () => {
    const wrapped = "近日,双方在北京举行会谈。\nRecently, the two sides held talks in Beijing and agreed to expand the\ntrade in agricultural products, according to a statement released after\nthe meeting between the delegations of the two neighbouring countries.\nThe next round of talks will take place in Astana later this year, said\nthe statement issued by the foreign ministries of both of the countries.";
    const b = cleanArticle("y.txt", wrapped, "h");
    expect(b.sentences.map((s) => s.lang)).toEqual(["zh", "en", "en"]);
    expect(b.sentences[1]!.text).toContain("expand the trade in agricultural products");
  });
});

describe("splitSentences", () => {
  it("keeps abbreviations and initials inside sentences", () => {
    expect(splitSentences("Talks began on Dec. 4 in Astana. U.S. officials were not there.")).toEqual(["Talks began on Dec. 4 in Astana.", "U.S. officials were not there."]);
    expect(splitSentences("双方签署了协议。会议在北京举行!")).toEqual(["双方签署了协议。", "会议在北京举行!"]);
  });
});

describe("loadRawDocs", () => {
  it("reports bad files and loads the rest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "corpus-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "good.txt"), "A short story about talks held in Astana on Monday.");
    await writeFile(join(dir, "empty.txt"), "");
    await writeFile(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    await writeFile(join(dir, "gbk.txt"), Buffer.from([0xd6, 0xd0, 0xb9, 0xfa, 0xba, 0xcd, 0xb9, 0xfe, 0xc8, 0xf8, 0xbf, 0xcb, 0xcb, 0xb9, 0xcc, 0xb9])); // 中国和哈萨克斯坦 in GBK
    await writeFile(join(dir, "page.html"), "<html><body><nav>Menu</nav><p>Talks were held in <b>Astana</b>.</p><script>x()</script></body></html>");
    await writeFile(join(dir, "ignored.pdf"), "x");
    const { docs, problems } = await loadRawDocs(dir);
    expect(docs.map((d) => d.file).sort()).toEqual(["gbk.txt", "good.txt", "page.html"]);
    expect(docs.find((d) => d.file === "gbk.txt")!.text).toBe("中国和哈萨克斯坦");
    expect(docs.find((d) => d.file === "page.html")!.text).toContain("Talks were held in Astana.");
    expect(docs.find((d) => d.file === "page.html")!.text).not.toMatch(/Menu|x\(\)/);
    expect(problems.map((p) => p.file).sort()).toEqual(["binary.txt", "empty.txt"]);
  });
});

describe("clutter", () => {
  it("a page that is only navigation and headline lists yields no story and no events", async () => {
    const { buildCorpus } = await import("../../src/corpus/corpus.ts");
    const dir = await mkdtemp(join(tmpdir(), "clutter-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "nav.txt"), "Home > News\nRelated Stories:\nLeaders meet in Astana\nTrade grows\nToday's Top News\nStorm hits coast\nCopyright 2020\n");
    await writeFile(join(dir, "story.txt"), "Ministers of both countries held talks in Astana on Monday and signed 3 agreements.");
    const c = await buildCorpus(dir);
    expect(c.articles.map((a) => a.file)).toEqual(["story.txt"]);
    expect(c.problems.map((p) => p.file)).toEqual(["nav.txt"]);
    expect(c.events.every((e) => e.file === "story.txt")).toBe(true);
  });
});

describe("quotations", () => {
  it("keeps a quoted passage of several sentences with its speaker", () => {
    expect(splitSentences("“Trade is growing. Investment will follow,” said the minister. Talks end today.")).toEqual([
      "“Trade is growing. Investment will follow,” said the minister.",
      "Talks end today.",
    ]);
  });
});

describe("HTML and Markdown pages", () => {
  it("take the title and publish date from the page head", async () => {
    const { htmlPage } = await import("../../src/corpus/load.ts");
    const html = `<!doctype html><html><head><title>Site | Ignored</title><meta property="og:title" content="Ministers meet in Aktau &amp; agree on ports"><meta property="article:published_time" content="2021-06-02T08:00:00+06:00"></head>
      <body><nav><a href="/">Home</a></nav><article><p>AKTAU, June 1 (Xinhua) -- Ministers of the two countries met on Tuesday and signed 4 agreements.</p></article><footer>Copyright</footer></body></html>`;
    const a = cleanArticle("p.html", htmlPage(html), "h");
    expect(a.title).toBe("Ministers meet in Aktau & agree on ports");
    expect(a.published).toMatchObject({ year: 2021, month: 6, day: 2 });
    expect(a.sentences.map((s) => s.text)).toEqual(["Ministers meet in Aktau & agree on ports", "AKTAU, June 1 (Xinhua) -- Ministers of the two countries met on Tuesday and signed 4 agreements."]);
    expect(a.sentences[0]!.headline).toBe(true);
  });
  it("reduce Markdown to its words", async () => {
    const { markdownToText } = await import("../../src/corpus/load.ts");
    expect(markdownToText("# Talks in **Astana**\n\nThe [ministers](http://x) met.\n![Photo of leaders](a.jpg)")).toBe("Talks in Astana\n\nThe ministers met.\nPhoto of leaders");
  });
});

describe("CleanArticle paragraphs", () => {
  it("gives paragraph texts back from the sentences, with their kinds, and keeps them through paragraphKinds", () => {
    const zh = cleanArticle("z.txt", "中哈合作委员会第十次会议举行\n2020年12月1日 来源:新华网\n会议在北京举行。双方签署了文件。\nHe said the two sides signed documents. They agreed.", "h");
    const ps = zh.paragraphs;
    expect(ps.map((p) => p.lang)).toEqual(["zh", "zh", "en"]);
    expect(ps[0]).toMatchObject({ headline: true, text: "中哈合作委员会第十次会议举行" });
    expect(ps[1]!.text).toBe("会议在北京举行。双方签署了文件。");
    expect(ps[2]!.text).toBe("He said the two sides signed documents. They agreed.");
    const again = new CleanArticle(zh, (zh as CleanArticle).paragraphKinds);
    expect(again.paragraphs).toEqual(ps);
  });
});
