/**
 * Renderers to Amazon Q Developer custom notifications: the same classification, title, culprit,
 * hint and links as the Slack messages, in `client-markdown` for Slack, Microsoft Teams and
 * Amazon Chime through AWS's managed chat integration.
 *
 * @module
 */
import { classify, notAnEvent } from '../../classify/index.js';
import type { Classification } from '../../classify/classification.js';
import type { EcsEvent } from '../../events/index.js';
import type { DigestDecision, NotifyDecision } from '../../filter/decision.js';
import { stableHash } from '../../internal/hash.js';
import { customTitle, linksOf, subjectOf } from '../draft-parts.js';
import { digestSummary, type Digest } from '../digest.js';
import { outcomeRecord } from '../../classify/outcomes.js';
import type { RenderOptions } from '../options.js';
import type { MessageOptions } from '../message.js';
import { assembleQ, factValue, utcText } from './assemble.js';
import { contextOf, culpritLine, draftEvent, extraFacts, metadataOf, placeFacts, reasonOf } from './draft.js';
import { incidentId } from './metadata.js';
import { mdTrusted } from './markdown.js';
import type { AmazonQNotification } from './types.js';

/**
 * Renders an event as an Amazon Q Developer custom notification (schema `1.0`, source `custom`,
 * `client-markdown`): the Slack header's title, the summary and facts, the hint as `nextSteps`.
 *
 * @remarks The description holds the summary, the culprit container, the facts (cluster, service,
 * task, task definition, deployment: linked to the console), the AWS reason, "View in console"
 * and the other console links, and the account, Region and time; `keywords` the cluster,
 * service, outcome and severity. `metadata.threadId` is the deployment id for the task and
 * deployment events of a deployment, and the incident for problems the noise filter folds.
 *
 * Pure, and always within {@link AMAZON_Q_LIMITS}: event text is inert markdown in every client
 * (no mention, link, image, HTML or formatting can come from it), long text is cut with an
 * ellipsis, identifiers are never cut. `mentions`, `color`, `variant` and `buttons` do not apply.
 *
 * @param event - A parsed event.
 * @param options - The classification (default `classify(event)`; a policy may have changed it),
 *   and the title, extra fields, log link and styles, as for the Slack `renderMessage`.
 * @returns The notification: `JSON.stringify` it as the `Message` of an SNS publish.
 * @throws `TypeError` when `event` is not a parsed event, or a classification is passed where
 *   the options belong (the 0.1 signature).
 * @example
 * ```ts
 * const notification = renderAmazonQ(parseEcsEvent(input), { classification });
 * await sender.post(notification);
 * ```
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
export function renderAmazonQ(event: EcsEvent, options: MessageOptions = {}): AmazonQNotification {
  if (typeof (event as Partial<EcsEvent> | null | undefined)?.kind !== 'string') {
    throw notAnEvent('renderAmazonQ', event);
  }
  const given = options as Partial<Classification> | null;
  if (
    typeof given !== 'object' ||
    given === null ||
    (typeof given.severity === 'string' && typeof given.outcome === 'string')
  ) {
    throw new TypeError(
      'renderAmazonQ: the second argument is the options; pass a classification inside them: renderAmazonQ(event, { classification })',
    );
  }
  return assembleQ(draftEvent(event, options.classification ?? classify(event), options));
}

/**
 * Renders a digest of folded repeats as an Amazon Q notification: the count and window, the
 * latest details and the fix, in the incident's thread (`metadata.threadId`).
 *
 * @param digest - The folded repeats.
 * @param options - The same options as {@link renderAmazonQ}.
 * @returns The notification.
 * @example
 * ```ts
 * await sender.post(renderAmazonQDigest(digest));
 * ```
 */
export function renderAmazonQDigest(digest: Digest, options: RenderOptions = {}): AmazonQNotification {
  const { event, classification: c } = digest.latest;
  const times = digest.count === 1 ? 'once more' : `${digest.count} more times`;
  return assembleQ({
    title: customTitle(event, c, options) ?? `${subjectOf(c)}: ${outcomeRecord(c.outcome).title}, ${times}`,
    summary: digestSummary(digest),
    severity: c.severity,
    ...(c.culprit === undefined ? {} : { culprit: culpritLine(c) }),
    facts: [
      ...placeFacts(c).filter((fact) => fact.label !== 'Task'),
      { label: 'Repeats', value: mdTrusted(String(digest.count)) },
      { label: 'Since', value: utcText(digest.since) },
      { label: 'Latest', value: utcText(digest.until) },
      { label: 'Latest task', value: factValue(c.identity.taskId, c.links.task) },
      ...extraFacts(event, c, options),
    ],
    ...withLabel(reasonOf(event, c), 'Latest reason'),
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    links: linksOf([['Service events', c.links.serviceEvents]], event, c, options),
    context: contextOf(event),
    classification: c,
    metadata: metadataOf(event, c, 'digest'),
    id: `digest-${stableHash(`${incidentId(c)}|${digest.since}|${digest.until}|${digest.count}`)}`,
    ...(options.styles === undefined ? {} : { styles: options.styles }),
  });
}

type Reason = { reason?: string; reasonLabel?: string };

/**
 * A reason relabelled (the unknown kind's raw detail keeps its own label).
 *
 * @internal
 */
export function withLabel(reason: Reason, label: string): Reason {
  return reason.reasonLabel === undefined && reason.reason !== undefined ? { ...reason, reasonLabel: label } : reason;
}

/**
 * Renders a notify or digest decision as an Amazon Q notification: the event with the decision's
 * classification (a recovery gets the title `<service>: recovered` unless you set a title), or
 * the digest.
 *
 * @param decision - From `NoiseFilter.decide` or `NoiseFilter.flush`.
 * @param event - The event decided on (ignored for digests, which carry their own).
 * @param options - Rendering options.
 * @returns The notification to publish.
 * @throws `TypeError` for a notify decision without its event.
 * @example
 * ```ts
 * const decision = await filter.decide(event, classify(event), Date.now());
 * if (decision.action === 'notify' || decision.action === 'digest') {
 *   await sender.post(renderAmazonQDecision(decision, event));
 * }
 * ```
 */
export function renderAmazonQDecision(
  decision: NotifyDecision | DigestDecision,
  event: EcsEvent | undefined,
  options: RenderOptions = {},
): AmazonQNotification {
  if (decision.action === 'digest') return renderAmazonQDigest(decision.digest, options);
  if (event === undefined) throw new TypeError('renderAmazonQDecision needs the event of a notify decision');
  const c = decision.classification;
  if (!decision.recovery) return assembleQ(draftEvent(event, c, options));
  return assembleQ(draftEvent(event, c, options, customTitle(event, c, options) ?? `${subjectOf(c)}: recovered`));
}
