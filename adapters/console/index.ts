/**
 * The console adapter: a local chat over the corpus, the same shape as Telegram and Slack.
 * Interactive prompt when stdin is a terminal; with piped input it answers each line and stops at end of input.
 */
import { createInterface } from "node:readline";
import type { AdapterContext, ChatAdapter } from "../chat.ts";
import { renderConsole } from "./render.ts";

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Show a prompt and a greeting; default: whether input is a TTY. */
  interactive?: boolean;
  /** Called when input ends. */
  onEnd?: () => void;
}

export function createConsoleAdapter(ctx: AdapterContext, opts: ConsoleOptions = {}): ChatAdapter {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = opts.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  let rl: ReturnType<typeof createInterface> | undefined;
  return {
    name: "console",
    async start() {
      rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
      if (interactive) {
        const s = ctx.core.summary();
        output.write(`News bot: ${s.articles} articles, ${s.events} events${s.from ? `, ${s.from} to ${s.to}` : ""}. Ask a question (Ctrl+D to quit).\n`);
        output.write(`Try: ${ctx.core.examples("en").join(" | ")}\n`);
        rl.setPrompt("> ");
        rl.prompt();
      }
      rl.on("line", (line) => {
        if (line.trim()) {
          try {
            output.write(renderConsole(ctx.core.ask(line)) + "\n\n");
          } catch (err) {
            ctx.logger.error({ err }, "console question failed");
            output.write("Sorry, something went wrong answering that.\n\n");
          }
        }
        if (interactive) rl?.prompt();
      });
      rl.on("close", () => opts.onEnd?.());
    },
    async stop() {
      rl?.close();
    },
  };
}
