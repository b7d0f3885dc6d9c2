/**
 * The neutral Answer: what the query core returns and every platform renderer takes.
 * Plain data (JSON-serialisable), no markup: renderers escape and format it.
 */
import type { Event, Lang } from "./types.ts";

export interface Source {
  /** Corpus file, relative to the data folder. */
  file: string;
  title: string;
  /** Publish date as YYYY-MM-DD (or YYYY-MM / YYYY), when known. */
  date?: string;
  /** The supporting sentence, quoted verbatim (trimmed to ~300 characters). */
  quote: string;
}

export interface Answer {
  question: string;
  /** True only when the corpus states the answer; never a guess. */
  found: boolean;
  /** One direct sentence (under ~400 characters) stating the fact, or saying it is not in the corpus. */
  answer: string;
  /** Language the answer is written in (follows the question). */
  lang: Lang;
  sources: Source[];
  events: Event[];
  /** When not found: short hints of what the corpus does know nearby. */
  related?: string[];
  /** Set for empty / oversized / nonsense input: the answer is usage help, not a corpus lookup. */
  help?: boolean;
}
