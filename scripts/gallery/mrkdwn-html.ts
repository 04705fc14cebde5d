/**
 * Slack mrkdwn to HTML, close enough to Slack's client to judge a design, and safe for any input:
 * every piece of text is HTML-escaped after Slack's three entities (`&amp; &lt; &gt;`) are decoded
 * exactly once, and only this module writes tags.
 *
 * Handled: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, ```` ```pre``` ````, `>` and `>>>`
 * quotes, line breaks, `<url|label>` / `<url>` links (http, https and mailto only), bare URLs
 * (unless `verbatim`), `<!date^...>` tokens (in UTC), emoji shortcodes, and mentions (`<@U..>`,
 * `<#C..>`, `<!subteam^..>`, `<!here>`, `<!channel>`, `<!everyone>`) drawn as highlighted pills
 * so that a stray mention is impossible to miss.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text
 */
import { emojiFor } from './emoji.js';
import { formatSlackDate, isoUtc } from './slack-date.js';

/** Options of {@link mrkdwnToHtml}. */
export interface MrkdwnOptions {
  /** Slack's `verbatim: true`: no automatic links for bare URLs. */
  readonly verbatim?: boolean;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SLACK_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Decodes Slack's three entities once: `&amp;lt;` becomes the text `&lt;`, never `<`. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => SLACK_ENTITIES[entity] ?? entity);
}

/** Text as Slack shows it: entities decoded once, then escaped for HTML. */
function literal(text: string): string {
  return escapeHtml(decodeSlackEntities(text));
}

/** Private-use characters that mark a held piece of finished HTML; stripped from input first. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Finished HTML fragments, held out of the text while the remaining markup is parsed. */
class Held {
  private readonly fragments: string[] = [];

  hold(html: string): string {
    return `${OPEN}${this.fragments.push(html) - 1}${CLOSE}`;
  }

  restore(text: string): string {
    return text.replace(/\uE000(\d+)\uE001/g, (_, index: string) => this.restore(this.fragments[Number(index)] ?? ''));
  }
}

/** Emoji shortcodes in escaped text: known ones as Unicode, unknown ones kept as `:name:`. */
function emojify(escaped: string, held?: Held): string {
  return escaped.replace(/:([a-z0-9_+-]*[a-z][a-z0-9_+-]*|\+1|-1):/g, (whole, name: string) => {
    const char = emojiFor(name);
    const html =
      char === undefined
        ? `<span class="emoji-unknown">${whole}</span>`
        : `<span class="emoji" title="${whole}">${char}</span>`;
    return held ? held.hold(html) : html;
  });
}

/** Text of a `plain_text` object: no markup, no entity decoding, emoji shortcodes when `emoji`. */
export function plainTextToHtml(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return emoji ? emojify(escaped) : escaped;
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** A link to a URL (decoded text), or a look-alike without `href` unless it is http(s) or mailto. */
function linkHtml(url: string, labelHtml: string): string {
  if (!SAFE_URL.test(url)) return `<span class="link link-unsafe" title="not a web link">${labelHtml}</span>`;
  return `<a class="link" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

/** A `<!date^seconds^format^link|fallback>` token as Slack shows it, in UTC. */
function dateHtml(spec: string, fallback: string | undefined): string {
  const [seconds = '', format = '', link] = spec.split('^');
  const time = /^-?\d+$/.test(seconds) ? Number(seconds) : Number.NaN;
  const text = formatSlackDate(time, decodeSlackEntities(format));
  if (text === undefined) return `<span class="date">${literal(fallback ?? spec)}</span>`;
  const html = `<span class="date" title="${isoUtc(time)}">${escapeHtml(text)}</span>`;
  return link === undefined ? html : linkHtml(decodeSlackEntities(link), html);
}

/** One control sequence `<body>` as HTML. */
function controlSequenceHtml(body: string): string {
  const bar = body.indexOf('|');
  const target = bar === -1 ? body : body.slice(0, bar);
  const label = bar === -1 ? undefined : body.slice(bar + 1);
  const pill = (kind: string, text: string) =>
    `<span class="mention mention-${kind}" title="${literal(`<${body}>`)}">${literal(text)}</span>`;
  if (target.startsWith('@')) return pill('user', `@${label ?? target.slice(1)}`);
  if (target.startsWith('#')) return pill('channel', `#${label ?? target.slice(1)}`);
  if (target.startsWith('!subteam^')) return pill('usergroup', label ?? `@${target.slice('!subteam^'.length)}`);
  const special = /^!(here|channel|everyone|group)$/.exec(target);
  if (special) return pill('broadcast', `@${special[1] === 'group' ? 'channel' : special[1]}`);
  if (target.startsWith('!date^')) return dateHtml(target.slice('!date^'.length), label);
  if (target.startsWith('!') || target === '') return `<span class="control-unknown">${literal(`<${body}>`)}</span>`;
  return linkHtml(decodeSlackEntities(target), emojify(literal(label ?? target)));
}

/** Bold, italic and strike markers at word boundaries, on escaped text. */
function emphasis(escaped: string): string {
  const wrap = (text: string, marker: string, tag: string) => {
    const m = marker === '*' ? '\\*' : marker;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}${m}])${m}(?!\\s)([^${m}]+?)(?<!\\s)${m}(?![\\p{L}\\p{N}${m}])`, 'gu');
    return text.replace(pattern, `<${tag}>$1</${tag}>`);
  };
  return wrap(wrap(wrap(escaped, '*', 'b'), '_', 'i'), '~', 's');
}

const BARE_URL = /https?:\/\/[^\s<>"'\uE000\uE001]+/g;

/** One line of text (control sequences and code already held) as HTML. */
function inline(line: string, held: Held, options: MrkdwnOptions): string {
  let text = decodeSlackEntities(line);
  if (!options.verbatim) {
    text = text.replace(BARE_URL, (found) => {
      const url = found.replace(/[.,;:!?)]+$/, '');
      return held.hold(linkHtml(url, escapeHtml(url))) + found.slice(url.length);
    });
  }
  return emphasis(emojify(escapeHtml(text), held));
}

/** Lines as HTML: runs of `>` lines become one quote, and `>>>` quotes the rest. */
function lines(text: string, held: Held, options: MrkdwnOptions): string {
  const groups: { quote: boolean; lines: string[] }[] = [];
  const add = (quote: boolean, line: string) => {
    const html = inline(quote ? line.replace(/^ /, '') : line, held, options);
    const last = groups.at(-1);
    if (last?.quote === quote) last.lines.push(html);
    else groups.push({ quote, lines: [html] });
  };
  const all = text.split('\n');
  for (const [index, line] of all.entries()) {
    if (line.startsWith('>>>')) {
      for (const rest of [line.slice(3), ...all.slice(index + 1)]) add(true, rest);
      break;
    }
    if (line.startsWith('>')) add(true, line.slice(1));
    else add(false, line);
  }
  return groups
    .map((group) => (group.quote ? `<blockquote>${group.lines.join('<br>')}</blockquote>` : group.lines.join('<br>')))
    .join('');
}

/**
 * Converts one mrkdwn string to HTML.
 *
 * @example
 * ```ts
 * mrkdwnToHtml('*web* exited <!channel>'); // '<b>web</b> exited <span class="mention mention-broadcast" ...>@channel</span>'
 * ```
 */
export function mrkdwnToHtml(source: string, options: MrkdwnOptions = {}): string {
  const held = new Held();
  let text = source.replace(/[\uE000\uE001]/g, '\uFFFD');
  text = text.replace(/<([^<>]*)>/g, (_, body: string) => held.hold(controlSequenceHtml(body)));
  text = text.replace(/```([\s\S]*?)```/g, (_, code: string) =>
    held.hold(`<pre>${literal(code.replace(/^\n|\n$/g, ''))}</pre>`),
  );
  text = text.replace(/`([^`\n]+)`/g, (_, code: string) => held.hold(`<code>${literal(code)}</code>`));
  return held.restore(lines(text, held, options));
}
