/**
 * Command dispatch for the `ecs-slack` executable.
 *
 * @internal
 * @module
 */
import pkg from '../../package.json' with { type: 'json' };
import { classifyCommand } from './commands/classify.js';
import { demoCommand } from './commands/demo.js';
import { patternsCommand } from './commands/patterns.js';
import { policyCommand } from './commands/policy.js';
import { renderCommand } from './commands/render.js';
import { routeCommand } from './commands/route.js';
import { sendCommand } from './commands/send.js';
import { silenceCommand } from './commands/silence.js';
import { EXIT_OK, EXIT_INVALID_INPUT, EXIT_USAGE, HelpRequest, UsageError, shownArgument } from './args.js';
import { commandHelp, USAGE } from './help.js';
import { warn, writeLine, type CliIo } from './io.js';

/**
 * A command: receives its own arguments and the streams, returns the exit code.
 *
 * @internal
 */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  classify: classifyCommand,
  demo: demoCommand,
  patterns: patternsCommand,
  policy: policyCommand,
  render: renderCommand,
  route: routeCommand,
  send: sendCommand,
  silence: silenceCommand,
};

/**
 * Runs the CLI with the given arguments and streams, and returns the exit code. Never throws
 * for bad input or arguments.
 *
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    return printHelp(name === 'help' ? rest[0] : undefined, name === undefined, io);
  }
  if (name === '-v' || name === '--version') {
    writeLine(io.stdout, pkg.version);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    warn(io, `ecs-slack: unknown command ${shownArgument(name)}. Run "ecs-slack --help" for the list.`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    return reportFailure(name, error, io);
  }
}

/**
 * `ecs-slack --help`, `ecs-slack help [COMMAND]`, or the overview on stderr (exit 2) when no
 * command was given at all.
 */
function printHelp(topic: string | undefined, noCommand: boolean, io: CliIo): number {
  if (noCommand) {
    writeLine(io.stderr, USAGE);
    return EXIT_USAGE;
  }
  const help = topic === undefined ? USAGE : commandHelp(topic);
  if (help === undefined) {
    warn(io, `ecs-slack help: unknown command ${shownArgument(topic!)}. Run "ecs-slack --help" for the list.`);
    return EXIT_USAGE;
  }
  writeLine(io.stdout, help);
  return EXIT_OK;
}

/** The exit code for what a command threw: its help, a usage error, or anything else. */
function reportFailure(name: string, error: unknown, io: CliIo): number {
  if (error instanceof HelpRequest) {
    writeLine(io.stdout, commandHelp(name) ?? USAGE);
    return EXIT_OK;
  }
  const message = error instanceof Error ? error.message : String(error);
  const help =
    error instanceof UsageError && error.pointsToHelp ? `; run "ecs-slack ${name} --help" for the options` : '';
  warn(io, `ecs-slack ${name}: ${message}${help}`);
  return error instanceof UsageError ? EXIT_USAGE : EXIT_INVALID_INPUT;
}
