/**
 * Files → Corpus: takes a data folder, returns cleaned articles, their extracted events, the
 * corpus-wide person registry (aliases merged across spellings and languages) and load problems.
 */
import type { Article, Event, Person } from "../types.ts";
import { cleanArticle } from "./clean.ts";
import { loadRawDocs, type LoadOptions, type LoadProblem } from "./load.ts";
import { extractCorpus } from "../extract/events.ts";

export interface Corpus {
  articles: Article[];
  events: Event[];
  persons: Person[];
  problems: LoadProblem[];
  /** Person ids each sentence mentions or refers to. */
  mentions: Map<string, string[]>;
  /** The event each sentence belongs to. */
  sentenceEvent: Map<string, string>;
}

export async function buildCorpus(dir: string, opts: LoadOptions = {}): Promise<Corpus> {
  const { docs, problems } = await loadRawDocs(dir, opts);
  const articles: Article[] = [];
  for (const d of docs) {
    try {
      const a = cleanArticle(d.file, d.text, d.hash);
      if (!a.sentences.length) problems.push({ file: d.file, reason: "no story text found after removing page clutter" });
      else articles.push(a);
    } catch (err) {
      problems.push({ file: d.file, reason: `could not be parsed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  const { events, persons, mentions, sentenceEvent } = extractCorpus(articles);
  return { articles, events, persons, problems, mentions, sentenceEvent };
}
