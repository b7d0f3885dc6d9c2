/**
 * Articles' sentences and events as a snapshot stores them, decoded on first use. A restart builds one
 * small object per article and per event and decodes nothing else: an event's fields are read from its
 * article's stored bytes the first time any of them is asked for (then kept), and what the index lists
 * an event under (place, people, year) comes from a key table written beside them (`extract/listing.ts` `listingOf`).
 * Takes the bytes and tables snapshot.ts reads; gives objects that read, compare and serialise like the
 * plain sentences and events of a fresh build.
 */
import type { EventListing } from "../extract/listing.ts";
import type { Article, Credit, DateValue, Event, Figure, Lang, Participant, Role, Sentence } from "../types.ts";
import { CleanArticle, splitSentenceId, type ArticleMeta, type MetaSource, type SentenceSource } from "../corpus/clean.ts";
import { NONE } from "../extract/events.ts";

export type EncSentence = [number, number, number, number, string];
export type EncParticipant = [string, string, string | null, string | null, Role];
export type EncFigure = [string, number, string | null, string, number | string];
/** An article's title, publish date, languages, paragraph kinds and credits (when any). */
export type EncMeta = [string, DateValue | null, Lang[], string, Credit[]?];
export type EncEvent = [Event["kind"], number | string, DateValue, string | null, EncParticipant[], string | null, number | null, string[], string[], EncFigure[], (number | string)[]];

const LANGS: Lang[] = ["en", "zh"];
const utf8 = new TextDecoder();
/** Optional fields as JSON keeps them (null) and back. */
export const nul = <T>(v: T | undefined) => (v === undefined ? null : v);
export const und = <T>(v: T | null) => (v === null ? undefined : v);

/** What an event says it is, from its main sentence: the sentence itself, cut at 200 characters. */
export const clipWhat = (t: string) => (t.length > 200 ? t.slice(0, 197) + "…" : t);

/** Sentence id → its index when it is a sentence of `file`, else the id itself. */
function sentenceRef(file: string, id: string): number | string {
  const at = splitSentenceId(id);
  return at && at[0] === file ? at[1] : id;
}

/**
 * Where stored bytes are: ranges of a file held open (snapshot.ts BlobFile), one per article, read each
 * time they are asked for and checked against the range's CRC-32 (as a signed 32-bit integer) then. A
 * table of typed arrays, not an object per range (a restart at 100,000 articles has 400,000 ranges).
 */
export interface StoredRanges {
  file: { read(at: number, len: number, crc: number): Uint8Array };
  at: Float64Array;
  len: Int32Array;
  crc: Int32Array;
}

const bytesOf = (r: StoredRanges, k: number) => r.file.read(r.at[k]!, r.len[k]!, r.crc[k]!);

/**
 * Stored bytes that fail their checksum: the snapshot was damaged after it was written. Thrown by the
 * read that found it (nothing decoded from such bytes is ever used); the Core rebuilds from the files.
 */
export class SnapshotDamage extends Error {
  override readonly name = "SnapshotDamage";
}

/** An article's meta as stored: UTF-8 JSON of EncMeta (copied as it is when it was never decoded). */
export function encodeMeta(a: Article): Uint8Array {
  if (a instanceof CleanArticle && a.encodedMeta) return a.encodedMeta;
  const kinds = a instanceof CleanArticle ? a.paragraphKinds : CleanArticle.kindsOf(a.paragraphs);
  const enc: EncMeta = [a.title, nul(a.published), a.langs, kinds, ...(a.credits?.length ? [a.credits] : [])] as EncMeta;
  return Buffer.from(JSON.stringify(enc), "utf8");
}

/** A snapshot article's meta, decoded when first read. */
export class StoredMeta implements MetaSource {
  constructor(
    private readonly ranges: StoredRanges,
    private readonly k: number,
  ) {}
  get raw(): Uint8Array {
    return bytesOf(this.ranges, this.k);
  }
  decode(): ArticleMeta {
    const [title, published, langs, kinds, credits] = JSON.parse(utf8.decode(this.raw)) as EncMeta;
    return { title, published: und(published), langs, kinds, ...(credits?.length ? { credits } : {}) };
  }
}

/** An article's sentences as stored: UTF-8 JSON of EncSentence[]. */
export function encodeSentences(sentences: Sentence[]): Uint8Array {
  const enc: EncSentence[] = sentences.map((s) => [s.paragraph, s.lang === "zh" ? 1 : 0, s.caption ? 1 : 0, s.headline ? 1 : 0, s.text]);
  return Buffer.from(JSON.stringify(enc), "utf8");
}

/** A snapshot article's sentences, decoded when first read. */
export class StoredSentences implements SentenceSource {
  constructor(
    private readonly file: string,
    readonly count: number,
    private readonly ranges: StoredRanges,
    private readonly k: number,
  ) {}
  get raw(): Uint8Array {
    return bytesOf(this.ranges, this.k);
  }
  decode(): Sentence[] {
    const enc = JSON.parse(utf8.decode(this.raw)) as EncSentence[];
    if (enc.length !== this.count) throw new Error(`snapshot: ${this.file} has ${enc.length} sentences, expected ${this.count}`);
    const file = this.file;
    return enc.map(([paragraph, lang, caption, headline, text], index) => ({
      id: `${file}#${index}`,
      file,
      index,
      paragraph,
      text,
      lang: LANGS[lang]!,
      caption: caption === 1,
      ...(headline ? { headline: true } : {}),
    }));
  }
}

/**
 * An article's events as stored: UTF-8 JSON of EncEvent[] (`what` as the number of its evidence
 * sentence when it is that sentence). `texts` gives the article's sentence texts when needed.
 */
export function encodeEvents(file: string, events: Event[], texts: () => Map<string, string>): Uint8Array {
  const enc: EncEvent[] = events.map((e) => {
    let what = e instanceof StoredEvent ? e.whatRef : -1;
    if (what < 0) {
      const byId = texts();
      what = e.evidence.findIndex((id) => {
        const t = byId.get(id);
        return t !== undefined && clipWhat(t) === e.what;
      });
    }
    return [
      e.kind,
      what >= 0 ? what : e.what,
      e.date,
      nul(e.place),
      e.participants.map((p) => [p.id, p.name, nul(p.title), nul(p.country), p.role]),
      nul(e.series),
      nul(e.ordinal),
      e.documents,
      e.topics,
      e.figures.map((f) => [f.value, f.number, nul(f.unit), f.measures, sentenceRef(file, f.sentence)]),
      e.evidence.map((id) => sentenceRef(file, id)),
    ];
  });
  return Buffer.from(JSON.stringify(enc), "utf8");
}

/**
 * What the index lists an event under and year inference looks at, for every stored event (by its
 * number in the snapshot): year (0: none), month (0: none), whether the year was inferred, place
 * (index into `places`, -1: none) and people (`people[peopleAt[n]..peopleAt[n+1]]`, indexes into `ids`).
 */
export interface EventKeyTable {
  year: Int32Array;
  month: Uint16Array;
  inferred: Uint16Array;
  place: Int32Array;
  places: string[];
  peopleAt: Int32Array;
  people: Int32Array;
  ids: string[];
}

type Fields = Omit<Event, "id" | "file" | "what"> & { what: string | undefined; whatRef: number };

/** One stored article's events: their bytes, decoded together on first use (then kept). */
export class StoredEventGroup {
  private fields: Fields[] | undefined;
  constructor(
    readonly file: string,
    readonly article: Article,
    readonly count: number,
    private readonly ranges: StoredRanges,
    private readonly k: number,
    private readonly one: <T extends string | null>(s: T) => T,
  ) {}

  /** The events as stored. */
  get raw(): Uint8Array {
    return bytesOf(this.ranges, this.k);
  }

  /** Were the events decoded (their fields may have been changed since: write them out again)? */
  get decoded(): boolean {
    return this.fields !== undefined;
  }

  at(i: number): Fields {
    if (!this.fields) this.fields = this.decode();
    return this.fields[i]!;
  }

  private decode(): Fields[] {
    const { file, one } = this;
    const sid = (r: number | string) => (typeof r === "number" ? `${file}#${r}` : r);
    const enc = JSON.parse(utf8.decode(this.raw)) as EncEvent[];
    return enc.map(([kind, what, date, place, participants, series, ordinal, documents, topics, figures, evidence]) => ({
      kind,
      what: typeof what === "string" ? what : undefined,
      whatRef: typeof what === "number" ? what : -1,
      date: { ...date, text: one(date.text), ...(date.note !== undefined ? { note: one(date.note) } : {}) },
      place: und(one(place)),
      participants: participants.map(([id, name, title, country, role]): Participant => ({ id: one(id), name: one(name), title: und(one(title)), country: und(one(country)), role })),
      series: und(one(series)),
      ordinal: und(ordinal),
      documents: documents.length ? documents : NONE,
      topics: topics.length ? topics.map(one) : NONE,
      figures: !figures.length ? NONE : figures.map(([value, number, unit, measures, sentence]): Figure => ({ value: one(value), number, unit: und(one(unit)), measures: one(measures), sentence: sid(sentence) })),
      evidence: evidence.map(sid),
    }));
  }
}

const FIELDS = ["kind", "date", "place", "participants", "series", "ordinal", "documents", "topics", "figures", "evidence"] as const;

/**
 * An event read from a snapshot. `id` and `file` are its own; every other field is an accessor on the
 * prototype (defining them per event cost more than the rest of a restart) that reads its article's
 * decoded fields, and serialises (`toJSON`) as a plain event. `what`, when it is the event's main
 * sentence, comes from the article's sentences each time it is read.
 */
export interface StoredEvent extends Omit<Event, "id" | "file"> {}
export class StoredEvent {
  readonly id: string;
  readonly file: string;
  readonly #group: StoredEventGroup;
  readonly #i: number;
  readonly #n: number;
  readonly #keys: EventKeyTable;

  constructor(group: StoredEventGroup, i: number, n: number, keys: EventKeyTable) {
    this.id = `${group.file}#e${i}`;
    this.file = group.file;
    this.#group = group;
    this.#i = i;
    this.#n = n;
    this.#keys = keys;
  }

  // One accessor per field, each with its own code: a getter shared by every field read its field by a
  // computed key, a lookup that V8 could not specialise (a tenth of an event-heavy question's time).
  get kind(): Event["kind"] {
    return this.#group.at(this.#i).kind;
  }
  set kind(v: Event["kind"]) {
    this.#group.at(this.#i).kind = v;
  }
  get date(): Event["date"] {
    return this.#group.at(this.#i).date;
  }
  set date(v: Event["date"]) {
    this.#group.at(this.#i).date = v;
  }
  get place(): Event["place"] {
    return this.#group.at(this.#i).place;
  }
  set place(v: Event["place"]) {
    this.#group.at(this.#i).place = v;
  }
  get participants(): Event["participants"] {
    return this.#group.at(this.#i).participants;
  }
  set participants(v: Event["participants"]) {
    this.#group.at(this.#i).participants = v;
  }
  get series(): Event["series"] {
    return this.#group.at(this.#i).series;
  }
  set series(v: Event["series"]) {
    this.#group.at(this.#i).series = v;
  }
  get ordinal(): Event["ordinal"] {
    return this.#group.at(this.#i).ordinal;
  }
  set ordinal(v: Event["ordinal"]) {
    this.#group.at(this.#i).ordinal = v;
  }
  get documents(): Event["documents"] {
    return this.#group.at(this.#i).documents;
  }
  set documents(v: Event["documents"]) {
    this.#group.at(this.#i).documents = v;
  }
  get topics(): Event["topics"] {
    return this.#group.at(this.#i).topics;
  }
  set topics(v: Event["topics"]) {
    this.#group.at(this.#i).topics = v;
  }
  get figures(): Event["figures"] {
    return this.#group.at(this.#i).figures;
  }
  set figures(v: Event["figures"]) {
    this.#group.at(this.#i).figures = v;
  }
  get evidence(): Event["evidence"] {
    return this.#group.at(this.#i).evidence;
  }
  set evidence(v: Event["evidence"]) {
    this.#group.at(this.#i).evidence = v;
  }

  static readonly #properties: PropertyDescriptorMap = {
    what: {
      enumerable: true,
      configurable: true,
      get(this: StoredEvent): string {
        const f = this.#group.at(this.#i);
        if (f.what !== undefined) return f.what;
        const id = f.evidence[f.whatRef]!;
        const at = splitSentenceId(id);
        const sentences = this.#group.article.sentences;
        const s = at && at[0] === this.file ? sentences[at[1]] : sentences.find((x) => x.id === id);
        return clipWhat(s?.text ?? "");
      },
      set(this: StoredEvent, v: string) {
        const f = this.#group.at(this.#i);
        f.what = v;
        f.whatRef = -1;
      },
    },
  };

  static {
    Object.defineProperties(StoredEvent.prototype, StoredEvent.#properties);
    // Enumerable, as a plain event's fields are.
    for (const k of FIELDS) Object.defineProperty(StoredEvent.prototype, k, { ...Object.getOwnPropertyDescriptor(StoredEvent.prototype, k), enumerable: true });
  }

  toJSON(): Event {
    const { id, file, kind, what, date, place, participants, series, ordinal, documents, topics, figures, evidence } = this;
    return { id, file, kind, what, date, place, participants, series, ordinal, documents, topics, figures, evidence };
  }

  /** Which evidence sentence `what` is (-1: a text of its own), for writing the snapshot again. */
  get whatRef(): number {
    const f = this.#group.at(this.#i);
    return f.what === undefined ? f.whatRef : -1;
  }

  /** Its article's stored events, while they are still exactly as stored (to be copied as they are). */
  get untouched(): StoredEventGroup | undefined {
    return this.#group.decoded ? undefined : this.#group;
  }

  /** The listing from the key table while undecoded (afterwards the fields may have changed). */
  get listing(): EventListing | undefined {
    if (this.#group.decoded) return undefined;
    const k = this.#keys, n = this.#n;
    const people: string[] = [];
    for (let j = k.peopleAt[n]!; j < k.peopleAt[n + 1]!; j++) people.push(k.ids[k.people[j]!]!);
    return { place: k.place[n]! >= 0 ? k.places[k.place[n]!] : undefined, people, year: k.year[n] || undefined, month: k.month[n] || undefined, inferred: k.inferred[n] === 1 };
  }
}

/** One copy of each short string read (names, titles, countries, date phrases repeat across events). */
export function interner(): <T extends string | undefined | null>(s: T) => T {
  const seen = new Map<string, string>();
  return <T extends string | undefined | null>(s: T): T => {
    if (typeof s !== "string" || s.length > 120) return s;
    const had = seen.get(s);
    if (had !== undefined) return had as T;
    seen.set(s, s);
    return s;
  };
}
