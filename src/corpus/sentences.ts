/**
 * Sentence splitting for English and Chinese: takes a paragraph, returns its sentences.
 * English splits after . ! ? unless the dot ends a known abbreviation or an initial;
 * Chinese splits after 。！？ (keeping closing quotes); a switch from a Chinese sentence
 * to English in one line ("文章如下:Chinese President…") also starts a new sentence.
 * @example splitSentences("Li met Massimov on Dec. 14. They signed deals.") // ["Li met Massimov on Dec. 14.", "They signed deals."]
 */
const ABBREV = new Set([
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "prof",
  "st", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "gen", "lt", "col",
  "gov", "sen", "rep", "h.e", "approx", "est", "fig", "dept", "univ",
]);

function splitEnglish(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z0-9\p{Script=Han}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(start, m.index);
    const lastWord = (before.match(/([A-Za-z.]+)$/)?.[1] ?? "").toLowerCase();
    if (text[m.index] === "." && (ABBREV.has(lastWord) || /^[a-z]$/i.test(lastWord) || /(^|\.)[a-z]\.[a-z]$/i.test(lastWord))) continue;
    // Inside a quotation that closes soon after: one sentence ("“A. B,” said X.").
    const upTo = text.slice(start, m.index + 1);
    const open = (upTo.match(/“/g)?.length ?? 0) - (upTo.match(/”/g)?.length ?? 0) + ((upTo.match(/"/g)?.length ?? 0) % 2);
    if (open > 0 && /[”"]/.test(text.slice(m.index + 1, m.index + 400))) continue;
    out.push(text.slice(start, m.index + m[0].trimEnd().length).trim());
    start = m.index + m[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  // Chinese sentence ends, and the boundary where Chinese text gives way to English.
  const parts = paragraph
    .replace(/([。！？!?][”’」』"]?)/gu, "$1\u0001")
    .replace(/(\p{Script=Han}[：:，,）)]?|[：，）])\s*(?=[A-Z][a-z]+(?:\s+[A-Za-z]+){4,})/gu, "$1\u0001")
    .split("\u0001");
  for (const part of parts) {
    const t = part.trim();
    if (!t) continue;
    if (/\p{Script=Han}/u.test(t) && !/[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(t)) out.push(t);
    else out.push(...splitEnglish(t));
  }
  return out;
}
