/**
 * `ecs-slack send`: render and post to an incoming webhook, an Amazon Q Developer SNS topic, or
 * the destinations of a policy.
 *
 * @internal
 * @module
 */
import { createEnricher } from '../../aws/enricher.js';
import { createAmazonQSender } from '../../deliver/amazon-q/sns-sender.js';
import { createWebhookSender } from '../../deliver/webhook.js';
import { webhookUrlProblem } from '../../deliver/webhook-url.js';
import { isConfigError } from '../../errors.js';
import type { FilterPreset } from '../../filter/filter-options.js';
import { resolveFilterOptions } from '../../filter/presets.js';
import { createPipeline, type PipelineOptions } from '../../pipeline/index.js';
import type { PipelineLogEntry } from '../../pipeline/log.js';
import { policySenders } from '../../pipeline/policy-senders.js';
import { GROUP_DEFAULTS, type GroupOptions } from '../../policy/group.js';
import type { Policy } from '../../policy/schema.js';
import { EXIT_INVALID_INPUT, UsageError, eventFiles, layoutOptions, parseOptions } from '../args.js';
import { EventClock, presetOption } from '../filtering.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';
import { readPolicyFile } from './policy.js';

/**
 * Sends each event (filtered with `--preset`, default `none`) to the webhook of `--webhook-url`
 * or `SLACK_WEBHOOK_URL`, the Amazon Q topic of `--sns-topic`, or where `--policy` routes it.
 * One JSON log line per event and destination; exit 1 when any was invalid or undelivered.
 *
 * @remarks The URL is never printed. `--enrich` adds evidence read from AWS (its standard
 * configuration). Grouping (`--group-wait`, `--no-group`) runs on the events' own time, its
 * grouped messages sent as windows close and at the end; pacing (`--no-pace`) on the real clock.
 *
 * @internal
 */
export async function sendCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'webhook-url': { type: 'string' },
    'sns-topic': { type: 'string' },
    policy: { type: 'string' },
    preset: { type: 'string' },
    'no-color': { type: 'boolean' },
    compact: { type: 'boolean' },
    enrich: { type: 'boolean' },
    'no-group': { type: 'boolean' },
    'group-wait': { type: 'string' },
    'no-pace': { type: 'boolean' },
  });
  const files = eventFiles(positionals, 'pass the webhook with --webhook-url or SLACK_WEBHOOK_URL');
  const given = (['webhook-url', 'sns-topic', 'policy'] as const).filter((name) => typeof values[name] === 'string');
  if (given.length > 1)
    throw new UsageError(`give one of --webhook-url, --sns-topic and --policy, not ${given.join(' and ')}`);
  const preset = presetOption(values.preset ?? 'none') ?? 'none';
  const group = groupOption(values);
  const where = await destinationOf(values, io);
  const clock = new EventClock();
  let failed = false;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const pipeline = createPipeline({
    ...where,
    filter: { preset },
    render: layoutOptions(values),
    threads: false,
    ...(values.enrich === true ? { enrich: createEnricher() } : {}),
    silences: false,
    group,
    ...(values['no-pace'] === true ? { pace: false as const } : {}),
    clock: () => clock.now,
    logger: (entry: PipelineLogEntry) => {
      if (entry.msg === 'failed') failed = true;
      writeLine(io.stdout, JSON.stringify(entry));
    },
  });
  // Delivery is the work, the log lines only report it: a reader that stops reading them
  // (`| head`) does not stop the sending.
  const code = await forEachEvent(
    files,
    io,
    async (event, record) => {
      clock.advance(event);
      await pipeline.handle(event, { id: record.id });
      // As the Lambda handler does, once a minute (of the events' time): grouped messages and
      // digests whose window has closed go out while the input is read.
      if (clock.now - lastFlush >= FLUSH_EVERY_MS) {
        if (lastFlush !== Number.NEGATIVE_INFINITY) await pipeline.flush();
        lastFlush = clock.now;
      }
    },
    { afterOutputCloses: 'continue' },
  );
  // Send the digests and grouped messages still open at the end of input, as if their windows had closed.
  const policy = 'policy' in where ? where.policy : undefined;
  const window = Math.max(longestFoldWindow(preset, policy), groupWait(group, policy));
  if (window > 0) {
    clock.forward(window);
    await pipeline.flush();
  }
  return failed ? EXIT_INVALID_INPUT : code;
}

/** How often, in the events' time, `send` flushes while reading (as the Lambda handler does). */
const FLUSH_EVERY_MS = 60_000;

/** Grouping as `--no-group` and `--group-wait SECONDS` say. */
function groupOption(values: Readonly<Record<string, unknown>>): GroupOptions | false {
  const wait = values['group-wait'];
  if (values['no-group'] === true) {
    if (wait !== undefined) throw new UsageError('give --no-group or --group-wait, not both');
    return false;
  }
  if (wait === undefined) return {};
  const seconds = Number(wait);
  if (typeof wait !== 'string' || wait.trim() === '' || !(seconds > 0) || !Number.isFinite(seconds))
    throw new UsageError('--group-wait: expected a positive number of seconds');
  return { groupWaitSeconds: seconds };
}

/** Where the events go: the options' webhook, SNS topic or policy, else `SLACK_WEBHOOK_URL`. */
async function destinationOf(
  values: Readonly<Record<string, unknown>>,
  io: CliIo,
): Promise<Pick<PipelineOptions, 'sender' | 'policy' | 'destinations'>> {
  if (typeof values['sns-topic'] === 'string') {
    try {
      return { sender: createAmazonQSender({ topicArn: values['sns-topic'] }) };
    } catch (error) {
      if (isConfigError(error))
        throw new UsageError('--sns-topic: expected an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)');
      throw error;
    }
  }
  if (typeof values.policy === 'string') {
    const policy = await readPolicyFile(values.policy);
    checkSendable(policy, io);
    return { policy, destinations: policySenders(policy, { env: io.env, caller: 'ecs-slack send' }) };
  }
  const url = typeof values['webhook-url'] === 'string' ? values['webhook-url'] : io.env.SLACK_WEBHOOK_URL;
  if (url === undefined || url === '')
    throw new UsageError('give --webhook-url URL, --sns-topic ARN or --policy FILE, or set SLACK_WEBHOOK_URL');
  const problem = webhookUrlProblem(url);
  if (problem !== undefined) throw new UsageError(`the webhook URL ${problem}`);
  return { sender: createWebhookSender({ url }) };
}

/**
 * The CLI posts to webhooks whose URL is in an environment variable, and to Amazon Q topics: a
 * destination it cannot send to is a usage error, before anything is sent.
 */
function checkSendable(policy: Policy, io: CliIo): void {
  for (const [name, destination] of Object.entries(policy.destinations)) {
    if (destination.type === 'web-api')
      throw new UsageError(
        `destinations.${name} is a web-api destination; ecs-slack send posts to webhooks and Amazon Q`,
      );
    if (destination.type !== 'webhook') continue;
    if (!('env' in destination.url))
      throw new UsageError(
        `destinations.${name}.url: ecs-slack send reads webhook URLs from environment variables only`,
      );
    const url = io.env[destination.url.env];
    if (url === undefined || url.trim() === '')
      throw new UsageError(`destinations.${name}.url: the environment variable ${destination.url.env} is not set`);
    const problem = webhookUrlProblem(url.trim());
    if (problem !== undefined) throw new UsageError(`destinations.${name}.url: the webhook URL ${problem}`);
  }
}

/** The grouping window in force, in seconds (0 without grouping): the option's, or the policy's on top. */
function groupWait(group: GroupOptions | false, policy: Policy | undefined): number {
  if (group === false || policy?.group === false) return 0;
  return policy?.group?.groupWaitSeconds ?? group.groupWaitSeconds ?? GROUP_DEFAULTS.groupWaitSeconds;
}

/** The longest fold window in force, in seconds (0 when nothing folds): the preset's or a route's. */
function longestFoldWindow(preset: FilterPreset, policy: Policy | undefined): number {
  const base = resolveFilterOptions({ preset }).foldWindowSeconds;
  const routes = policy === undefined ? [] : [...(policy.routes ?? []), policy.default];
  const windows = [base, ...routes.map((route) => route.filter?.foldWindowSeconds)];
  return Math.max(0, ...windows.map((w) => (typeof w === 'number' ? w : 0)));
}
