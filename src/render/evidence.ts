/**
 * Root-cause evidence in a message: the failing container's last log lines, links to its log
 * stream and to Logs Insights, the latest stopped task of a service, and notes on what could not
 * be fetched. The data comes from `ecs-slack/aws`; drawing it is pure.
 *
 * @module
 */
import type { Classification, Culprit, Outcome } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';

/**
 * Where a container's logs are in CloudWatch Logs, read from its task definition.
 */
export interface LogLocation {
  /** `awslogs`, or `awsfirelens` with the CloudWatch output. */
  readonly driver: 'awslogs' | 'awsfirelens';
  /** The Region of the log group. */
  readonly region: string;
  /** The log group. */
  readonly group: string;
  /** The container's log stream in this task, when its name can be known. */
  readonly stream?: string;
}

/**
 * The latest stopped task of a service, as the classifier sees it: why a service alert happened.
 */
export interface StoppedTaskSummary {
  /** The task ARN. */
  readonly taskArn: string;
  /** The task id (the last part of the ARN). */
  readonly taskId: string;
  /** Its classification outcome (`crashed`, `failed-to-start`, ...). */
  readonly outcome: Outcome;
  /** One plain sentence, from the classifier. */
  readonly summary: string;
  /** The AWS stop reason, secrets redacted. */
  readonly reason?: string;
  /** The container that explains the stop. */
  readonly culprit?: Culprit;
  /** When it stopped, ISO-8601. */
  readonly stoppedAt?: string;
  /** The task in the ECS console. */
  readonly url?: string;
}

/**
 * What enrichment found out about an alert: plain data, safe to log (log lines are redacted).
 * Pass it to the renderers as `RenderOptions.evidence`.
 */
export interface Evidence {
  /** The container whose logs are shown (the culprit, else the first essential container). */
  readonly container?: string;
  /** Where that container's logs are. */
  readonly log?: LogLocation;
  /** Console links: the container's log stream around the stop, and Logs Insights for the task. */
  readonly links: {
    /** The container's log stream in the CloudWatch console, around the stop time. */
    readonly stream?: string;
    /** A Logs Insights query for the task's lines in the log group. */
    readonly insights?: string;
  };
  /** The last log lines before the stop, oldest first: colour codes stripped, secrets redacted. */
  readonly lines: readonly string[];
  /** One line each on what could not be shown and why (`logs unavailable: AccessDenied`). */
  readonly notes: readonly string[];
  /** Service and deployment alerts: the latest stopped task of the service. */
  readonly stoppedTask?: StoppedTaskSummary;
}

/**
 * Options of one enrichment.
 */
export interface EnrichOptions {
  /**
   * A time (epoch milliseconds) enrichment must not pass, such as the Lambda deadline minus what
   * delivery needs; the budget ends at this time when it comes first.
   */
  readonly deadline?: number;
}

/**
 * Gathers {@link Evidence} for an event. Never rejects: failures become notes. `createEnricher`
 * of `ecs-slack/aws` makes one; the pipeline calls it once per alert it sends.
 */
export type Enricher = (event: EcsEvent, classification: Classification, options?: EnrichOptions) => Promise<Evidence>;

/** Longest log line shown, in characters as sent (a long line is cut with an ellipsis). */
