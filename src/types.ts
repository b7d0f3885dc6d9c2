/**
 * The types every stage shares: Article (corpus → extract), Event (extract → index → query),
 * Intent (parse → retrieve). The neutral Answer that adapters render lives in answer.ts.
 */

export type Lang = "en" | "zh";

/** One paragraph of a cleaned article. Captions are kept but marked. */
export interface Paragraph {
  text: string;
  lang: Lang;
  caption: boolean;
  /** The page's headline, kept as evidence (it states the story's main fact). */
  headline?: boolean;
}

/** A sentence with its position, the unit of evidence and of sentence search. */
export interface Sentence {
  /** `${file}#${index}` — unique in the corpus. */
  id: string;
  file: string;
  index: number;
  paragraph: number;
  text: string;
  lang: Lang;
  caption: boolean;
  headline?: boolean;
}

/** A calendar date with how much of it is known and where it came from. */
export interface DateValue {
  year?: number;
  month?: number; // 1-12
  day?: number;
  /** Last day of a range ("Dec. 16-18"). */
  endDay?: number;
  precision: "day" | "month" | "year" | "unknown";
  /** stated: written in full; relative: resolved from a phrase against a reference date;
   *  inferred: year taken from another article; partial: year not stated and not inferable. */
  provenance: "stated" | "relative" | "inferred" | "partial";
  /** The words the date came from ("on Sunday", "last December", "18日"). */
  text: string;
  /** Human note on how it was resolved ("Sunday before 2014-12-15 (publish date)"). */
  note?: string;
}

/** Who the page credits: the story's author (byline, 记者) or a photo's photographer. */
export interface Credit {
  role: "author" | "photographer";
  name: string;
}

/** A file after cleaning: the story only, with metadata. */
export interface Article {
  file: string;
  title: string;
  /** Publish date if the page states one (dateline / "Updated:"). */
  published?: DateValue;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  langs: Lang[];
  /** Content hash of the raw bytes (for snapshots and change detection). */
  hash: string;
  /** Bylines and photo credits (corpus/credits.ts); none when the page gives none. */
  credits?: Credit[];
}

export type Role = "host" | "guest" | "co-chair" | "head of delegation" | "witness" | "participant" | "speaker";

export interface Participant {
  /** Canonical display name (the longest, most frequent spelling). */
  name: string;
  /** Canonical person id shared across spellings, languages and articles. */
  id: string;
  title?: string;
  country?: string;
  role: Role;
}

export interface Figure {
  value: string; // as written: "52", "22.4 km", "US$3 billion", "5.28平方公里"
  number: number;
  unit?: string;
  /** What it measures: the noun phrase around it ("early-harvest projects"). */
  measures: string;
  sentence: string; // sentence id
}

export type EventKind =
  | "talks" | "meeting" | "committee session" | "visit" | "signing" | "summit"
  | "conference" | "forum" | "ceremony" | "agreement" | "other";

export interface Event {
  id: string;
  file: string;
  kind: EventKind;
  /** Short description: the trigger clause, e.g. "held talks", "11th Meeting of the China-Kazakhstan Cooperation Committee". */
  what: string;
  date: DateValue;
  place?: string;
  participants: Participant[];
  series?: string;
  ordinal?: number;
  documents: string[];
  topics: string[];
  figures: Figure[];
  /** Sentence ids the facts came from; the first is the main one. */
  evidence: string[];
}

/** A person known to the corpus, with every spelling seen. */
export interface Person {
  id: string;
  name: string;
  aliases: string[];
  titles: string[];
  country?: string;
  files: string[];
}

export type QuestionKind = "who" | "when" | "where" | "what" | "howmany" | "list" | "timeline" | "unknown";

/** A parsed question. */
export interface Intent {
  question: string;
  lang: Lang;
  kind: QuestionKind;
  /** "how many times …" style counting of events (vs. a figure). */
  countEvents: boolean;
  persons: string[]; // person ids
  places: string[];
  ordinal?: number;
  /** The series the ordinal counts ("Sub-Committee on Energy Cooperation", "中哈合作委员会"), as written. */
  series?: string;
  year?: number;
  /** With `year`, a span of years ("between 2014 and 2016", "2014年至2016年", "since 2019"). */
  yearTo?: number;
  month?: number;
  day?: number;
  side?: string; // "China" / "Kazakhstan" when the question names one side ("the Kazakh delegation")
  eventKinds: EventKind[];
  /** Content words (lower-cased, English and Chinese) for ranking. */
  terms: string[];
  /** The thing asked for ("which activities" → activ, "哪些地方" → 地方): weighs double in ranking. */
  focus: string[];
  /** The question's Chinese text without question words and names, folded to simplified (for word-level matching). */
  hanRuns: string[];
  /** Capitalised words of the question that match nothing in the corpus. */
  unknownNames: string[];
  /** People the question sets aside ("besides Massimov", "除了马西莫夫"): not constraints, not answers. */
  excluded?: string[];
}
