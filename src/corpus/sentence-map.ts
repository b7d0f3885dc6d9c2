/**
 * A map keyed by sentence id (`${file}#${index}`) that keeps one small array per article instead of
 * one entry per sentence: the per-sentence facts of a corpus (whom a sentence mentions, which event it
 * belongs to) for millions of sentences without millions of map entries and key strings. Takes and
 * returns what a `Map<string, V>` would; iterates articles in the order their first entry was set,
 * sentences in order within each. A key that is not a sentence id is kept in a plain map beside.
 * @example
 * const m = new SentenceMap<string>();
 * m.set("a.txt#2", "a.txt#e0");
 * m.get("a.txt#2"); // "a.txt#e0"
 * [...m.keys()]; // ["a.txt#2"]
 */
import { splitSentenceId } from "./clean.ts";

export class SentenceMap<V> {
  private readonly byFile = new Map<string, (V | undefined)[]>();
  private readonly other = new Map<string, V>();
  private count = 0;

  constructor(entries?: Iterable<readonly [string, V]>) {
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    return this.count;
  }

  get(id: string): V | undefined {
    const at = splitSentenceId(id);
    if (!at) return this.other.get(id);
    return this.byFile.get(at[0])?.[at[1]];
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
    let l = this.byFile.get(at[0]);
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
    const l = this.byFile.get(at[0]);
    if (!l || l[at[1]] === undefined) return false;
    l[at[1]] = undefined;
    this.count--;
    while (l.length && l[l.length - 1] === undefined) l.pop();
    if (!l.length) this.byFile.delete(at[0]);
    return true;
  }

  /** Set every value of one article at once (index i → `values[i]`, undefined for none). */
  setArticle(file: string, values: (V | undefined)[]): void {
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

  *entries(): IterableIterator<[string, V]> {
    for (const [file, l] of this.byFile)
      for (let i = 0; i < l.length; i++) {
        const v = l[i];
        if (v !== undefined) yield [`${file}#${i}`, v];
      }
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
