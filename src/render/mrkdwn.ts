/**
 * Slack mrkdwn, safely: one escaper for everything that comes from an event, and a branded
 * type for markup the library built itself. Only the helpers here can produce links, dates and
 * mentions; event text can never become one.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text
 * @module
 */

import type { Mention } from '../internal/mention.js';
import { canonicalUtcMillis } from '../internal/time.js';

declare const MRKDWN: unique symbol;

/**
 * A mrkdwn string the library built: escaped event text, or markup from {@link link},
 * {@link date}, the mention helpers or an explicit {@link trusted} call. A plain `string` is
 * never accepted where `Mrkdwn` is expected, so raw event text cannot slip into a message.
 */
export type Mrkdwn = string & {
  /** Type-only brand: no such property exists at run time. */
  readonly [MRKDWN]: true;
};

/**
 * Plain text where markup is refused: any `string`, but not a {@link Mrkdwn} value (markup goes
 * in an option of its own, such as `ExtraField.mrkdwn`, which shows it as it is).
 */
export type PlainText = string & {
  /** Type-only: a {@link Mrkdwn} value does not fit here. */
  readonly [MRKDWN]?: never;
};

/**
 * Marks a string as mrkdwn the caller vouches for: the one named way out of escaping.
 *
 * @param markup - mrkdwn you wrote, never event text.
 * @returns The same string, typed as {@link Mrkdwn}.
 * @example
 * ```ts
 * const bold = trusted('*Deployments*');
 * ```
 */
export function trusted(markup: string): Mrkdwn {
  return markup as Mrkdwn;
}

/**
 * Escapes Slack's three control characters: `&` to `&amp;`, `<` to `&lt;`, `>` to `&gt;`.
 * Every string that comes from an event goes through this one function, so it can never form a
 * mention, a link or a date token. Nothing else is HTML-encoded: Slack decodes only these.
 *
 * @param value - Any text.
 * @returns The escaped text.
 * @example
 * ```ts
 * escapeText('<!channel> & you'); // '&lt;!channel&gt; &amp; you'
 * ```
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeText(value: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // & (38), < (60), > (62)
    if (c !== 38 && c !== 60 && c !== 62) continue;
    out += value.slice(last, i) + (c === 38 ? '&amp;' : c === 60 ? '&lt;' : '&gt;');
    last = i + 1;
  }
  return last === 0 ? value : out + value.slice(last);
}

/** Look-alikes for mrkdwn formatting characters, so event text cannot bold, strike or code itself. */
const INERT: Readonly<Record<string, string>> = { '*': '\u2217', '~': '\u223c', '`': '\u02cb', _: '\u02cd' };
/** A look-alike for `>`, where Slack would read `>` (or `&gt;`) as the start of a block quote. */
const INERT_QUOTE = '\u02c3';

/**
 * Event text for use inside mrkdwn prose: escaped, line breaks (U+2028 and U+2029 too) folded to
 * spaces, a `>` that opens the text replaced by a look-alike (so it cannot start a block quote),
 * and the formatting characters that would take effect (`*`, `~`, backticks, and `_` at a word
 * edge) replaced by look-alike characters. Underscores inside words (`my_service`) stay, since
 * Slack does not format them.
 *
 * @param value - Event text.
 * @returns Inert mrkdwn.
 * @example
 * ```ts
 * text('*boom* `rm -rf`'); // '∗boom∗ ˋrm -rfˋ'
 * ```
 */
export function text(value: string): Mrkdwn {
  // Most event text (names, ids, statuses) has nothing to fold, neutralise or escape.
  if (!TEXT_SPECIALS.test(value)) return value as Mrkdwn;
  const flat = value.replace(LINE_BREAKS, ' ').replace(LEADING_QUOTE, `$1${INERT_QUOTE}`);
  const inert = flat.replace(FORMATTING, (c) => INERT[c] ?? c);
  return escapeText(inert) as Mrkdwn;
}

/** Any character {@link text} changes. */
const TEXT_SPECIALS = /[\r\n\t\u2028\u2029*~`_&<>]/;
/** Line breaks, as Slack and browsers break lines: CR, LF, tab, and U+2028 / U+2029. */
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;
/** A `>` with only blanks before it, at the start of the text. */
const LEADING_QUOTE = /^([^\S\r\n\u2028\u2029]*)>/;
/** A `>` with only blanks before it, at the start of any line. */
const QUOTE_AT_LINE_START = /^([^\S\r\n\u2028\u2029]*)>/gm;
const FORMATTING = /[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** Any character {@link code} changes. */
const CODE_SPECIALS = /[\r\n\t\u2028\u2029`&<>]/;

/**
 * Event text as an inline code span, for identifiers (cluster, task id, image). Escaped;
 * backticks and line breaks cannot end the span early.
 *
 * @param value - An identifier or short value.
 * @returns The code span.
 * @example
 * ```ts
 * code('ecs-svc/123'); // '`ecs-svc/123`'
 * ```
 */
export function code(value: string): Mrkdwn {
  const inner = CODE_SPECIALS.test(value) ? escapeText(value.replace(/`/g, '\u02cb').replace(LINE_BREAKS, ' ')) : value;
  return `\`${inner}\`` as Mrkdwn;
}

/**
 * Event text as a preformatted block, for the reasons AWS writes: nothing inside is formatted.
 * Lines are kept (U+2028 and U+2029 become line feeds); a `>` that opens a line is replaced by a
 * look-alike, since Slack would store that line as a block quote even inside the block.
 *
 * @param value - Multi-line event text.
 * @returns The preformatted block.
 * @example
 * ```ts
 * pre('CannotPullContainerError: ...');
 * ```
 */
export function pre(value: string): Mrkdwn {
  return `\`\`\`${preformatted(value)}\`\`\`` as Mrkdwn;
}

/**
 * The escaped inside of a preformatted block: no backtick can close it, no line opens a quote.
 *
 * @internal
 */
export function preformatted(value: string): string {
  const plain = PRE_SPECIALS.test(value)
    ? value
        .replace(/`/g, '\u02cb')
        .replace(/[\u2028\u2029]/g, '\n')
        .replace(QUOTE_AT_LINE_START, `$1${INERT_QUOTE}`)
    : value;
  return escapeText(plain);
}

/** Any character {@link pre} changes before escaping. */
const PRE_SPECIALS = /[`>\u2028\u2029]/;

/**
 * Bold mrkdwn. A plain string is escaped first.
 *
 * @param value - Library markup or plain text.
 * @returns `*value*`.
 * @example
 * ```ts
 * bold('Cluster'); // '*Cluster*'
 * ```
 */
export function bold(value: Mrkdwn | string): Mrkdwn {
  return `*${value}*` as Mrkdwn;
}

/**
 * A link. Only `https:` and `http:` URLs are linked; the characters that would end Slack's
 * link syntax (`|`, `<`, `>`, spaces) are percent-encoded in the URL, and the label is inert
 * text with `|` replaced by a look-alike.
 *
 * @param url - Absolute URL.
 * @param label - Visible text (escaped); the URL when omitted.
 * @returns `<url|label>`, or just the label when the URL is not http(s).
 * @example
 * ```ts
 * link('https://console.aws.amazon.com/ecs/v2', 'Console');
 * ```
 */
export function link(url: string, label?: string): Mrkdwn {
  const safe = webUrl(url);
  const shown = linkLabel(label ?? url);
  return safe === undefined ? shown : (`<${safe}|${shown}>` as Mrkdwn);
}

/** A link's visible text: inert, and `|` (which ends the URL part of the syntax) a look-alike. */
function linkLabel(label: string): Mrkdwn {
  const plain = text(label);
  return (plain.includes('|') ? plain.replace(/\|/g, '\u2223') : plain) as Mrkdwn;
}

/**
 * `<url|label>` for a URL {@link webUrl} returned, so a message that shows one URL in several
 * places checks and encodes it once.
 *
 * @internal
 */
export function linkTo(safe: string, label: string): Mrkdwn {
  return `<${safe}|${linkLabel(label)}>` as Mrkdwn;
}

/**
 * The URL as a link or a button takes it, or `undefined` when it is not a web link (http or https
 * and a host: the only kind Slack links). The characters that would end Slack's `<url|label>`
 * syntax or break the URL (`|`, `<`, `>`, whitespace, `"`) are percent-encoded.
 *
 * @internal
 */
export function webUrl(url: string): string | undefined {
  if (!HTTP_URL.test(url)) return undefined;
  return URL_BREAKERS.test(url) ? url.replace(URL_BREAKERS_ALL, percentEncode) : url;
}

/** `http://` or `https://` and a host: `https://` alone is no link. */
const HTTP_URL = /^https?:\/\/[^\s/?#]/i;
/** Characters that would end Slack's `<url|label>` syntax early, or break the URL. */
const URL_BREAKERS = /[|<>\s"]/;
const URL_BREAKERS_ALL = /[|<>\s"]/g;
const percentEncode = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * A date token Slack renders in each reader's time zone, with a UTC fallback.
 *
 * @param isoTime - An ISO-8601 time from the event.
 * @param format - Slack date tokens, `{date_short_pretty} {time}` by default.
 * @returns The `<!date^...>` token, or inert text when the time is not an ISO-8601 date
 * between 1970 and 9999 (`"50"` stays the text `50`, not a date in 1950).
 * @example
 * ```ts
 * date('2020-03-16T15:37:04Z'); // '<!date^1584373024^{date_short_pretty} {time}|2020-03-16 15:37 UTC>'
 * ```
 * @see https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function date(isoTime: string, format = '{date_short_pretty} {time}'): Mrkdwn {
  // A canonical UTC time (how AWS writes them) already reads as its own ISO form.
  const canonical = canonicalUtcMillis(isoTime);
  const millis = canonical ?? (ISO_DATE_START.test(isoTime) ? Date.parse(isoTime) : Number.NaN);
  if (!(millis >= 0 && millis <= LAST_MILLIS)) return text(isoTime);
  const iso = canonical === undefined ? new Date(millis).toISOString() : isoTime;
  const fallback = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const tokens = DATE_BREAKERS.test(format) ? format.replace(DATE_BREAKERS_ALL, '') : format;
  return `<!date^${Math.floor(millis / 1000)}^${tokens}|${fallback}>` as Mrkdwn;
}

/** How an ISO-8601 date starts: a four-digit year, month and day. */
const ISO_DATE_START = /^\d{4}-\d\d-\d\d/;
/** The last millisecond of 9999, beyond which an ISO string gains a sign and six digits. */
const LAST_MILLIS = 253_402_300_799_999;

/** Characters that would end a date token early. */
const DATE_BREAKERS = /[|>^]/;
const DATE_BREAKERS_ALL = /[|>^]/g;

export type { Mention, UserGroupMention, UserMention } from '../internal/mention.js';

/**
 * The mrkdwn of a mention. User and group ids are checked (`S...`, `U...`/`W...`), so only
 * real ids can be mentioned.
 *
 * @param who - The user group, user, `here` or `channel`.
 * @returns `<!subteam^ID>`, `<@ID>`, `<!here>` or `<!channel>`.
 * @throws `TypeError` for an id that is not a Slack id.
 * @example
 * ```ts
 * mention({ userGroup: 'S0123ABCD' }); // '<!subteam^S0123ABCD>'
 * ```
 */
export function mention(who: Mention): Mrkdwn {
  if (who === 'here' || who === 'channel') return `<!${who}>` as Mrkdwn;
  const id = 'userGroup' in who ? who.userGroup : who.user;
  if (!/^[A-Z0-9]{2,}$/.test(id)) throw new TypeError(`not a Slack id: ${JSON.stringify(id.slice(0, 40))}`);
  return ('userGroup' in who ? `<!subteam^${id}>` : `<@${id}>`) as Mrkdwn;
}

/**
 * Joins mrkdwn pieces with a separator (library markup itself).
 *
 * @param parts - Pieces; `undefined` and empty ones are skipped.
 * @param separator - What goes between them.
 * @returns The joined mrkdwn.
 * @example
 * ```ts
 * join([bold('Cluster'), code('prod')], ' ');
 * ```
 */
export function join(parts: ReadonlyArray<Mrkdwn | undefined>, separator: string): Mrkdwn {
  let out = '';
  for (const part of parts) {
    if (part === undefined || part === '') continue;
    out = out === '' ? part : `${out}${separator}${part}`;
  }
  return out as Mrkdwn;
}
