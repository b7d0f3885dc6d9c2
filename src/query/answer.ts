/**
 * Question → Answer: parse, retrieve, compose. (First version: best supporting sentence.)
 */
import type { Answer } from "../answer.ts";
import type { CorpusIndex } from "../index/index.ts";
import { detectLang } from "../corpus/lang.ts";
import { TEXT } from "./i18n.ts";
import { isoDate } from "../extract/dates.ts";

export function answerQuestion(index: CorpusIndex, question: string): Answer {
  const q = question.trim();
  const lang = detectLang(q);
  const hits = index.searchSentences(q, 3);
  if (!hits.length) return { question, found: false, answer: TEXT[lang].notFound, lang, sources: [], events: [] };
  const s = hits[0]!.sentence;
  const a = index.articles.get(s.file)!;
  return {
    question,
    found: true,
    answer: s.text,
    lang,
    sources: [{ file: s.file, title: a.title, date: a.published ? isoDate(a.published) : undefined, quote: s.text }],
    events: [],
  };
}
