/**
 * Command-line plumbing shared by the commands: exit codes and option parsing.
 *
 * @internal
 * @module
 */
import { parseArgs } from 'node:util';
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
}

/**
 * Parses a command's options with `node:util` `parseArgs`, turning its errors into
 * {@link UsageError}s.
 *
 * @internal
 */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: readonly string[],
  options: T,
): { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The layout flags shared by `render` and `send`: `--no-color` and `--compact`.
 *
 * @internal
 */
export function layoutOptions(values: Readonly<Record<string, unknown>>): RenderOptions {
  return { color: values['no-color'] !== true, variant: values.compact === true ? 'compact' : 'full' };
}
