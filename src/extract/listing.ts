/**
 * What the index lists an event under (place, people, year, month, whether the year was inferred): takes
 * an event, returns its listing. A snapshot's event (index/stored.ts `StoredEvent`) gives it from its key
 * table without decoding itself; any other event from its fields. The extraction stage (year bookkeeping)
 * and the index read events through it.
 * @example listingOf({ ...event, place: "Astana", participants: [{ id: "p:a" }] }).people // ["p:a"]
 */
import type { Event } from "../types.ts";

export interface EventListing {
  place: string | undefined;
  people: string[];
  year: number | undefined;
  month: number | undefined;
  inferred: boolean;
}

export function listingOf(e: Event): EventListing {
  const stored = (e as Event & { listing?: EventListing }).listing;
  if (stored) return stored;
  return { place: e.place, people: e.participants.map((p) => p.id), year: e.date.year, month: e.date.month, inferred: e.date.provenance === "inferred" };
}
