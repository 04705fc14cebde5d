/**
 * The consumer Lambda behind `bundleGzipBytes` and `coldFirstPayloadMs`: what a user deploys,
 * `createHandler` from the built package with the `alerts` preset, an alert policy routing to
 * one Slack channel, and root-cause evidence (`enrich`) wired. `@aws-sdk/*` stays external, as
 * the Lambda runtime provides it.
 *
 * The channel is posted to with a small Web API client on `fetch` (a user's `WebClient` from
 * `@slack/web-api` would do too); the cold-start runner gives its own client that prints.
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

/** `chat.*` over `fetch` with the bot token from `SLACK_BOT_TOKEN`. */
function call(method: string) {
  return async (message: object) => {
    const response = await fetch(`https://slack.com/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${process.env.SLACK_BOT_TOKEN ?? ''}`,
      },
      body: JSON.stringify(message),
    });
    return (await response.json()) as { ok: boolean; ts?: string; channel?: string; error?: string };
  };
}

/** The Lambda entry point. */
export const handler: EcsSlackHandler = createConsumer({
  chat: { postMessage: call('chat.postMessage'), update: call('chat.update') },
} as SlackChatClient);
