/**
 * The one redaction of every error message and log line: whatever its source (a server's
 * answer, a file name, a command-line value, a foreign error), nothing shaped like a webhook or
 * a token gets out.
 *
 * @internal
 * @module
 */

/** `/` as it appears in text, JSON (`\/`) and URLs (`%2F`). */
const SLASH = String.raw`(?:\/|\\\/|%2[fF])`;

/**
 * What is replaced, in order, and by what:
 * - URLs with a scheme (`https://…`, `hooks://…`): the whole URL, path and query included
 * - Slack webhook hosts without a scheme (`hooks.slack.com/…`, `hooks.slack-gov.com/…`)
 * - webhook paths without a host (`/services/T…/B…/…`, `/workflows/T…/…`, `/triggers/T…/…`)
 * - Slack tokens (`xoxb-…`, `xoxp-…`, `xoxe.xoxp-…`, `xapp-…`) and HTTP credentials
 *   (`Bearer …`, `Basic …`)
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi, '[url]'],
  [/\bhooks\.slack(?:-gov)?\.com[\w.~%\\/?=&#:+-]*/gi, '[webhook]'],
  [
    new RegExp(String.raw`(?:${SLASH}|\b)(?:services|workflows|triggers)${SLASH}T[A-Z0-9]+${SLASH}[\w.~%\\/-]*`, 'g'),
    '[webhook path]',
  ],
  [/\bxox[a-z](?:\.xox[a-z])?-[\w.-]+|\bxapp-[\w.-]+/gi, '[token]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [token]'],
];

/** Any character a secret shape starts with or contains; text without one is returned at once. */
const MAYBE_SECRET = /[/:%]|xox|xapp|bearer|basic/i;

/**
 * `text` with every URL, webhook host or path, Slack token and HTTP credential replaced by a
 * placeholder (`[url]`, `[webhook]`, `[webhook path]`, `[token]`).
 *
 * @param text - One line of an error message or a log.
 * @returns The text, safe to print.
 * @internal
 */
export function redact(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
