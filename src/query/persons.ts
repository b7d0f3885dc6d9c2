/** The corpus's people by id: one map per list of people, shared by the question's stages. */
import type { Person } from "../types.ts";

const byIdCache = new WeakMap<Person[], Map<string, Person>>();

/** The corpus's people by id, built once per list of people (tens of thousands at 100,000 articles). */
export function personsById(persons: Person[]): Map<string, Person> {
  let m = byIdCache.get(persons);
  if (!m) byIdCache.set(persons, (m = new Map(persons.map((p) => [p.id, p]))));
  return m;
}
