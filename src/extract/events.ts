/**
 * Articles → events and people. (Assembly of the extract stage.)
 */
import type { Article, Event, Person } from "../types.ts";

export function extractCorpus(articles: Article[]): { events: Event[]; persons: Person[] } {
  void articles;
  return { events: [], persons: [] };
}
