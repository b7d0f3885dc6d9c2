/**
 * Slack text in and out. `plainFromSlack` takes message or command text as Slack sends it
 * (`&lt;`, `<@U1>`, `<http://x|y>`) and returns the plain question for the core; `escapeSlack`
 * takes plain user or corpus text and returns mrkdwn that cannot mention, ping or link;
 * `splitEscaped` cuts plain text into escaped chunks no longer than a limit.
 */

/** Escape the three characters Slack treats as markup, and defuse bare @channel/@here/@everyone. */
export function escapeSlack(s: string): string {
  return escapeChars(defuse(s));
}

function escapeChars(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A word joiner after the @ keeps "@channel" from ever being read as a broadcast. */
function defuse(s: string): string {
  return s.replace(/@(channel|here|everyone)\b/gi, "@\u2060$1");
}

/** Slack's encoded text → plain text: mentions become `@name`, links their label, entities decoded. */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const bar = inner.indexOf("|");
      const target = bar >= 0 ? inner.slice(0, bar) : inner;
      const label = bar >= 0 ? inner.slice(bar + 1) : "";
      if (target.startsWith("@")) return label ? (label.startsWith("@") ? label : `@${label}`) : target;
      if (target.startsWith("#")) return label ? `#${label}` : target;
      if (target.startsWith("!")) {
        if (label) return label;
        const name = target.slice(1).split("^")[0] ?? "";
        return `@${name}`;
      }
      return label || target.replace(/^mailto:/, "");
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** Remove mentions of the bot (`<@UBOT>` or `<@UBOT|name>`); when its id is unknown, the first user mention. */
export function stripBotMention(text: string, botUserId?: string): string {
  if (botUserId) {
    const id = botUserId.replace(/[^A-Za-z0-9]/g, "");
    return text.replace(new RegExp(`<@${id}(\\|[^>]*)?>`, "g"), " ").replace(/\s+/g, " ").trim();
  }
  return text.replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/, " ").replace(/\s+/g, " ").trim();
}

/** Plain text shortened to `max` code points, with an ellipsis when cut. */
export function shorten(s: string, max: number): string {
  const cps = Array.from(s.replace(/\s+/g, " ").trim());
  return cps.length <= max ? cps.join("") : cps.slice(0, max - 1).join("").trimEnd() + "…";
}

const BREAK = /[\s,.;:!?，。；：！？、）)\]]/;

/**
 * Plain text → escaped chunks, each at most `max` UTF-16 units after escaping. Cuts never fall
 * inside an escape entity or a surrogate pair, and prefer a space or punctuation in the chunk's second half.
 */
export function splitEscaped(raw: string, max: number): string[] {
  const cps = Array.from(defuse(raw));
  const units = cps.map(escapeChars);
  const out: string[] = [];
  let start = 0;
  while (start < units.length) {
    let len = 0;
    let end = start;
    let lastBreak = -1;
    while (end < units.length && len + units[end]!.length <= max) {
      len += units[end]!.length;
      if (BREAK.test(cps[end]!)) lastBreak = end + 1;
      end++;
    }
    if (end === start) end = start + 1; // a single unit longer than max: cannot happen for max >= 8
    if (end < units.length && lastBreak > start + (end - start) / 2) end = lastBreak;
    const chunk = units.slice(start, end).join("").trim();
    if (chunk) out.push(chunk);
    start = end;
  }
  return out;
}

/** Cut already-escaped text to at most `max` UTF-16 units without breaking an entity. */
export function truncateEscaped(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const amp = s.lastIndexOf("&", cut);
  if (amp >= 0 && s.indexOf(";", amp) >= cut) cut = amp;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return s.slice(0, cut) + "…";
}
