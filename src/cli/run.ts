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
import { renderCommand } from './commands/render.js';
import { sendCommand } from './commands/send.js';
import { EXIT_OK, EXIT_INVALID_INPUT, EXIT_USAGE, UsageError } from './args.js';
import { writeLine, type CliIo } from './io.js';

const USAGE = `Usage: ecs-slack <command> [options] [FILE...]

Commands:
  classify [FILE...]   One JSON line per event: kind, outcome, severity, summary, identity, links
      --preset NAME      Add the noise filter's decision (alerts, verbose, none)
  render [FILE...]     One Slack Block Kit payload per event (NDJSON)
      --pretty           Pretty-print each payload
      --builder-url      Print a Block Kit Builder link per message instead
      --no-color         No colour bar (top-level blocks only)
      --compact          The two-block compact layout
      --preset NAME      Only what the noise filter would send (alerts, verbose, none),
                         using each event's own time; open digests flushed at the end
  send [FILE...]       Render and post each event to an incoming webhook; one JSON log line each
      --webhook-url URL  The webhook (default: SLACK_WEBHOOK_URL); never printed
      --preset NAME      Filter first (alerts, verbose; default none: send every event)
      --no-color, --compact  As for render
  patterns             The EventBridge event pattern that selects what a preset can notify (JSON)
      --preset NAME      alerts (default), verbose or none
      --cluster NAME     Only this cluster (repeatable; * globs)
      --service NAME     Only this service (repeatable; * globs)
      --list             A JSON array of non-overlapping patterns, one rule each
      --compact          One line instead of pretty JSON
  demo                 Run the built-in sample events through the pipeline and print the result

Input: a JSON event, a JSON array, NDJSON, or a Lambda SQS / SNS payload. Reads standard input
when no FILE is given (or for "-").

Options:
  -h, --help           Show this help
  -v, --version        Show the version

Exit status: 0 when every event went through, 1 when some input was invalid or could not be
delivered (the rest is still processed, each problem reported), 2 on usage errors.`;

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
  render: renderCommand,
  send: sendCommand,
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
    writeLine(name === undefined ? io.stderr : io.stdout, USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    writeLine(io.stdout, pkg.version);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    writeLine(io.stderr, `ecs-slack: unknown command "${name}". Run "ecs-slack --help" for the list.`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `ecs-slack ${name}: ${error.message}`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeLine(io.stderr, `ecs-slack ${name}: ${message}`);
    return EXIT_INVALID_INPUT;
  }
}
