/**
 * `npm run ask -- [--data DIR] [--json] [QUESTION]`: answer one question, or every line of stdin
 * as it arrives (one JSON object per line with --json). Load problems go to stderr; exit code 0.
 */
import { createInterface } from "node:readline";
import { Core } from "../core.ts";
import { snapshotDirFrom } from "../config.ts";
import { snapshotPathFor } from "../index/snapshot.ts";
import { createLogger } from "../logger.ts";
import { renderConsole } from "../../adapters/console/render.ts";
import type { Answer } from "../answer.ts";

export function parseArgs(argv: string[]): { data: string; json: boolean; question?: string } {
  let data = process.env.DATA_DIR || "data";
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--data") data = argv[++i] ?? data;
    else if (a.startsWith("--data=")) data = a.slice(7);
    else if (a === "--json") json = true;
    else rest.push(a);
  }
  return { data, json, question: rest.length ? rest.join(" ") : undefined };
}

export function toJsonLine(a: Answer): string {
  return JSON.stringify({ question: a.question, found: a.found, answer: a.answer, sources: a.sources, events: a.events, ...(a.related ? { related: a.related } : {}) });
}

const args = parseArgs(process.argv.slice(2));
// The snapshot (SNAPSHOT_DIR) makes every run after the first start in a second or two; a stale or
// broken one is rebuilt, and the reason goes to stderr.
const snapshotDir = snapshotDirFrom();
const core = await Core.load({
  dataDir: args.data,
  snapshot: snapshotDir ? snapshotPathFor(snapshotDir, args.data) : undefined,
  logger: process.env.LOG_LEVEL ? createLogger(process.env.LOG_LEVEL) : undefined,
});
const snap = core.loaded.snapshot;
if (snap && !snap.used && snap.kind !== "missing") process.stderr.write(`snapshot ${snap.path} not used (${snap.reason}): rebuilt\n`);
for (const p of core.problems) process.stderr.write(`skipped ${p.file}: ${p.reason}\n`);
const out = (q: string) => {
  const a = core.ask(q);
  process.stdout.write((args.json ? toJsonLine(a) : renderConsole(a) + "\n") + "\n");
};
if (args.question !== undefined) out(args.question);
else {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) if (line.trim() || args.json) out(line);
}
