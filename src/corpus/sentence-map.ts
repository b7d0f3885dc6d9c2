/**
 * A map keyed by sentence id (`${file}#${index}`) that keeps one small array per article instead of
 * one entry per sentence: the per-sentence facts of a corpus (whom a sentence mentions, which event it
 * belongs to) for millions of sentences without millions of map entries and key strings. Takes and
 * returns what a `Map<string, V>` would; iterates articles in the order their first entry was set,
 * sentences in order within each. A key that is not a sentence id is kept in a plain map beside.
 * With a `source` (a snapshot's), an article's values are read from it when the article is first
 * looked at, then kept here like any others (a change replaces them; the source is not asked again).
 * @example
 * const m = new SentenceMap<string>();
 * m.set("a.txt#2", "a.txt#e0");
 * m.get("a.txt#2"); // "a.txt#e0"
 * [...m.keys()]; // ["a.txt#2"]
 */
import { splitSentenceId } from "./clean.ts";

/** Where a SentenceMap's values of articles not looked at yet come from (their files, and one article's values). */
export interface SentenceValues<V> {
  files(): Iterable<string>;
  load(file: string): (V | undefined)[] | undefined;
}

export class SentenceMap<V> {
  private readonly byFile = new Map<string, (V | undefined)[]>();
  private readonly other = new Map<string, V>();
  private count = 0;
  /** Files whose values were taken from `source` (or set here) already. */
  private readonly pulled = new Set<string>();

  constructor(entries?: Iterable<readonly [string, V]>, private readonly source?: SentenceValues<V>) {
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  /** Entries held; with a source, those of the articles looked at so far. */
  get size(): number {
    return this.count;
  }

  /** The values of `file`, taken from the source the first time. */
  private list(file: string): (V | undefined)[] | undefined {
    const l = this.byFile.get(file);
    if (l || !this.source || this.pulled.has(file)) return l;
    this.pulled.add(file);
    const v = this.source.load(file);
    if (v) this.put(file, v);
    return this.byFile.get(file);
  }

  /** An article's values as they are now, without keeping what the source gives (a snapshot write reads every article's). */
  peekArticle(file: string): readonly (V | undefined)[] | undefined {
    const l = this.byFile.get(file);
    if (l || !this.source || this.pulled.has(file)) return l;
    return this.source.load(file);
  }

  get(id: string): V | undefined {
    const at = splitSentenceId(id);
    if (!at) return this.other.get(id);
    return this.list(at[0])?.[at[1]];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** `v` must not be undefined (an entry holding undefined is no entry). */
  set(id: string, v: V): this {
    const at = splitSentenceId(id);
    if (!at) {
      if (!this.other.has(id)) this.count++;
      this.other.set(id, v);
      return this;
    }
    let l = this.list(at[0]);
    if (!l) this.byFile.set(at[0], (l = []));
    if (l[at[1]] === undefined) this.count++;
    // Fill the gap with undefined rather than leaving holes (holey arrays of many kinds are slower).
    while (l.length < at[1]) l.push(undefined);
    l[at[1]] = v;
    return this;
  }

  delete(id: string): boolean {
    const at = splitSentenceId(id);
    if (!at) {
      const had = this.other.delete(id);
      if (had) this.count--;
      return had;
    }
    const l = this.list(at[0]);
    if (!l || l[at[1]] === undefined) return false;
    l[at[1]] = undefined;
    this.count--;
    while (l.length && l[l.length - 1] === undefined) l.pop();
    if (!l.length) this.byFile.delete(at[0]);
    return true;
  }

  /** Set every value of one article at once (index i → `values[i]`, undefined for none). */
  setArticle(file: string, values: (V | undefined)[]): void {
    if (this.source) this.pulled.add(file);
    this.put(file, values);
  }

  private put(file: string, values: (V | undefined)[]): void {
    const had = this.byFile.get(file);
    if (had) for (const v of had) if (v !== undefined) this.count--;
    let n = values.length;
    while (n && values[n - 1] === undefined) n--;
    if (!n) {
      this.byFile.delete(file);
      return;
    }
    const l = values.length === n ? values : values.slice(0, n);
    for (const v of l) if (v !== undefined) this.count++;
    this.byFile.set(file, l);
  }

  /** With a source: its articles in its order, then those set here only. */
  *entries(): IterableIterator<[string, V]> {
    const seen = this.source ? new Set<string>() : undefined;
    const one = function* (file: string, l: (V | undefined)[]): Generator<[string, V]> {
      for (let i = 0; i < l.length; i++) {
        const v = l[i];
        if (v !== undefined) yield [`${file}#${i}`, v];
      }
    };
    if (this.source)
      for (const f of this.source.files()) {
        seen!.add(f);
        const l = this.list(f);
        if (l) yield* one(f, l);
      }
    for (const [file, l] of this.byFile) if (!seen?.has(file)) yield* one(file, l);
    yield* this.other;
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
