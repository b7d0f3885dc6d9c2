/**
 * Question → Answer: guard the input, parse it (parse.ts), retrieve evidence (retrieve.ts) and
 * compose one direct sentence with its sources (compose.ts). Returns `found: false` with what the
 * corpus knows nearby whenever the evidence does not state the answer.
 */
import type { Answer } from "../answer.ts";
import type { CorpusIndex } from "../index/index.ts";
import { detectLang } from "../corpus/lang.ts";
import { TEXT, examplesFor } from "./i18n.ts";
import { parseQuestion, preparePersonKeys } from "./parse.ts";
import { words } from "../index/segment.ts";
import { simplified } from "../index/tokenize.ts";
import { hanziOf, isEnglishWord } from "./dictionary.ts";
import { retrieve } from "./retrieve.ts";
import { compose, notFound } from "./compose.ts";

/** Questions longer than this are not searched: the user gets help instead. */
export const MAX_QUESTION_CHARS = 1000;

export function answerQuestion(index: CorpusIndex, question: string): Answer {
  const a = answerOf(index, question);
  // The question as the user wrote it (it was read in simplified characters).
  const asked = (question ?? "").replace(/\s+/g, " ").trim();
  return a.question === asked || a.help ? a : { ...a, question: asked };
}

function answerOf(index: CorpusIndex, question: string): Answer {
  const q = (question ?? "").replace(/\s+/g, " ").trim();
  const lang = detectLang(q || "x");
  const help = (msg: string): Answer => ({
    question,
    found: false,
    help: true,
    answer: `${msg} ${examplesFor(index.corpus, lang, index).map((e) => `“${e}”`).join(lang === "zh" ? "、" : ", ")}`,
    lang,
    sources: [],
    events: [],
  });
  if (!q || !/[\p{L}\p{N}]/u.test(q)) return help(TEXT[lang].help);
  // Greetings and requests for help get the same short guide.
  if (/^\s*(hi|hello|hey|thanks|thank you|help|start|你好|您好|谢谢|帮助|帮忙)\s*[!.?！。？]*\s*$/i.test(q)) return help(TEXT[lang].help);
  if (q.length > MAX_QUESTION_CHARS) return help(TEXT[lang].tooLong);
  // A question in traditional characters reads as the simplified one (names are looked up in that form).
  const intent = parseQuestion(simplified(q), index.vocab);
  if (intent.unknownNames.length) return notFound(intent, index, [], intent.unknownNames);
  const { candidates, unknown, units } = retrieve(intent, index);
  if (unknown.length) return notFound(intent, index, [], unknown);
  // "谁是火星总统?": in a description of who is asked for, every word but the head noun (the role, last)
  // must be something the corpus knows; an unknown qualifier means no one in the corpus fits.
  if (intent.kind === "who" && !intent.persons.length && /^\s*谁是|是谁\s*[?？]?\s*$/.test(q)) {
    const qualifiers = units.slice(0, -1).filter((u) => !u.known);
    if (qualifiers.length) return notFound(intent, index, [], qualifiers.map((u) => u.text));
  }
  return compose(intent, candidates, index);
}

/** The answer while the index is rebuilt (its snapshot was found damaged): no lookup, nothing guessed. */
export function rebuildingAnswer(question: string): Answer {
  const lang = detectLang((question ?? "").trim() || "x");
  return { question, found: false, answer: TEXT[lang].rebuilding, lang, sources: [], events: [] };
}

/**
 * Build now what the first questions would otherwise build on the way: the Chinese word segmenter's
 * dictionary, the English–Chinese glossary (and its place names), and the lookup keys of every person's
 * names. Returns the milliseconds it took (about a quarter of a second for a small corpus, 1–2 s at 100,000
 * articles).
 */
export function warmUp(index: CorpusIndex): number {
  const t0 = performance.now();
  words("中哈合作");
  isEnglishWord("visit");
  hanziOf("Astana");
  preparePersonKeys(index.vocab.persons);
  return performance.now() - t0;
}
