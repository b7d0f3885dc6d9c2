/**
 * The English↔Chinese glossary as search terms: which terms are equivalent, whether a term (or an
 * equivalent) occurs in a set of terms, and the English equivalents of a Chinese word. Built once.
 */
import { COUNTRIES, GLOSSARY } from "../extract/lexicon.ts";
import { tokenize } from "../index/tokenize.ts";
import { glossTerms } from "./dictionary.ts";

let termRows: Map<string, string[][]> | undefined;
/** The glossary rows (as search terms) a term belongs to, built once. */
export function rowsOf(term: string): string[][] {
  if (!termRows) {
    termRows = new Map();
    // A country's names are one row too: Kazakh = Kazakhstan = 哈萨克斯坦 = 哈方.
    const rows = [...GLOSSARY, ...COUNTRIES.map((c) => [c.name, ...c.forms, ...c.zh.filter((z) => z.length >= 2)])];
    for (const row of rows) {
      // Only single words are equivalent word for word: "prime minister" does not make "minister" a "premier".
      const toks = [...new Set(row.map((w) => tokenize(w)).filter((t) => t.length === 1).map((t) => t[0]!))];
      for (const t of toks) termRows.set(t, [...(termRows.get(t) ?? []), toks]);
    }
  }
  return termRows.get(term) ?? [];
}

/** Is the term, or one of its glossary equivalents, among `st`? */
export function equivalentIn(term: string, st: Set<string>): boolean {
  return rowsOf(term).some((toks) => toks.some((t) => st.has(t)));
}

/** The English equivalents (as search-term lists) of a Chinese word, from the glossary rows it belongs to. */
export const zhEquivalents = (() => {
  const cache = new Map<string, string[][]>();
  return (unit: string): string[][] => {
    let v = cache.get(unit);
    if (!v) {
      v = GLOSSARY.filter((row) => row.some((w) => /\p{Script=Han}/u.test(w) && w.length >= 2 && (unit.includes(w) || w.includes(unit))))
        .flatMap((row) => row.filter((w) => !/\p{Script=Han}/u.test(w)).map((w) => tokenize(w)))
        .filter((toks) => toks.length > 0);
      if (cache.size > 10_000) cache.clear();
      cache.set(unit, v);
    }
    return v;
  };
})();

/** Does the corpus vocabulary hold the term or an equivalent? */
export function equivalentKnown(term: string, vocab: Set<string>): boolean {
  return rowsOf(term).some((toks) => toks.some((t) => vocab.has(t)));
}

/** Does the corpus vocabulary hold an English equivalent of a Chinese word (glossary or dictionary)? */
export function zhGlossaryKnown(unit: string, vocab: Set<string>): boolean {
  return [...zhEquivalents(unit), ...glossTerms(unit)].some((toks) => toks.every((t) => vocab.has(t)));
}

/** Is the word itself ("Sub-Committee", "S&T") an entry of the glossary? */
export function inGlossary(word: string): boolean {
  const w = word.toLowerCase();
  return GLOSSARY.some((row) => row.includes(w));
}

/** The other Chinese words (two or more characters) of the glossary rows a Chinese word belongs to: "表示" → 指出, 强调. */
export const zhRowmates = (() => {
  const cache = new Map<string, string[]>();
  return (unit: string): string[] => {
    let v = cache.get(unit);
    if (!v) {
      v = [...new Set(GLOSSARY.filter((row) => row.includes(unit)).flatMap((row) => row.filter((w) => w !== unit && w.length >= 2 && /\p{Script=Han}/u.test(w))))];
      if (cache.size > 10_000) cache.clear();
      cache.set(unit, v);
    }
    return v;
  };
})();
