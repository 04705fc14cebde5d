/**
 * The consumer Lambda behind `bundleGzipBytes`: what a user deploys, the consumer of
 * `consumer.ts` posting with a small Web API client on `fetch` (a user's `WebClient` from
 * `@slack/web-api` would do too). `@aws-sdk/*` stays external, as the Lambda runtime provides it.
 */
import type { EcsSlackHandler } from 'ecs-slack/lambda';
import type { SlackChatClient } from 'ecs-slack';
import { createConsumer } from './consumer.js';

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
