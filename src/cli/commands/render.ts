/**
 * `ecs-slack render`: one Slack payload per event.
 *
 * @internal
 * @module
 */
import { createEnricher } from '../../aws/enricher.js';
import { classify } from '../../classify/index.js';
import { blockKitBuilderUrl } from '../../render/builder-url.js';
import { renderDecision } from '../../render/decision.js';
import { renderDigest } from '../../render/digest.js';
import { renderMessage } from '../../render/message.js';
import type { SlackMessage } from '../../render/slack-message.js';
import { OfflineFilter, presetFilter } from '../filtering.js';
import { eventFiles, layoutOptions, parseOptions } from '../args.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';

/**
 * Prints one payload per event: NDJSON, pretty JSON (`--pretty`), or a Block Kit Builder link
 * (`--builder-url`). `--no-color` and `--compact` choose the layout. With `--preset`, only the
 * messages the noise filter would send, digests included (flushed at the end of input). With
 * `--enrich`, alerts carry root-cause evidence read from AWS (its standard configuration).
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
  });
  const files = eventFiles(positionals, 'render reads events from files or standard input');
  const options = layoutOptions(values);
  const enrich = values.enrich === true ? createEnricher() : undefined;
  const filter = presetFilter(values.preset);
  const offline = filter === undefined ? undefined : new OfflineFilter(filter);
  const print = (message: SlackMessage): void => {
    if (values['builder-url'] === true) writeLine(io.stdout, blockKitBuilderUrl(message));
    else writeLine(io.stdout, values.pretty === true ? JSON.stringify(message, null, 2) : JSON.stringify(message));
  };
  const code = await forEachEvent(files, io, async (event) => {
    if (offline === undefined) {
      const classification = classify(event);
      const evidence = await enrich?.(event, classification);
      print(renderMessage(event, { ...options, classification, ...(evidence === undefined ? {} : { evidence }) }));
      return;
    }
    const decision = await offline.decide(event);
    const evidence = decision.action === 'notify' ? await enrich?.(event, decision.classification) : undefined;
    if (decision.action === 'notify' || decision.action === 'digest')
      print(renderDecision(decision, event, evidence === undefined ? options : { ...options, evidence }));
  });
  for (const digest of (await offline?.finish()) ?? []) print(renderDigest(digest.digest, options));
  return code;
}
