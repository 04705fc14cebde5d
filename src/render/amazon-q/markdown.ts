/**
 * Markdown for Amazon Q Developer's `client-markdown`, safely: one escaper for everything that
 * comes from an event, and a branded type for markup the library built itself. Amazon Q turns
 * the markdown into each client's dialect (Slack, Microsoft Teams, Amazon Chime), so event text
 * is made inert for all of them at once: characters that would format, link, mention or open
 * HTML become look-alike characters (a backslash escape would show as a backslash in Slack).
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 * @module
 */

declare const CLIENT_MARKDOWN: unique symbol;

/**
 * A `client-markdown` string the library built: inert event text, or markup from the helpers of
 * this module. A plain `string` is never accepted where `ClientMarkdown` is expected.
 */
export type ClientMarkdown = string & {
  /** Type-only brand: no such property exists at run time. */
  readonly [CLIENT_MARKDOWN]: true;
};

/**
 * Look-alikes for every character that could format, link, mention or open markup in one of the
 * dialects: emphasis and code (`*`, `_`, `~`, backtick), links and images (`[`, `]`), HTML and
 * Slack's control sequences (`<`, `>`, `&`), mentions and channels (`@`, `#`), tables (`|`) and
 * escapes (`\`).
 */
const INERT: Readonly<Record<string, string>> = {
  '*': '\u2217',
  _: '\u02cd',
  '~': '\u223c',
  '`': '\u02cb',
  '[': '\uff3b',
  ']': '\uff3d',
  '<': '\uff1c',
  '>': '\uff1e',
  '&': '\uff06',
  '@': '\uff20',
  '#': '\uff03',
  '|': '\u2223',
  '\\': '\u2216',
};

/** Any character {@link escapeClientMarkdown} may change. */
const PROSE_SPECIALS = /[\r\n\t*_~`[\]<>&@#|\\]|:\/\/|[\p{L}\p{N}]\.\p{L}/u;
const LINE_BREAKS = /[\r\n\t]+/g;
/** Markup characters; `_` only at a word's edge, since no dialect formats `my_service`. */
const PROSE_INERT = /[*~`[\]<>&@#|\\]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** `://` of a URL: its slashes become division slashes, so no client links it. */
const SCHEME = /:\/\//g;
/** A dot inside a host name (`evil.example`): a one-dot leader, so no client links the name. */
const HOST_DOT = /(?<=[\p{L}\p{N}])\.(?=\p{L})/gu;

/**
 * Event text for `client-markdown` prose: line breaks folded to spaces (no heading, list or
 * quote can start), and every character that could format, link, mention or open HTML replaced
 * by a look-alike, in every client's dialect.
 *
 * @remarks The characters replaced: `*`, `_`, `~`, backticks, `[`, `]`, `<`, `>`, `&`, `@`, `#`,
 * `|` and `\` (`_` only at a word's edge: `my_service` stays). A URL's `://` and the dots of a
 * host name (`a.example`) change too, so that no client turns event text into a link. Numbers
 * like `1.2` stay as they are.
 *
 * @param value - Event text.
 * @returns Inert markdown that reads like the input.
 * @example
 * ```ts
 * escapeClientMarkdown('<!channel> see [this](https://evil.example)');
 * // '＜!channel＞ see ［this］(https:∕∕evil․example)'
 * ```
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
export function escapeClientMarkdown(value: string): ClientMarkdown {
  if (!PROSE_SPECIALS.test(value)) return value as ClientMarkdown;
  return value
    .replace(LINE_BREAKS, ' ')
    .replace(PROSE_INERT, (c) => INERT[c] ?? c)
    .replace(SCHEME, ':\u2215\u2215')
    .replace(HOST_DOT, '\u2024') as ClientMarkdown;
}

/** What {@link mdCode} and {@link mdBlock} change: the way out of code, pings, HTML and URL schemes. */
const CODE_INERT = /[`<>&@]/g;

function inertCode(value: string): string {
  return value.replace(CODE_INERT, (c) => INERT[c] ?? c).replace(SCHEME, ':\u2215\u2215');
}

/**
 * Event text as an inline code span, for identifiers (cluster, task id, image). Clients do not
 * format or link inside code; still, backticks (which would end the span), `<`, `>`, `&`, `@`
 * and a URL's `://` become look-alikes, and line breaks spaces. Host names stay copyable.
 *
 * @internal
 */
export function mdCode(value: string): ClientMarkdown {
  return `\`${inertCode(value.replace(LINE_BREAKS, ' '))}\`` as ClientMarkdown;
}

/**
 * Event text as a fenced code block, for the reasons AWS writes: line breaks are kept, nothing
 * inside is formatted or linked, and no backtick can close the fence.
 *
 * @internal
 */
export function mdBlock(value: string): ClientMarkdown {
  return `\`\`\`\n${inertCode(value)}\n\`\`\`` as ClientMarkdown;
}

/**
 * Bold markdown around library markup or inert text.
 *
 * @internal
 */
export function mdBold(value: ClientMarkdown): ClientMarkdown {
  return `**${value}**` as ClientMarkdown;
}

/** `http://` or `https://` and a host. */
const HTTP_URL = /^https?:\/\/[^\s/?#]/i;
/** Characters that would end a markdown link's URL early, or break the URL. */
const URL_BREAKERS = /[\s()<>[\]"`|\\]/g;

/**
 * A markdown link to a URL the library chose (console, AWS docs, the user's log link): the URL's
 * characters that would end the link early are percent-encoded, and the label is inert text.
 * Only `http:` and `https:` URLs are linked; any other gives the bare label.
 *
 * @internal
 */
export function mdLink(url: string, label: string): ClientMarkdown {
  const shown = escapeClientMarkdown(label);
  if (!HTTP_URL.test(url)) return shown;
  const safe = url.replace(URL_BREAKERS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${shown}](${safe})` as ClientMarkdown;
}

/**
 * Marks a string as markdown the library wrote, never event text: the one named way out of
 * escaping.
 *
 * @internal
 */
export function mdTrusted(markup: string): ClientMarkdown {
  return markup as ClientMarkdown;
}
