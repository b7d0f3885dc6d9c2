/**
 * The synthetic corpus generator (scripts/generate-corpus.ts): same seed → same bytes, varied real-page
 * structures, and a corpus the loader takes whole, with the deliberately broken files reported as
 * problems rather than thrown. No timing assertions: speed is measured by `npm run bench`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, generateArticle, generateCorpus, readManifest } from "../../scripts/generate-corpus.ts";
import { Core } from "../../src/core.ts";

/** Every file under `dir` (dot-files too), relative path → bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split("\\").join("/"), readFileSync(p));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Article files decoded (UTF-8, or GB18030 for the few files written that way). */
function articleTexts(tree: Map<string, Buffer>): string[] {
  return [...tree]
    .filter(([f]) => f.startsWith("part-"))
    .map(([, b]) => {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(b);
      } catch {
        return new TextDecoder("gb18030").decode(b);
      }
    });
}

const COUNT = 20;
const SEED = 42;
let base: string;
let dirA: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "generate-corpus-test-"));
  dirA = join(base, "a");
  await generateCorpus(dirA, COUNT, SEED, { broken: 3 });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("generateCorpus", () => {
  it("writes the same bytes for the same seed, other bytes for another seed", async () => {
    const dirB = join(base, "b");
    const dirC = join(base, "c");
    await generateCorpus(dirB, COUNT, SEED, { broken: 3 });
    await generateCorpus(dirC, COUNT, SEED + 1, { broken: 3 });
    const a = readTree(dirA);
    const b = readTree(dirB);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
    const textsA = articleTexts(a);
    const textsC = articleTexts(readTree(dirC));
    expect(textsC).toHaveLength(COUNT);
    expect(textsC.filter((t, i) => t === textsA[i]).length).toBe(0);
  });

  it("does not make article i depend on the corpus size", async () => {
    const small = join(base, "small");
    await generateCorpus(small, 5, SEED);
    const all = readTree(dirA);
    for (const [file, bytes] of readTree(small)) if (file.startsWith("part-")) expect(all.get(file)?.equals(bytes), file).toBe(true);
  });

  it("writes a manifest describing the corpus and the broken files", () => {
    const m = readManifest(dirA)!;
    expect(m).toBeDefined();
    expect(m.complete).toBe(true);
    expect(m.count).toBe(COUNT);
    expect(m.seed).toBe(String(SEED));
    expect(m.broken.map((b) => b.kind)).toEqual(["empty", "binary", "bad-encoding"]);
  });

  it("varies languages, page clutter, captions, datelines and lengths", () => {
    const texts = articleTexts(readTree(dirA));
    expect(texts).toHaveLength(COUNT);
    const han = (t: string) => (t.match(/\p{Script=Han}/gu) ?? []).length;
    expect(texts.some((t) => han(t) > 100), "a Chinese article").toBe(true);
    expect(texts.some((t) => han(t) === 0), "an English article").toBe(true);
    expect(texts.some((t) => /\[Photo[/:]|\(Xinhua\/|摄[\]）)]|\[图\/新华社\]/.test(t)), "a photo caption with a credit").toBe(true);
    expect(
      texts.some((t) => /Related Stories|Today's Top News|Editor's Picks|Most Viewed|Top Stories|相关新闻|相关阅读|热点新闻|责任编辑|资料来源|Suggest to a friend|Contribute Copyright Policy|Comments \(\d+\)/.test(t)),
      "page clutter",
    ).toBe(true);
    const datelines = [/^Updated: \d{4}-\d\d-\d\d \d\d:\d\d$/m, /^ date \d{4}-\d\d-\d\d /m, /^\d\d:\d\d, [A-Z][a-z]+ \d{1,2}, \d{4}$/m, /^\d{4}-\d\d-\d\d \d\d:\d\d 来源:/m, /\d{4}年\d\d月\d\d日\d\d:\d\d\s+来源:/, /發布時間:|发布时间:|^Published: /m];
    expect(datelines.filter((re) => texts.some((t) => re.test(t))).length, "several dateline styles").toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => !datelines.some((re) => re.test(t))), "an article without a dateline").toBe(true);
    const lengths = [...readTree(dirA)].filter(([f]) => f.endsWith(".txt") && f.startsWith("part-")).map(([, b]) => articleTexts(new Map([["part-x", b]]))[0].length);
    for (const n of lengths) {
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThanOrEqual(5001);
    }
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan(1000);
  });

  it("covers the real structures over a larger sample (in memory)", () => {
    const world = buildWorld(SEED);
    const sample = Array.from({ length: 300 }, (_, i) => generateArticle(world, i));
    const texts = sample.map((a) => a.text);
    const langs = new Set(sample.map((a) => a.meta.lang));
    for (const l of ["en", "zh", "zh-Hant", "bilingual"]) expect(langs.has(l as never), l).toBe(true);
    const has = (re: RegExp) => texts.some((t) => re.test(t));
    expect(has(/[A-Z]{3,}, (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2} \(Xinhua\) --/), "Xinhua lead").toBe(true);
    expect(has(/新华社\S+\d{1,2}月\d{1,2}日电/), "Chinese Xinhua lead").toBe(true);
    expect(has(/\bon (Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/), "relative weekday").toBe(true);
    expect(has(/\blast (January|February|March|April|May|June|July|August|September|October|November|December)\b/), "last <month>").toBe(true);
    expect(has(/近日|今年\d{1,2}月|去年\d{1,2}月/), "Chinese relative date").toBe(true);
    expect(has(/第[一二三四五六七八九十]+次会议/), "Chinese ordinal").toBe(true);
    expect(has(/\b(Tenth|Eleventh|Twelfth|Seventh|Eighth|Ninth|Fifth|Sixth|Fourth|Third|Second|tenth|eleventh|ninth|eighth|seventh) [Mm]eeting of the/), "ordinal in words").toBe(true);
    expect(has(/\b\d{1,2}(st|nd|rd|th) [Mm]eeting of the/), "ordinal in digits").toBe(true);
    expect(has(/Sub-[Cc]ommittee on|Subcommittee on/), "sub-committee series").toBe(true);
    expect(has(/分委会/), "Chinese sub-committee series").toBe(true);
    expect(has(/US\$\d|\$\d+(\.\d+)? (million|billion)/), "money").toBe(true);
    expect(has(/\d+(\.\d+)? km\b|kilometers/), "distances").toBe(true);
    expect(has(/\d+ cooperation documents|\d+份合作文件/), "documents signed").toBe(true);
    expect(has(/[\u4e00-\u9fff]+[·•][\u4e00-\u9fff]+/), "Chinese transliteration of a Kazakh name").toBe(true);
    expect(sample.some((a) => a.meta.wrapped), "hard-wrapped lines").toBe(true);
    // the same person spelt two ways somewhere in the sample (Masimov / Massimov)
    const variants = world.persons.filter((p) => p.enVariants.length).flatMap((p) => p.enVariants.map((v) => [p.en, v] as const));
    const joined = texts.join("\n");
    expect(variants.some(([canon, v]) => joined.includes(canon) && joined.includes(v)), "spelling variants").toBe(true);
  });

  it("refuses to write into a non-empty folder that is not a generated corpus", async () => {
    const other = join(base, "other");
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, "keep.txt"), "not mine");
    await expect(generateCorpus(other, 2, SEED)).rejects.toThrow(/not empty/);
    expect(readFileSync(join(other, "keep.txt"), "utf8")).toBe("not mine");
  });
});

describe("Core.load over a generated corpus", () => {
  it("loads every article and reports the broken files as problems without throwing", async () => {
    const core = await Core.load({ dataDir: dirA });
    const summary = core.summary();
    expect(summary.articles).toBe(COUNT);
    const m = readManifest(dirA)!;
    expect(summary.problems.map((p) => p.file).sort()).toEqual(m.broken.map((b) => b.file).sort());
    for (const p of summary.problems) expect(p.reason.length).toBeGreaterThan(0);
    expect(summary.languages).toEqual(expect.arrayContaining(["en", "zh"]));
  });
});
