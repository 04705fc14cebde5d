/**
 * `ecs-slack/aws`: root-cause evidence for alerts. For a stopped task, its failing container's
 * log location (read from the task definition), links to its log stream and to Logs Insights,
 * and its last log lines with secrets redacted; for a service that cannot start tasks or a
 * failed deployment, the same for its latest stopped task. Within a time budget, never failing
 * the alert.
 *
 * Needs the optional peer dependencies `@aws-sdk/client-ecs` and `@aws-sdk/client-cloudwatch-logs`
 * (v3; the Lambda Node.js runtimes include them); the root `ecs-slack` entry never imports them.
 * IAM permissions and the limits of redaction are in `docs/evidence.md`.
 *
 * @example
 * ```ts
 * import { classify, renderMessage } from 'ecs-slack';
 * import { createEnricher } from 'ecs-slack/aws';
 *
 * const enrich = createEnricher();
 * const classification = classify(event);
 * const evidence = await enrich(event, classification);
 * const message = renderMessage(event, { classification: classification, evidence });
 * ```
 *
 * @module ecs-slack/aws
 */

export {
  ENRICHER_DEFAULTS,
  createEnricher,
  type EnrichOptions,
  type Enricher,
  type EnricherOptions,
} from './enricher.js';
export type { AwsClientLike } from '../internal/aws-client.js';
export { logStreamUrl, logsInsightsUrl, type LogStreamLinkOptions, type LogsInsightsLinkOptions } from './log-links.js';
export { consoleBase } from '../classify/links.js';
export { REDACTED, redactSecrets, type RedactOptions } from './redact.js';
export type { Evidence, LogLocation, StoppedTaskSummary } from '../render/evidence.js';
