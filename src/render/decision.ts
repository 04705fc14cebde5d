/**
 * Rendering what the noise filter decided to send.
 *
 * @module
 */
import type { EcsEvent } from '../events/index.js';
import type { DigestDecision, NotifyDecision } from '../filter/decision.js';
import { customTitle, subjectOf } from './draft-parts.js';
import { renderDigest } from './digest.js';
import { renderMessage } from './message.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

/**
 * Renders a notify or digest decision: the event with the decision's classification (a
 * recovery gets the title `<service>: recovered` unless you set a title), or the digest.
 *
 * @param decision - From `NoiseFilter.decide` or `NoiseFilter.flush`.
 * @param event - The event decided on (ignored for digests, which carry their own).
 * @param options - Rendering options.
 * @returns The message to send.
 * @example
 * ```ts
 * const decision = await filter.decide(event, classify(event), Date.now());
 * if (decision.action === 'notify' || decision.action === 'digest') await sender.post(renderDecision(decision, event));
 * ```
 */
export function renderDecision(
  decision: NotifyDecision | DigestDecision,
  event: EcsEvent | undefined,
  options: RenderOptions = {},
): SlackMessage {
  if (decision.action === 'digest') return renderDigest(decision.digest, options);
  if (event === undefined) throw new TypeError('renderDecision needs the event of a notify decision');
  const c = decision.classification;
  if (!decision.recovery) return renderMessage(event, { ...options, classification: c });
  const title = customTitle(event, c, options) ?? `${subjectOf(c)}: recovered`;
  return renderMessage(event, { ...options, title, classification: c });
}
