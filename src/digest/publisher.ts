/**
 * The one neutral interface through which digests reach a chat platform. A Publisher takes a neutral
 * Digest and renders it into that platform's messages (deterministically: a retry renders the same
 * parts again and resumes after the last one the platform accepted), and sends one message to a chat.
 * Implementations: adapters/telegram/publisher.ts (sendMessage), adapters/slack/publisher.ts (chat.postMessage).
 */
import type { Digest } from "./compose.ts";

/** One platform message: its text (Telegram HTML, Slack fallback) and, on Slack, its blocks. */
export interface OutgoingMessage {
  text: string;
  blocks?: unknown[];
}

export interface Publisher {
  /** "telegram", "slack": the platform part of a subscription's key. */
  readonly platform: string;
  /** The digest as this platform's messages, each within its limits. Pure. */
  render(digest: Digest): OutgoingMessage[];
  /**
   * Post one message to a chat; resolves once the platform accepted it. Rate limits (429) are waited
   * out inside. Throws PublishError; `permanent` when retrying cannot help (bot removed, no such chat).
   */
  send(chatId: string, message: OutgoingMessage): Promise<void>;
}

export class PublishError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "PublishError";
  }
}
