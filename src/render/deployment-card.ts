/**
 * The deployment progress card that deployment threads post and then edit in place.
 *
 * @module
 */
import type { ConsoleLinks } from '../classify/links.js';
import { type DeploymentState, outcomeRecord, outcomesWhere, type Severity } from '../classify/outcomes.js';
import { dateValue, VIEW_IN_CONSOLE } from './draft-parts.js';
import { assemble } from './layout.js';
import { code, text, type Mrkdwn } from './mrkdwn.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

export type { DeploymentState } from '../classify/outcomes.js';

/**
 * What a deployment card shows.
 */
export interface DeploymentProgress {
  /** `ecs-svc/...`. */
  readonly deploymentId: string;
  /** Service name. */
  readonly service?: string;
  /** Cluster name. */
  readonly cluster?: string;
  /** Where the deployment stands. */
  readonly state: DeploymentState;
  /** Tasks of this deployment that reached RUNNING so far. */
  readonly tasksStarted: number;
  /** Tasks of this deployment that failed so far. */
  readonly tasksFailed: number;
  /** When the deployment started (ISO-8601). */
  readonly startedAt?: string;
  /** When the card was last updated from an event (ISO-8601). */
  readonly updatedAt?: string;
  /** The latest reason (deployment reason or the last task failure). */
  readonly reason?: string;
  /** Console links (service, deployments, events). */
  readonly links?: ConsoleLinks;
  /**
   * Revision of the card, increased on every update: block ids include it, since Slack wants
   * new block ids on `chat.update`.
   */
  readonly revision?: number;
}

/** The card's words for each state: a title label and the verb of its summary. */
const STATES: Readonly<Record<DeploymentState, { readonly label: string; readonly verb: string }>> = {
  'in-progress': { label: 'deployment in progress', verb: 'is in progress' },
  'rolling-back': { label: 'deployment rolling back', verb: 'is rolling back' },
  completed: { label: 'deployment completed', verb: 'has completed' },
  failed: { label: 'deployment failed', verb: 'has failed' },
};

/** A state's severity: that of the outcome that sets it. */
function severityOf(state: DeploymentState): Severity {
  const [outcome] = outcomesWhere((record) => record.deploymentState === state);
  return outcome === undefined ? 'info' : outcomeRecord(outcome).severity;
}

/**
 * Renders a deployment progress card: service, deployment id, state, tasks started and failed so
 * far, and links to the deployment.
 *
 * @param progress - The deployment's state.
 * @param options - The same options as `renderMessage` (`title`, `fields` and `logLink`
 *   are ignored: they need an event).
 * @returns A Slack message, to post and later update in place.
 * @example
 * ```ts
 * const card = renderDeploymentCard({ deploymentId: 'ecs-svc/1', service: 'web', state: 'in-progress', tasksStarted: 2, tasksFailed: 0 });
 * ```
 */
export function renderDeploymentCard(progress: DeploymentProgress, options: RenderOptions = {}): SlackMessage {
  const state = STATES[progress.state];
  const service = progress.service;
  const counts = `${progress.tasksStarted} started, ${progress.tasksFailed} failed`;
  const field = (label: string, value: Mrkdwn | undefined) => ({ label, value });
  const links = progress.links ?? {};
  const deployment =
    service === undefined ? `Deployment ${progress.deploymentId}` : `Deployment ${progress.deploymentId} of ${service}`;
  return assemble(
    {
      // Without a service name the title says what it is rather than a placeholder word.
      title: service === undefined ? `D${state.label.slice(1)}` : `${service}: ${state.label}`,
      summary: `${deployment} ${state.verb}: ${counts}`,
      severity: severityOf(progress.state),
      fields: [
        field('Cluster', progress.cluster === undefined ? undefined : code(progress.cluster)),
        field('Service', service === undefined ? undefined : code(service)),
        field('Deployment', code(progress.deploymentId)),
        field('State', text(progress.state)),
        field('Tasks started', text(String(progress.tasksStarted))),
        field('Tasks failed', text(String(progress.tasksFailed))),
        field('Started', dateValue(progress.startedAt)),
        field('Updated', dateValue(progress.updatedAt)),
      ],
      ...(progress.reason === undefined ? {} : { reason: progress.reason, reasonLabel: 'Latest' }),
      links: [
        { label: VIEW_IN_CONSOLE, url: links.serviceDeployments, primary: true },
        { label: 'Service events', url: links.serviceEvents },
      ],
      context: [],
      blockIdPrefix: `deploy-${progress.revision ?? 0}`,
    },
    { ...options, mentions: undefined },
  );
}
