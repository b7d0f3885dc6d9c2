/**
 * The chat platforms `npm start` runs, in order. Each factory returns null when its platform is not
 * configured; when none is, `npm start` falls back to the console adapter.
 */
import type { AdapterFactory } from "./chat.ts";
import { createSlackAdapter } from "./slack/index.ts";
import { createTelegramAdapter } from "./telegram/index.ts";

export const PLATFORMS: AdapterFactory[] = [createTelegramAdapter, (ctx) => createSlackAdapter(ctx)];
