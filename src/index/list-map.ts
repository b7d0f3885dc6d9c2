/**
 * Lists per key that a snapshot stores as numbers and a restart turns into lists of objects only when
 * one is asked for: the index's sentences and events per person, place, year and series, and the person
 * lookup keys. `ListMap` reads like a Map of arrays; `saveListsSteps` writes one back as numbers.
 */

import { Pacer, type Steps } from "../paced.ts";

/**
 * Lists per key as a snapshot keeps them: key i's items are `items[at[i]..at[i+1]]`, as numbers (a
 * sentence's position in the corpus, an event's index in `corpus.events`).
 */
export interface SavedLists<K> {
  keys: K[];
  at: Int32Array;
  items: Int32Array;
}

/**
 * A Map of lists whose lists start as a snapshot's numbers and become lists of items when first asked
 * for (a restart builds none of the million entries), then are kept and changed in place like a Map's.
 */
export class ListMap<K, T> {
  private readonly own = new Map<K, T[]>();
  private readonly base: Map<K, number>;
  constructor(
    private readonly saved?: SavedLists<K>,
    private readonly item?: (n: number) => T,
  ) {
    this.base = new Map(saved?.keys.map((k, i) => [k, i] as const));
  }

  get(k: K): T[] | undefined {
    const l = this.own.get(k);
    if (l || !this.base.has(k)) return l;
    const made = this.fromBase(k);
    this.base.delete(k);
    this.own.set(k, made);
    return made;
  }

  set(k: K, l: T[]): this {
    this.base.delete(k);
    this.own.set(k, l);
    return this;
  }

  delete(k: K): boolean {
    const had = this.base.delete(k);
    return this.own.delete(k) || had;
  }

  keys(): K[] {
    return [...this.own.keys(), ...this.base.keys()];
  }

  /**
   * Every list, without keeping those not asked for yet (for writing a snapshot). The keys are taken
   * first: a list asked for while a paced write iterates is still visited, once.
   */
  *entries(): IterableIterator<[K, T[]]> {
    for (const k of this.keys()) {
      const l = this.own.get(k) ?? (this.base.has(k) ? this.fromBase(k) : undefined);
      if (l) yield [k, l];
    }
  }

  *values(): IterableIterator<T[]> {
    for (const [, l] of this.entries()) yield l;
  }

  private fromBase(k: K): T[] {
    const i = this.base.get(k)!, s = this.saved!, out: T[] = [];
    for (let j = s.at[i]!; j < s.at[i + 1]!; j++) out.push(this.item!(s.items[j]!));
    return out;
  }
}

/** Lists per key as numbers (`number` gives an item's): a job that yields between slices (see src/paced.ts). */
export function* saveListsSteps<K, T>(m: ListMap<K, T>, number: (x: T) => number, pacer = new Pacer()): Steps<SavedLists<K>> {
  const keys: K[] = [], at: number[] = [0], items: number[] = [];
  for (const [k, l] of m.entries()) {
    keys.push(k);
    for (const x of l) items.push(number(x));
    at.push(items.length);
    if (pacer.tick(l.length + 1)) yield;
  }
  return { keys, at: Int32Array.from(at), items: Int32Array.from(items) };
}

