/**
 * `ecs-slack send`: render and post to an incoming webhook.
 *
 * @internal
 * @module
 */
import { createEnricher } from '../../aws/enricher.js';
import { createWebhookSender } from '../../deliver/webhook.js';
import { webhookUrlProblem } from '../../deliver/webhook-url.js';
import { createPipeline, type PipelineLogEntry } from '../../pipeline/index.js';
import { EXIT_INVALID_INPUT, UsageError, eventFiles, layoutOptions, parseOptions } from '../args.js';
import { EventClock, presetFilter } from '../filtering.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';

/**
 * Sends each event (through the noise filter with `--preset`, default `none`: every event) to
 * the webhook from `--webhook-url` or `SLACK_WEBHOOK_URL`, one JSON log line per event on stdout.
 * Exits 1 when any event was invalid or could not be delivered. The URL is never printed. With
 * `--enrich`, alerts carry root-cause evidence read from AWS (its standard configuration).
 *
 * @internal
 */
export async function sendCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    'webhook-url': { type: 'string' },
    preset: { type: 'string' },
    'no-color': { type: 'boolean' },
    compact: { type: 'boolean' },
    enrich: { type: 'boolean' },
  });
  const files = eventFiles(positionals, 'pass the webhook with --webhook-url or SLACK_WEBHOOK_URL');
  const url = typeof values['webhook-url'] === 'string' ? values['webhook-url'] : io.env.SLACK_WEBHOOK_URL;
  if (url === undefined || url === '') throw new UsageError('give --webhook-url URL or set SLACK_WEBHOOK_URL');
  const problem = webhookUrlProblem(url);
  if (problem !== undefined) throw new UsageError(`the webhook URL ${problem}`);
  const filter = presetFilter(values.preset ?? 'none');
  const clock = new EventClock();
  let failed = false;
  const pipeline = createPipeline({
    sender: createWebhookSender({ url }),
    ...(filter === undefined ? {} : { filter }),
    render: layoutOptions(values),
    threads: false,
    ...(values.enrich === true ? { enrich: createEnricher() } : {}),
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
    },
    { afterOutputCloses: 'continue' },
  );
  // Send the digests still open at the end of input, as if their windows had closed.
  if (filter !== undefined && clock.endOfInput(filter) !== undefined) await pipeline.flush();
  return failed ? EXIT_INVALID_INPUT : code;
}
