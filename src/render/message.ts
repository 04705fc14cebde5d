/**
 * `renderMessage`: from an event to a Slack Block Kit message.
 *
 * @module
 */
import { classify, notAnEvent } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import { withAlertActions } from './alert-actions.js';
import { withEvidence } from './evidence-blocks.js';
import { assemble, type Draft } from './layout.js';
import type { RenderOptions } from './options.js';
import { draftInstance } from './container-instance.js';
import { draftDeployment } from './deployment.js';
import { draftService } from './service.js';
import { draftUnknown } from './unknown.js';
import { draftTask } from './task.js';
import type { SlackMessage } from './slack-message.js';

/**
 * Options of {@link renderMessage}: how to draw the message, and the event's classification.
 */
export interface MessageOptions extends RenderOptions {
  /** The event's classification (a policy may have changed it); computed with `classify` when omitted. */
  readonly classification?: Classification;
}

/**
 * Renders an event as a Slack message: header (severity emoji, service, outcome), summary and
 * culprit, a field grid linked to the console, the AWS reason, the containers, the hint with its
 * docs link, console and log links, and a context line. Pure and always within Slack's limits:
 * event text is escaped (no mention, link or date token can come from it), prose is cut with an
 * ellipsis, lists with "and N more", identifiers never.
 *
 * @param event - A parsed event.
 * @param options - The classification (default `classify(event)`), colour, variant, mentions,
 *   title, extra fields, log link, buttons, evidence, and with `interactive` (and the signing
 *   secret) the Acknowledge and Mute buttons.
 * @returns A payload to spread into `IncomingWebhook.send` or `chat.postMessage`.
 * @throws `TypeError` when `event` is not a parsed event, or a classification is passed where the
 *   options belong (the 0.1 signature): mistakes in the calling code, which types catch.
 * @example
 * ```ts
 * const message = renderMessage(parseEcsEvent(input), { mentions: { error: [{ userGroup: 'S0123ABCD' }] } });
 * await client.chat.postMessage({ channel: 'C0123ABCD', ...message });
 * ```
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export function renderMessage(event: EcsEvent, options: MessageOptions = {}): SlackMessage {
  checkArguments(event, options);
  const c = options.classification ?? classify(event);
  const drawn = assemble(draftOf(event, c, options), options);
  const message = options.evidence === undefined ? drawn : withEvidence(drawn, options.evidence, options);
  return withAlertActions(message, c, options);
}

/**
 * For callers without the types: a raw event, or a classification where the options belong
 * (`renderMessage(event, { ...options, classification: classification })`, the 0.1 signature), fail here in words rather
 * than deep inside.
 */
function checkArguments(event: EcsEvent, options: MessageOptions): void {
  if (typeof (event as Partial<EcsEvent> | null | undefined)?.kind !== 'string')
    throw notAnEvent('renderMessage', event);
  const given = options as Partial<Classification> | null;
  if (
    typeof given !== 'object' ||
    given === null ||
    (typeof given.severity === 'string' && typeof given.outcome === 'string')
  ) {
    throw new TypeError(
      'renderMessage: the second argument is the options; pass a classification inside them: renderMessage(event, { classification })',
    );
  }
}

function draftOf(event: EcsEvent, c: Classification, options: RenderOptions): Draft {
  switch (event.kind) {
    case 'task':
      return draftTask(event, c, options);
    case 'service':
      return draftService(event, c, options);
    case 'deployment':
      return draftDeployment(event, c, options);
    case 'container-instance':
      return draftInstance(event, c, options);
    case 'unknown':
      return draftUnknown(event, c, options);
    default:
      throw notAnEvent('renderMessage', event);
  }
}
