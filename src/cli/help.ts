/**
 * The help texts: `ecs-slack --help` and `ecs-slack COMMAND --help`, built from one table so
 * the two never disagree.
 *
 * @internal
 * @module
 */

/** One command's entry: how it is called, what it does, and its options. */
interface CommandHelp {
  /** What follows the command name in a usage line: `[FILE...]`, or nothing. */
  readonly operands: string;
  /** One line saying what the command does. */
  readonly summary: string;
  /** Each option with its description lines. */
  readonly options: ReadonlyArray<readonly [flag: string, ...description: string[]]>;
  /** Whether the operands are event files (the help then says how input is read). Default: when there are operands. */
  readonly readsEvents?: boolean;
  /** The exit statuses this command can end with, when not those of the commands that read events. */
  readonly exit?: string;
}

const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  classify: {
    operands: '[FILE...]',
    summary: 'One JSON line per event: kind, outcome, severity, summary, identity, links',
    options: [['--preset NAME', "Add the noise filter's decision (alerts, verbose, none)"]],
  },
  render: {
    operands: '[FILE...]',
    summary: 'One Slack Block Kit payload per event (NDJSON)',
    options: [
      ['--pretty', 'Pretty-print each payload'],
      ['--builder-url', 'Print a Block Kit Builder link per message instead'],
      ['--no-color', 'No colour bar (top-level blocks only)'],
      ['--compact', 'The two-block compact layout'],
      ['--format FORMAT', 'slack (default), or amazon-q: Amazon Q Developer notifications'],
      [
        '--preset NAME',
        'Only what the noise filter would send (alerts, verbose, none),',
        "using each event's own time; open digests flushed at the end",
      ],
      ['--enrich', 'Add log lines and links from AWS (SDK credentials, Region, endpoints)'],
    ],
  },
  send: {
    operands: '[FILE...]',
    summary: 'Render and post each event (webhook, Amazon Q, or a policy); one JSON log line each',
    options: [
      ['--webhook-url URL', 'The webhook (default: SLACK_WEBHOOK_URL); never printed'],
      ['--sns-topic ARN', 'Publish Amazon Q Developer notifications to this SNS topic instead'],
      [
        '--policy FILE',
        'Send where the policy routes each event: its webhooks (URLs from their',
        'environment variables) and Amazon Q topics',
      ],
      ['--preset NAME', 'Filter first (alerts, verbose; default none: send every event)'],
      ['--no-color, --compact', 'As for render'],
      ['--enrich', 'As for render (docs/evidence.md: the IAM it needs)'],
      [
        '--group-wait SECONDS',
        'Alerts of one cluster and cause within this window (default 30, in the',
        "events' time) are one incident: the first at once, the rest in one grouped message",
      ],
      ['--no-group', 'One message per alert (docs/storms.md)'],
      ['--no-pace', "Post as fast as Slack answers (default: Slack's rate, 1 message/s, bursts of 3)"],
    ],
  },
  patterns: {
    operands: '',
    summary: 'The EventBridge event pattern that selects what a preset can notify (JSON)',
    options: [
      ['--preset NAME', 'alerts (default), verbose or none'],
      ['--cluster NAME', 'Only this cluster (repeatable; * globs)'],
      ['--service NAME', 'Only this service (repeatable; * globs)'],
      ['--list', 'A JSON array of non-overlapping patterns, one rule each'],
      ['--compact', 'One line instead of pretty JSON'],
    ],
    exit: 'Exit status: 0 (a pattern longer than EventBridge accepts is a warning on stderr), 2 on usage errors.',
  },
  route: {
    operands: '[FILE...]',
    summary: 'Where a policy sends each event, and the route that chose it (JSON lines)',
    options: [['--policy FILE', 'The policy (JSON; see docs/policy.md)']],
  },
  policy: {
    operands: 'check FILE | schema',
    summary: 'Check a policy file (exit 2 on its first problem), or print its JSON Schema',
    options: [],
    readsEvents: false,
    exit: 'Exit status: 0 when the policy is valid (or for schema), 2 when it is not, cannot be read, or on usage errors.',
  },
  silence: {
    operands: 'add | list | expire ID',
    summary: 'Silences in the DynamoDB state table: add, list the live ones, end one now',
    options: [
      ['--table NAME', 'The state table (AWS SDK configuration: AWS_REGION, credentials, ...)'],
      [
        '--service NAME',
        'add: what to silence (repeatable; * globs); also --cluster, --account,',
        '--region, --kind, --outcome, --severity, --cause',
      ],
      ['--for DURATION', 'add: how long (90m, 2h, 1d12h); or --until TIME (ISO-8601)'],
      ['--from TIME', 'add: when it starts (ISO-8601; default now)'],
      ['--reason TEXT', 'add: why, required (shown in the summary when it ends)'],
      ['--author NAME', 'add: who (default $USER or $LOGNAME; required without them)'],
    ],
    readsEvents: false,
  },
  demo: {
    operands: '',
    summary: 'Run the built-in sample events through the pipeline and print the result',
    options: [],
    exit: 'Exit status: 0, or 2 on usage errors.',
  },
};

const INPUT = `Input: a JSON event, a JSON array, NDJSON, JSON values one after another (cat a.json b.json),
or a Lambda SQS / SNS payload. Reads standard input when no FILE is given (or for "-").`;

const EXIT_STATUS = `Exit status: 0 when every event went through, 1 when some input was invalid or could not be
delivered (the rest is still processed, each problem reported), 2 on usage errors.`;

/** Option lines: the flag padded to a column, later description lines aligned under the first. */
function optionLines(options: CommandHelp['options'], indent: string, width: number): string[] {
  return options.flatMap(([flag, first = '', ...rest]) => [
    `${indent}${flag.padEnd(Math.max(width, flag.length + 2))}${first}`.trimEnd(),
    ...rest.map((line) => `${indent}${' '.repeat(width)}${line}`),
  ]);
}

/** A command's lines in the overview: name and operands, then the summary from column 23. */
function overviewLines(name: string, help: CommandHelp): string[] {
  const call = `${name} ${help.operands}`.trim();
  // A call too long for its column gets the summary on the next line, at the same column.
  const head =
    call.length > 19 ? [`  ${call}`, `${' '.repeat(23)}${help.summary}`] : [`  ${call.padEnd(19)}  ${help.summary}`];
  return [...head, ...optionLines(help.options, '      ', 19)];
}

/**
 * `ecs-slack --help`: every command with its options.
 *
 * @internal
 */
export const USAGE: string = [
  'Usage: ecs-slack <command> [options] [FILE...]',
  '',
  'Commands:',
  ...Object.entries(COMMAND_HELP).flatMap(([name, help]) => overviewLines(name, help)),
  '',
  INPUT,
  '',
  'Options:',
  '  -h, --help           Show this help (also after a command: ecs-slack render --help)',
  '  -v, --version        Show the version',
  '',
  EXIT_STATUS,
].join('\n');

/**
 * `ecs-slack COMMAND --help`: that command's usage, summary and options, or `undefined` for a
 * name that is not a command.
 *
 * @internal
 */
export function commandHelp(name: string): string | undefined {
  const help = Object.hasOwn(COMMAND_HELP, name) ? COMMAND_HELP[name] : undefined;
  if (help === undefined) return undefined;
  const readsEvents = help.readsEvents ?? help.operands !== '';
  return [
    `Usage: ecs-slack ${name} [options]${help.operands === '' ? '' : ` ${help.operands}`}`,
    '',
    help.summary,
    '',
    'Options:',
    ...optionLines([...help.options, ['-h, --help', 'Show this help']], '  ', 23),
    ...(readsEvents ? ['', INPUT] : []),
    '',
    help.exit ?? EXIT_STATUS,
  ].join('\n');
}
