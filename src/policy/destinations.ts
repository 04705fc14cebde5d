/**
 * Destinations: the named places a policy sends alerts to. A webhook's URL is a secret, so the
 * policy names where it is kept (an environment variable, a Secrets Manager secret, an SSM
 * parameter), never the URL itself.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import { noted, text } from './zod-helpers.js';

/** The webhook URL is in this environment variable. */
export interface EnvSecretSource {
  /** The variable's name, for example `OPS_WEBHOOK_URL`. */
  readonly env: string;
}

/** The webhook URL is in this Secrets Manager secret (plain, or JSON with `url`). */
export interface SecretsManagerSecretSource {
  /** The secret's id or ARN. */
  readonly secretsManager: string;
}

/** The webhook URL is in this SSM parameter (a SecureString). */
export interface SsmSecretSource {
  /** The parameter's name or ARN. */
  readonly ssm: string;
}

/**
 * Where a secret is kept: exactly one of `env`, `secretsManager` or `ssm`.
 */
export type SecretSource = EnvSecretSource | SecretsManagerSecretSource | SsmSecretSource;

/** An incoming webhook. */
export interface WebhookDestination {
  /** Discriminant. */
  readonly type: 'webhook';
  /** Where its URL is kept. */
  readonly url: SecretSource;
}

/** A channel, posted to with the Web API client given to the handler (threads, updates). */
export interface WebApiDestination {
  /** Discriminant. */
  readonly type: 'web-api';
  /** The channel id (`C0123ABCD`) or name. */
  readonly channel: string;
}

/** An Amazon Q Developer chat channel, through the SNS topic its configuration subscribes to. */
export interface AmazonQDestination {
  /** Discriminant. */
  readonly type: 'amazon-q';
  /** The SNS topic's ARN. */
  readonly topicArn: string;
}

/**
 * A named place alerts go to.
 *
 * @example
 * ```ts
 * const ops: PolicyDestination = { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } };
 * ```
 */
export type PolicyDestination = WebhookDestination | WebApiDestination | AmazonQDestination;

export { DESTINATION_NAME } from './vocabulary.js';

const WHERE = 'expected { "env": NAME }, { "secretsManager": ID } or { "ssm": NAME }';

const secretSourceSchema = (): z.ZodMiniType<SecretSource> =>
  noted(
    z.union(
      [
        z.strictObject({
          env: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,255}$/, 'expected an environment variable name')),
        }),
        z.strictObject({ secretsManager: text('a Secrets Manager secret id or ARN', 2048) }),
        z.strictObject({
          ssm: z.string().check(z.regex(/^[A-Za-z0-9_.\-/:]{1,2048}$/, 'expected an SSM parameter name or ARN')),
        }),
      ],
      {
        // A URL written in the file would be committed and reviewed with it: refused, said once.
        error: (issue) => (typeof issue.input === 'string' ? `${WHERE}, not the URL itself (it is a secret)` : WHERE),
      },
    ),
    { description: 'Where the webhook URL is kept; never the URL itself' },
  );

/**
 * Builds the schema of {@link PolicyDestination}.
 *
 * @internal
 */
export const policyDestinationSchema: () => z.ZodMiniType<PolicyDestination> = /* @__PURE__ */ once(() =>
  z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('webhook'), url: secretSourceSchema() }),
      z.strictObject({ type: z.literal('web-api'), channel: text('a channel id or name', 80) }),
      z.strictObject({
        type: z.literal('amazon-q'),
        topicArn: z
          .string()
          .check(z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/, 'expected an SNS topic ARN')),
      }),
    ],
    { error: 'expected "type": "webhook", "web-api" or "amazon-q"' },
  ),
);
