/**
 * `renderMessage`: from an event to a Slack Block Kit message.
 *
 * @module
 */
import { classify, notAnEvent } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
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
 * Renders an event as a Slack message: a header with the severity emoji, service and outcome;
 * the summary and the culprit container; a field grid (cluster, service, task linked to the
 * console, task definition, capacity, deployment, started and stopped times, uptime); the AWS
 * reason; the containers; the hint with its AWS docs link; the console links the grid does not
 * hold already (service events, deployments, logs); and a context line (account, Region, event
 * time). With `buttons: true` every console link is a button.
 *
 * Pure, and always valid Block Kit within Slack's limits: every string from the event is
 * escaped (no mention, link or date token can come from it), long text is cut with an ellipsis,
 * long lists with "and N more", identifiers are never cut.
 *
 * @param event - A parsed event.
 * @param classification - Its classification; computed with {@link classify} when omitted.
 * @param options - Colour, variant, mentions, title, extra fields, log link, buttons.
 * @returns A payload to spread into `IncomingWebhook.send` or `chat.postMessage`.
 * @throws `TypeError` when `event` is not a parsed event, or `classification` is not one
 *   (options passed second instead of third): mistakes in the calling code, which types catch.
 * @example
 * ```ts
 * const message = renderMessage(parseEcsEvent(input), undefined, {
 *   mentions: { error: [{ userGroup: 'S0123ABCD' }] },
 * });
 * await client.chat.postMessage({ channel: 'C0123ABCD', ...message });
 * ```
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export function renderMessage(
  event: EcsEvent,
  classification?: Classification,
  options: RenderOptions = {},
): SlackMessage {
  checkArguments(event, classification);
  const c = classification ?? classify(event);
  const message = assemble(draftOf(event, c, options), options);
  return options.evidence === undefined ? message : withEvidence(message, options.evidence, options);
}

/**
 * For callers without the types: a raw event, or options passed second (`renderMessage(event,
 * { color: false })`), fail here in words rather than deep inside. Two `typeof` checks.
 */
function checkArguments(event: EcsEvent, classification: Classification | undefined): void {
  if (typeof (event as Partial<EcsEvent> | null | undefined)?.kind !== 'string')
    throw notAnEvent('renderMessage', event);
  if (
    classification !== undefined &&
    typeof (classification as Partial<Classification> | null)?.severity !== 'string'
  ) {
    throw new TypeError(
      'renderMessage: the second argument must be a Classification (from classify) or undefined; options go third: renderMessage(event, undefined, options)',
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
