/**
 * The English↔Chinese glossary as search terms: which terms are equivalent, whether a term (or an
 * equivalent) occurs in a set of terms, and the English equivalents of a Chinese word. Built once.
 */
import { GLOSSARY } from "../extract/lexicon.ts";
import { tokenize } from "../index/tokenize.ts";

let termRows: Map<string, string[][]> | undefined;
/** The glossary rows (as search terms) a term belongs to, built once. */
export function rowsOf(term: string): string[][] {
  if (!termRows) {
    termRows = new Map();
    for (const row of GLOSSARY) {
      const toks = [...new Set(row.flatMap((w) => tokenize(w)))];
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

/** Does the corpus vocabulary hold an English equivalent of a Chinese word? */
export function zhGlossaryKnown(unit: string, vocab: Set<string>): boolean {
  return zhEquivalents(unit).some((toks) => toks.every((t) => vocab.has(t)));
}
