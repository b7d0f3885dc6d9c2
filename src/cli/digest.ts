/**
 * `npm run digest -- [--data DIR] [--since DATE] [--topic WORDS] [--lang en|zh] [--tz ZONE] [--state FILE] [--json]`:
 * preview a digest from the command line. Takes the corpus and, when it exists, the bot's state file
 * (read only); prints the digest as plain text, or the neutral Digest as JSON with --json.
 *
 * Which articles count as new: those that entered the corpus after --since (a date, YYYY-MM-DD = midnight
 * UTC, or an ISO date-time). "Entered" is the bot's registry time when the state file knows the file;
 * files it does not know yet count as entering now; with no state file, a file's modification time
 * stands in. Without --since every article counts (a preview of the whole corpus).
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Core } from "../core.ts";
import { composeDigest, digestSize } from "../digest/compose.ts";
import { canonicalZone } from "../digest/schedule.ts";
import { digestLines, linesToPlain, nothingNewLines } from "../digest/texts.ts";
import { openSqliteStore } from "../state/sqlite.ts";
import type { IngestEntry } from "../state/store.ts";
import type { Lang } from "../types.ts";

export interface DigestArgs {
  data: string;
  state: string;
  since?: number;
  topic?: string;
  lang: Lang;
  tz: string;
  json: boolean;
}

/** A date or date-time → epoch ms (a bare date is midnight UTC); undefined when unreadable. */
export function parseSince(s: string): number | undefined {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(t) ? undefined : t;
}

export function parseDigestArgs(argv: string[], env: Record<string, string | undefined> = process.env): DigestArgs {
  const a: DigestArgs = { data: env.DATA_DIR || "data", state: env.STATE_DB || "var/state.db", lang: "en", tz: "UTC", json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--data") a.data = value();
    else if (flag === "--state") a.state = value();
    else if (flag === "--json") a.json = true;
    else if (flag === "--topic") a.topic = value();
    else if (flag === "--lang") a.lang = value() === "zh" ? "zh" : "en";
    else if (flag === "--tz") {
      const v = value();
      const tz = canonicalZone(v);
      if (!tz) throw new Error(`unknown time zone: ${v}`);
      a.tz = tz;
    } else if (flag === "--since") {
      const v = value();
      const t = parseSince(v);
      if (t === undefined) throw new Error(`--since: not a date: ${v}`);
      a.since = t;
    } else throw new Error(`unknown option: ${argv[i]}`);
  }
  return a;
}

/** When each article entered the corpus: the state file's registry, else file modification times. */
async function entriesFor(core: Core, state: string, now: number): Promise<IngestEntry[]> {
  const known = new Map<string, IngestEntry>();
  if (existsSync(state)) {
    const store = openSqliteStore(state, { readonly: true });
    try {
      for (const e of await store.registry()) known.set(e.file, e);
    } finally {
      await store.close();
    }
  }
  const out: IngestEntry[] = [];
  for (const a of core.corpus.articles) {
    const k = known.get(a.file);
    if (k && k.hash === a.hash) out.push(k);
    else if (known.size) out.push({ file: a.file, hash: a.hash, firstSeen: k?.firstSeen ?? now, contentAt: now });
    else {
      const mtime = Math.floor((await stat(join(core.options.dataDir, a.file))).mtimeMs);
      out.push({ file: a.file, hash: a.hash, firstSeen: mtime, contentAt: mtime });
    }
  }
  return out;
}

async function main(): Promise<void> {
  let args: DigestArgs;
  try {
    args = parseDigestArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const now = Date.now();
  const core = await Core.load({ dataDir: args.data });
  for (const p of core.problems) process.stderr.write(`skipped ${p.file}: ${p.reason}\n`);
  const entries = await entriesFor(core, args.state, now);
  const since = args.since ?? Math.min(now, ...entries.map((e) => e.contentAt)) - 1;
  const { digest } = composeDigest({ corpus: core.corpus, entries, since, until: now, lang: args.lang, tz: args.tz, topic: args.topic });
  if (args.json) process.stdout.write(JSON.stringify(digest, null, 2) + "\n");
  else process.stdout.write(linesToPlain(digestSize(digest) ? digestLines(digest) : nothingNewLines(since, args.tz, args.lang)) + "\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
