/**
 * Answer → plain text for a terminal: the answer, then numbered sources (title, date, file, quote).
 * Takes a neutral Answer, returns a string. Terminal text needs no escaping beyond dropping control characters.
 */
import type { Answer } from "../../src/answer.ts";

const LABELS = {
  en: { sources: "Sources", related: "The corpus does know" },
  zh: { sources: "来源", related: "语料中相关的内容" },
};

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

export function renderConsole(a: Answer): string {
  const L = LABELS[a.lang];
  const lines = [clean(a.answer)];
  if (a.related?.length) lines.push(`${L.related}:`, ...a.related.map((r) => `  - ${clean(r)}`));
  if (a.sources.length) {
    lines.push(`${L.sources}:`);
    a.sources.forEach((s, i) => {
      lines.push(`  [${i + 1}] ${clean(s.title)}${s.date ? ` (${s.date})` : ""} — ${s.file}`);
      lines.push(`      "${clean(s.quote)}"`);
    });
  }
  return lines.join("\n");
}
