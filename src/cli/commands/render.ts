/**
 * `ecs-slack render`: one Slack payload (or Amazon Q notification) per event.
 *
 * @internal
 * @module
 */
import { createEnricher } from '../../aws/enricher.js';
import { classify } from '../../classify/index.js';
import { renderAmazonQ, renderAmazonQDecision, renderAmazonQDigest } from '../../render/amazon-q/render.js';
import { blockKitBuilderUrl } from '../../render/builder-url.js';
import { renderDecision } from '../../render/decision.js';
import { renderDigest } from '../../render/digest.js';
import { renderMessage } from '../../render/message.js';
import type { SlackMessage } from '../../render/slack-message.js';
import type { AmazonQNotification } from '../../render/amazon-q/types.js';
import { OfflineFilter, presetFilter } from '../filtering.js';
import { UsageError, eventFiles, layoutOptions, parseOptions } from '../args.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';

/** The formats `--format` takes. */
const FORMATS = ['slack', 'amazon-q'] as const;

/**
 * Prints one payload per event: NDJSON, pretty JSON (`--pretty`), or a Block Kit Builder link
 * (`--builder-url`). `--no-color` and `--compact` choose the layout; `--format amazon-q` prints
 * Amazon Q Developer notifications instead. With `--preset`, only the messages the noise filter
 * would send, digests included (flushed at the end of input). With `--enrich`, Slack alerts carry
 * root-cause evidence read from AWS (its standard configuration).
 *
 * @internal
 */
export async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    pretty: { type: 'boolean' },
    'builder-url': { type: 'boolean' },
    'no-color': { type: 'boolean' },
    compact: { type: 'boolean' },
    preset: { type: 'string' },
    enrich: { type: 'boolean' },
    format: { type: 'string' },
  });
  const format = values.format ?? 'slack';
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    throw new UsageError(`unknown format; use ${FORMATS.join(' or ')}`);
  const amazonQ = format === 'amazon-q';
  if (amazonQ && values['builder-url'] === true)
    throw new UsageError('--builder-url draws Slack messages; not with --format amazon-q');
  const files = eventFiles(positionals, 'render reads events from files or standard input');
  const options = layoutOptions(values);
  const enrich = values.enrich === true ? createEnricher() : undefined;
  const filter = presetFilter(values.preset);
  const offline = filter === undefined ? undefined : new OfflineFilter(filter);
  const print = (payload: SlackMessage | AmazonQNotification): void => {
    if (values['builder-url'] === true) writeLine(io.stdout, blockKitBuilderUrl(payload as SlackMessage));
    else writeLine(io.stdout, values.pretty === true ? JSON.stringify(payload, null, 2) : JSON.stringify(payload));
  };
  const code = await forEachEvent(files, io, async (event) => {
    if (offline === undefined) {
      const classification = classify(event);
      if (amazonQ) {
        print(renderAmazonQ(event, { ...options, classification }));
        return;
      }
      const evidence = await enrich?.(event, classification);
      print(renderMessage(event, { ...options, classification, ...(evidence === undefined ? {} : { evidence }) }));
      return;
    }
    const decision = await offline.decide(event);
    if (decision.action !== 'notify' && decision.action !== 'digest') return;
    if (amazonQ) {
      print(renderAmazonQDecision(decision, event, options));
      return;
    }
    const evidence = decision.action === 'notify' ? await enrich?.(event, decision.classification) : undefined;
    print(renderDecision(decision, event, evidence === undefined ? options : { ...options, evidence }));
  });
  for (const { digest } of (await offline?.finish()) ?? [])
    print(amazonQ ? renderAmazonQDigest(digest, options) : renderDigest(digest, options));
  return code;
}
