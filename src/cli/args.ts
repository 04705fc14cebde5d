/**
 * Command-line plumbing shared by the commands: exit codes and option parsing.
 *
 * @internal
 * @module
 */
import { parseArgs } from 'node:util';
import { redact } from '../internal/redact.js';
import type { RenderOptions } from '../render/options.js';

/** Every event went through. */
export const EXIT_OK = 0;
/** Some input was invalid; the rest was still processed. */
export const EXIT_INVALID_INPUT = 1;
/** Usage error. */
export const EXIT_USAGE = 2;

/**
 * A mistake on the command line (exit code 2).
 *
 * @internal
 */
export class UsageError extends Error {
  override name: string = 'UsageError';
  /** Whether the message ends by pointing to the command's `--help` (a mistake in the options). */
  readonly pointsToHelp: boolean;

  /**
   * @param message - One line naming what is wrong.
   * @param options - `pointsToHelp`: end with `run "ecs-slack COMMAND --help"` (default `false`).
   */
  constructor(message: string, options?: { readonly pointsToHelp?: boolean }) {
    super(message);
    this.pointsToHelp = options?.pointsToHelp ?? false;
  }
}

/**
 * `--help` or `-h` after a command: `runCli` prints that command's help and exits 0.
 *
 * @internal
 */
export class HelpRequest extends Error {
  override name: string = 'HelpRequest';
}

/** Whether `--help` or `-h` comes before any `--` (after which every argument is a file). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Parses a command's options with `node:util` `parseArgs`, turning its errors into
 * {@link UsageError}s. Every command takes `-h` / `--help` too.
 *
 * @throws {@link HelpRequest} when `--help` or `-h` is given, even beside a mistake (the reader
 *   asked how to call the command: the help says it better than the complaint).
 * @throws {@link UsageError} for an unknown option or a missing option value.
 * @internal
 */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: readonly string[],
  options: T,
): { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] } {
  let parsed: { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (asksForHelp(args)) throw new HelpRequest();
    throw new UsageError(optionProblem(error, args, Object.keys(options ?? {})), { pointsToHelp: true });
  }
  const { help, ...values } = parsed.values;
  if (help === true) throw new HelpRequest();
  return { values, positionals: parsed.positionals };
}

/**
 * One line for what `parseArgs` refused, in our words rather than Node's (which quote the
 * argument unbalanced and explain `--`): `unknown option --colour`, `--preset needs a value`.
 */
function optionProblem(error: unknown, args: readonly string[], known: readonly string[]): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // The option named in Node's message is one of ours: safe to show.
    const named = known.find((name) => message.includes(`--${name} `) || message.includes(`--${name}'`));
    if (named !== undefined)
      return message.includes('argument missing') ? `--${named} needs a value` : `--${named} takes no value`;
  }
  const end = args.indexOf('--');
  const flags = (end === -1 ? args : args.slice(0, end)).filter((arg) => arg.startsWith('-') && arg !== '-');
  const unknown = flags.find((arg) => {
    if (!arg.startsWith('--')) return true; // short options: only -h is known
    return !known.includes(arg.slice(2).split('=')[0] ?? '');
  });
  if (unknown !== undefined) {
    const flag = unknown.startsWith('--') ? (unknown.split('=')[0] ?? unknown) : unknown.slice(0, 2);
    return `unknown option ${looksLikeUrl(flag.replace(/^-+/, '')) ? '(a URL, not shown)' : shownFlag(flag)}`;
  }
  return 'the options could not be read';
}

/** A flag as messages show it: as typed when it is a plain name, else quoted and redacted. */
function shownFlag(flag: string): string {
  return /^-{1,2}[\w-]{1,40}$/.test(flag) ? flag : shownArgument(flag);
}

/** `https://…`, `hooks://…`: a scheme and `//`, which no file name a user types starts with. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Whether a command-line argument looks like a URL. Such arguments are never printed: a Slack
 * webhook URL is a secret, and one pasted where a file belongs must not end up in a terminal
 * log or CI output.
 *
 * @internal
 */
export function looksLikeUrl(arg: string): boolean {
  return URL_LIKE.test(arg);
}

/** Longest argument an error message quotes. */
const MAX_SHOWN = 60;

/**
 * An argument as error messages show it: quoted, cut at 60 characters, with anything shaped
 * like a webhook path or a token redacted, or a placeholder when it looks like a URL.
 *
 * @internal
 */
export function shownArgument(arg: string): string {
  if (looksLikeUrl(arg)) return '(a URL, not shown)';
  const shown = redact(arg);
  return JSON.stringify(shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown);
}

/**
 * The FILE arguments of a command that reads events.
 *
 * @param hint - What to do instead, for an argument that looks like a URL.
 * @throws {@link UsageError} naming no argument, when one looks like a URL.
 * @internal
 */
export function eventFiles(positionals: readonly string[], hint: string): readonly string[] {
  if (positionals.some(looksLikeUrl)) throw new UsageError(`an argument looks like a URL; ${hint}`);
  return positionals;
}

/**
 * Refuses arguments for a command that takes none.
 *
 * @param why - The end of the message, for example `patterns reads no events`.
 * @throws {@link UsageError} for the first argument.
 * @internal
 */
export function noArguments(positionals: readonly string[], why: string): void {
  const [first] = positionals;
  if (first !== undefined) throw new UsageError(`unexpected argument ${shownArgument(first)}; ${why}`);
}

/**
 * The layout flags shared by `render` and `send`: `--no-color` and `--compact`.
 *
 * @internal
 */
export function layoutOptions(values: Readonly<Record<string, unknown>>): RenderOptions {
  return { color: values['no-color'] !== true, variant: values.compact === true ? 'compact' : 'full' };
}
