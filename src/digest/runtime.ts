/**
 * The digest machinery one bot process runs, wired together: takes a Core, a StateStore, a clock and a
 * logger; returns the live corpus (its registry already brought up to date with what the Core holds),
 * the scheduler (refreshing through the live corpus when another process saw content first), the
 * services the chat commands use, and `close()` which stops both and closes the store.
 * Starting the watcher and the scheduler's timer is left to the caller (npm start does both).
 */
import type { Core } from "../core.ts";
import type { Logger } from "../logger.ts";
import type { StateStore } from "../state/store.ts";
import { LiveCorpus, type LiveOptions } from "../live/watch.ts";
import type { DigestServices } from "./commands.ts";
import { DigestScheduler, type SchedulerOptions } from "./scheduler.ts";

export interface DigestRuntime {
  live: LiveCorpus;
  scheduler: DigestScheduler;
  services: DigestServices;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  core: Core;
  store: StateStore;
  now: () => Date;
  logger?: Logger;
  live?: Partial<LiveOptions>;
  scheduler?: Partial<SchedulerOptions>;
}

export async function openDigestRuntime(o: RuntimeOptions): Promise<DigestRuntime> {
  const live = new LiveCorpus({ core: o.core, store: o.store, now: o.now, logger: o.logger?.child({ component: "live" }), ...o.live });
  // Articles already in the folder enter the registry now (at the very first start: all of them).
  await live.record();
  const scheduler = new DigestScheduler({
    store: o.store, corpus: () => o.core.corpus, now: o.now, logger: o.logger?.child({ component: "digest" }), refresh: () => live.sync(), ...o.scheduler,
  });
  return {
    live,
    scheduler,
    services: { store: o.store, scheduler },
    async close() {
      await scheduler.stop();
      await live.stop();
      await o.store.close();
    },
  };
}
