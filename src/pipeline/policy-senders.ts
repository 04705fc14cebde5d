/**
 * The senders of a policy's destinations: a webhook whose URL is fetched from the environment,
 * Secrets Manager or SSM on its first post (through the caller's resolver), a Web API channel
 * through the caller's client, an Amazon Q Developer SNS topic.
 *
 * @internal
 * @module
 */
import { createAmazonQSender, type AmazonQSenderOptions } from '../deliver/amazon-q/sns-sender.js';
import { createWebApiSender, type SlackChatClient } from '../deliver/web-api.js';
import { createWebhookSender } from '../deliver/webhook.js';
import { webhookUrlFromSecret } from '../deliver/webhook-url.js';
import { ConfigError, isConfigError } from '../errors.js';
import type { Policy } from '../policy/schema.js';
import { resolveDestinationSecret, type SecretOptions } from '../policy/secrets.js';
import type { AlertSender } from './destination.js';

/**
 * What the senders of a policy need beyond the policy.
 *
 * @internal
 */
export interface PolicySenderOptions extends SecretOptions {
  /** The Web API client of `web-api` destinations. */
  readonly webClient?: SlackChatClient | undefined;
  /** Options of the Amazon Q senders (a client, retry settings), except the topic. */
  readonly amazonQ?: Omit<AmazonQSenderOptions, 'topicArn'> | undefined;
  /** Who asks, for messages: `createHandler`. */
  readonly caller: string;
}

/**
 * One sender per destination of the policy. Nothing is fetched yet: a webhook's secret is read
 * on its first post, and kept.
 *
 * @throws `ConfigError` naming the destination: a `web-api` destination without a client, or a
 *   topic ARN the Amazon Q sender refuses.
 * @internal
 */
export function policySenders(policy: Policy, options: PolicySenderOptions): Record<string, AlertSender> {
  const senders: Record<string, AlertSender> = {};
  for (const [name, destination] of Object.entries(policy.destinations)) {
    switch (destination.type) {
      case 'webhook': {
        const url = async (): Promise<string> => {
          const secret = await resolveDestinationSecret(policy, name, options);
          try {
            return webhookUrlFromSecret(secret);
          } catch (error) {
            const line = isConfigError(error) ? error.message : 'not a webhook URL';
            throw new ConfigError(`destinations.${name}.url: ${line}`);
          }
        };
        senders[name] = createWebhookSender({ url });
        break;
      }
      case 'web-api':
        if (options.webClient === undefined)
          throw new ConfigError(
            `${options.caller}: destinations.${name} is a web-api destination: give webApi.client, your WebClient`,
          );
        senders[name] = createWebApiSender({ client: options.webClient, channel: destination.channel });
        break;
      case 'amazon-q':
        senders[name] = createAmazonQSender({ ...options.amazonQ, topicArn: destination.topicArn });
        break;
    }
  }
  return senders;
}
