/** The sentence table over the bundled articles (one of them Chinese then English): a sentence's language by id. */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/corpus/corpus.ts";
import { CorpusIndex } from "../../src/index/index.ts";

let index: CorpusIndex;
beforeAll(async () => {
  index = new CorpusIndex(await buildCorpus("data"));
});

describe("SentenceTable languages", () => {
  it("gives each sentence's own language in a bilingual article and its article's in the others", () => {
    const sentences = index.corpus.articles.flatMap((a) => a.sentences);
    const bilingual = index.corpus.articles.find((a) => a.langs.length === 2)!;
    expect(new Set(bilingual.sentences.map((s) => index.sentences.langOf(s.id)))).toEqual(new Set(["zh", "en"]));
    for (const s of sentences) expect(index.sentences.langOf(s.id), s.id).toBe(s.lang);
  });

  it("reads many ids at once as one by one, unknown ones as undefined", () => {
    const ids = index.corpus.articles.flatMap((a) => a.sentences.map((s) => s.id));
    const mixed = [...ids.slice(0, 5), "nosuch.txt#0", `${ids[0]!.split("#")[0]}#99999`, "no-hash", ...ids.slice(5), ids[0]!];
    expect(index.sentences.langsOf(mixed)).toEqual(mixed.map((id) => index.sentences.langOf(id)));
    expect(index.sentences.langsOf(mixed).filter((l) => l === undefined)).toHaveLength(3);
  });
});
