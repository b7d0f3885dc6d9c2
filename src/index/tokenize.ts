/**
 * Tokenizer for English and Chinese: takes text, returns search terms.
 * English: lower-cased words without diacritics, Porter-stemmed, stop words dropped.
 * Chinese: traditional folded to simplified, then overlapping character bigrams of each Han run
 * (a single character when the run has one), which needs no dictionary and matches names and places.
 * @example tokenize("Vučić met Li") // ["vucic", "met", "li"]
 * @example tokenize("在重庆召开") // ["在重", "重庆", "庆召", "召开"]
 */
import * as OpenCC from "opencc-js";
import { stemmer } from "stemmer";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

const STOP = new Set(
  ("a an the of in on at to for from by with and or but as is are was were be been being it its this that these those " +
    "which who whom whose what when where why how did do does done has have had will would shall should can could may might " +
    "there their they them he she his her him we our you your i me my not no than then so such also into about over after before " +
    "during between both each other any all some more most very just only same during up down out off again further once here " +
    "without within upon among amid via per tell please s")
    .split(/\s+/),
);

/** A small memo for the short strings that are folded and tokenized again and again (glossary words, names, titles).
 * Arrays it returns are frozen: callers must not modify them. */
export function memo<T>(f: (s: string) => T, maxLen = 200, maxSize = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    if (s.length > maxLen) return f(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= maxSize) cache.clear();
      v = f(s);
      if (Array.isArray(v)) Object.freeze(v);
      cache.set(s, v);
    }
    return v;
  };
}

/**
 * Traditional Chinese characters as simplified ones, everything else as it is.
 * @example simplified("劉建林是什麼職務?") // "刘建林是什么职务?"
 */
export function simplified(text: string): string {
  return /\p{Script=Han}/u.test(text) ? toSimplified(text) : text;
}

/** Fold case, width, diacritics and traditional characters: the form every comparison uses. */
export const fold = memo(foldText);

function foldText(text: string): string {
  // Plain ASCII is its own normal form, has no marks and no Chinese: only the case changes.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const t = text.normalize("NFKC").toLowerCase();
  const noMarks = t.normalize("NFD").replace(/\p{M}+/gu, "").normalize("NFC");
  return /\p{Script=Han}/u.test(noMarks) ? toSimplified(noMarks) : noMarks;
}

/** English word stem (Porter): "visited" and "visit", "meetings" and "meeting" meet. Numbers stay as they are. */
export function stem(w: string): string {
  return /^[a-z]+$/.test(w) && w.length > 3 ? stemWord(w) : w;
}

const stemWord = memo(stemmer, 40, 200_000);

/** Chinese function characters that carry no content when they stand alone. */
const ZH_STOP = new Set("和在与的了是同及去也都就而或对把被从向于为以之其这那个吗呢吧啊".split(""));

export function hanBigrams(run: string): string[] {
  if (run.length === 1) return ZH_STOP.has(run) ? [] : [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** Search terms of `text` (already folded or not). The returned array must not be modified. */
export const tokenize = memo(tokenizeText);

/** The same terms as `tokenize`, without the memo: for texts seen once (each sentence when it is indexed). */
export function tokenizeOnce(text: string): string[] {
  return tokenizeText(text);
}

function tokenizeText(text: string): string[] {
  const out: string[] = [];
  // Han runs and Latin/digit words are separate tokens ("2017年4月" → "2017", "年", "4", "月").
  const re = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:[.'’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*)/gu;
  for (const m of foldText(text).matchAll(re)) {
    if (m[1]) out.push(...hanBigrams(m[1]));
    else {
      const w = m[2]!.replace(/[’']s$/, "").replace(/[’']/g, "");
      if (!STOP.has(w) && w.length > 0) out.push(stem(w));
    }
  }
  return out;
}
