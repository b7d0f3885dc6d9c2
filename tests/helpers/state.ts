/**
 * Test helpers for state, digests and the live corpus: a temporary folder (removed after the test
 * file), a data folder copied from a fixture, a settable clock, and a Publisher that records what it
 * would post. Takes fixture paths and times; returns plain objects the tests drive by hand.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import type { Digest } from "../../src/digest/compose.ts";
import { PublishError, type OutgoingMessage, type Publisher } from "../../src/digest/publisher.ts";
import { digestLines, linesToPlain } from "../../src/digest/texts.ts";

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "newsbot-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A temporary copy of a fixture folder (the tests add files to it). */
export function copyFixture(fixture: string): string {
  const dir = join(tempDir(), "data");
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** Writes a file under `dir`, creating folders. */
export function put(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

/** An invented article, different for every `name`, that the extractor turns into one dated signing event. */
export function article(name: string, place = "Harrowgate", day = 12): string {
  return [
    `${place} and ${name} sign ${name.toLowerCase()} trade pact`,
    `Updated: 2023-06-${day + 1} 09:00`,
    `${place.toUpperCase()} - Mayor Ilse Varga of ${place} and Mayor Oren Dahl of ${name} signed a ${name.toLowerCase()} trade agreement on June ${day}, 2023 at the town hall in ${place}.`,
    `The agreement covers ${name.toLowerCase()} grain, timber and river transport between the two towns.`,
  ].join("\n");
}

export interface Clock {
  t: number;
  now: () => Date;
  set: (iso: string) => void;
  advance: (ms: number) => void;
}

export function clock(iso: string): Clock {
  const c: Clock = {
    t: Date.parse(iso),
    now: () => new Date(c.t),
    set: (s) => void (c.t = Date.parse(s)),
    advance: (ms) => void (c.t += ms),
  };
  return c;
}

export interface Posted {
  chatId: string;
  text: string;
  at: number;
}

/**
 * A Publisher that renders a digest as plain text, one message per paragraph, and records every
 * message it "posts" with the clock's time. `failNext` makes the next sends throw; `hang` makes every
 * send wait forever (a process that dies while posting).
 */
export class RecordingPublisher implements Publisher {
  readonly posted: Posted[] = [];
  private failures: PublishError[] = [];
  hang = false;
  constructor(
    readonly platform: string,
    private readonly clock: Clock,
  ) {}

  render(d: Digest): OutgoingMessage[] {
    return linesToPlain(digestLines(d))
      .split(/\n\n+/)
      .map((text) => ({ text }));
  }

  async send(chatId: string, m: OutgoingMessage): Promise<void> {
    if (this.hang) return new Promise<void>(() => undefined);
    const f = this.failures.shift();
    if (f) throw f;
    this.posted.push({ chatId, text: m.text, at: this.clock.t });
  }

  failNext(n: number, permanent = false): void {
    for (let i = 0; i < n; i++) this.failures.push(new PublishError(permanent ? "chat not found" : "server error", permanent));
  }

  /** Everything posted to a chat, joined. */
  textIn(chatId: string): string {
    return this.posted.filter((p) => p.chatId === chatId).map((p) => p.text).join("\n\n");
  }
}
