/**
 * The consumer Lambda of the benchmark: `createHandler` from the built package with the `alerts`
 * preset, an alert policy routing to one Slack channel, and root-cause evidence (`enrich`).
 * `handler.ts` deploys it; the cold-start runner (`first-payload.ts`) runs it with a client that
 * prints.
 */
import { type EcsSlackHandler, createHandler } from 'ecs-slack/lambda';
import type { Policy } from 'ecs-slack/policy';
import type { SlackChatClient } from 'ecs-slack';

/** The alert policy: production errors page the on-call group, everything else goes to #ops quietly. */
export const POLICY: Policy = {
  destinations: { ops: { type: 'web-api', channel: 'C0OPSALERT' } },
  routes: [
    {
      name: 'prod-errors',
      match: { cluster: 'prod-*', severity: 'error' },
      to: 'ops',
      mentions: { error: [{ userGroup: 'S0ONCALL1' }] },
    },
  ],
  default: { to: 'ops' },
};

/**
 * The handler: `alerts` preset, {@link POLICY}, evidence on unless `enrich` says otherwise.
 *
 * @param client - Posts the messages.
 * @param enrich - Root-cause evidence (default on).
 */
export function createConsumer(client: SlackChatClient, enrich = true): EcsSlackHandler {
  return createHandler({ filter: { preset: 'alerts' }, policy: POLICY, webApi: { client }, enrich });
}
