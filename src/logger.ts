/**
 * Structured logging (pino) to stderr, with every token and secret redacted.
 * Takes a level, returns a pino Logger; stdout stays free for answers.
 */
import pino, { type Logger } from "pino";

export type { Logger };

export const REDACT = [
  "token", "*.token", "botToken", "*.botToken", "signingSecret", "*.signingSecret", "appToken", "*.appToken",
  "secret", "*.secret", "config.TELEGRAM_BOT_TOKEN", "config.SLACK_BOT_TOKEN", "config.SLACK_SIGNING_SECRET",
  "config.SLACK_APP_TOKEN", "config.TELEGRAM_WEBHOOK_SECRET", "headers.authorization", "*.headers.authorization",
];

export function createLogger(level: string = "info", destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: undefined }, destination);
}
