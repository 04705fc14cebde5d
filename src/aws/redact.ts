/**
 * Secret redaction and terminal-code stripping for log text, applied before any log line leaves
 * the process.
 *
 * @module
 */

/** What every redacted secret becomes. */
export const REDACTED = '[REDACTED]';

/**
 * One built-in rule: a pattern (global) and what replaces a match (`$1`-style groups keep the
 * key or the scheme, so the reader still sees what was hidden).
 */
interface Rule {
  readonly pattern: RegExp;
  readonly replacement: string;
}

/** Key names whose values are secrets: `password=`, `"client_secret": "..."`, `api-key: ...`. */
const SECRET_KEY =
  '[A-Za-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*';

const RULES: readonly Rule[] = [
  // PEM private keys, possibly over many lines (the tail is redacted as one text).
  {
    pattern: /-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|$)/g,
    replacement: `${REDACTED} private key`,
  },
  // JSON Web Tokens: three base64url parts, the first two JSON objects (`eyJ`).
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replacement: REDACTED },
  // `Authorization: <scheme> <credentials>`, and bare `Bearer <token>`.
  { pattern: /\b(authorization["']?\s*[:=]\s*["']?(?:[A-Za-z]+\s+)?)[^\s"',;]+/gi, replacement: `$1${REDACTED}` },
  { pattern: /\b(bearer\s+)[A-Za-z0-9._~+/-]{12,}=*/gi, replacement: `$1${REDACTED}` },
  // Slack tokens and webhook URLs.
  { pattern: /\bxox[abposrce]-[A-Za-z0-9-]{8,}/g, replacement: REDACTED },
  { pattern: /\bxapp-[A-Za-z0-9-]{8,}/g, replacement: REDACTED },
  {
    pattern: /(hooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g,
    replacement: `$1${REDACTED}`,
  },
  // AWS access key ids (long-term and temporary).
  { pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\b/g, replacement: REDACTED },
  // Passwords in URLs: `scheme://user:password@host`.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+(@)/gi, replacement: `$1${REDACTED}$2` },
  // `password=...`, `secret: ...`, `"token": "..."` (a quoted value up to its closing quote, or the line's end).
  {
    pattern: new RegExp(
      String.raw`\b(${SECRET_KEY})(["']?\s*[:=]\s*)(?:(")(?:[^"\\\n]|\\.)+|(')[^'\n]+|[^\s"'&,;]+)`,
      'gi',
    ),
    replacement: `$1$2$3$4${REDACTED}`,
  },
];

/**
 * Forty base64 characters standing alone, with upper case, lower case and a digit: the shape of
 * an AWS secret access key (git hashes, all lower-case hex, are left alone).
 */
const SECRET_ACCESS_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const looksRandom = (value: string): boolean => /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);

/**
 * Options of {@link redactSecrets}.
 */
export interface RedactOptions {
  /**
   * Your own patterns, applied after the built-in ones; every match becomes `[REDACTED]`.
   * A pattern without the `g` flag is applied as if it had it.
   */
  readonly patterns?: readonly RegExp[];
}

/**
 * Replaces secrets in text with `[REDACTED]`: AWS access key ids and secret keys, Slack tokens
 * and webhook URLs, bearer and basic credentials, JWTs, passwords in URLs, PEM private keys, and
 * the values of `password=`, `secret=`, `token=`, `api_key:` and similar keys; then your patterns.
 * Pattern-based: a secret in a shape none of them knows passes through (see `docs/evidence.md`).
 *
 * @param value - Log text, one or many lines.
 * @param options - Extra patterns.
 * @returns The text with every match replaced.
 * @example
 * ```ts
 * redactSecrets('connecting to postgres://app:hunter2@db:5432'); // 'connecting to postgres://app:[REDACTED]@db:5432'
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
export function redactSecrets(value: string, options: RedactOptions = {}): string {
  let out = value;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replacement);
  out = out.replace(SECRET_ACCESS_KEY, (match) => (looksRandom(match) ? REDACTED : match));
  for (const pattern of options.patterns ?? []) out = out.replace(globalOf(pattern), REDACTED);
  return out;
}

const globals = new WeakMap<RegExp, RegExp>();

/** The pattern with the `g` flag (a copy, made once per pattern). */
function globalOf(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let copy = globals.get(pattern);
  if (copy === undefined) {
    copy = new RegExp(pattern.source, `${pattern.flags}g`);
    globals.set(pattern, copy);
  }
  return copy;
}

/** ANSI escape sequences: CSI (colours, cursor moves) and OSC (titles, hyperlinks), 7- and 8-bit. */
const ANSI =
  /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|(?:\u001B\]|\u009D)[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[@-Z\\-_]/g;
/** Control characters other than tab and line feed. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Removes ANSI colour and cursor codes and other control characters (tabs and line feeds stay).
 *
 * @internal
 */
export function stripTerminalCodes(value: string): string {
  return value.replace(ANSI, '').replace(CONTROL, '');
}
