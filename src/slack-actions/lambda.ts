/**
 * The alert buttons as a Lambda function behind a function URL: a Bolt app on its
 * `AwsLambdaReceiver` (which checks Slack's signature and timestamp), with
 * {@link registerEcsSlackActions}. Bolt is loaded on the first request, so this entry loads without it.
 *
 * @module
 */
import type { AwsLambdaReceiver } from '@slack/bolt';
import { ConfigError } from '../errors.js';
import { fromSecret, readSecret, tableStore } from '../function/aws.js';
import { tableFromEnvironment } from '../lambda/environment.js';
import type { StateStore } from '../state/store.js';
import { registerEcsSlackActions } from './register.js';

/**
 * Options of {@link createSlackActionsHandler}.
 */
export interface SlackActionsHandlerOptions {
  /** The bot token (`xoxb-…`): `chat:write`, and `usergroups:read` when `allow` names a user group. */
  readonly token: string;
  /** The Slack app's signing secret: Bolt checks requests with it, and the button values. */
  readonly signingSecret: string;
  /** The alert pipeline's store, where the silences go. */
  readonly store: StateStore;
  /** Who may act: Slack user ids and user group ids. */
  readonly allow: readonly string[];
  /** Options of Bolt's `WebClient`. */
  readonly clientOptions?: {
    /** Another base URL of Slack's Web API (a proxy, a test server); default Slack's own. */
    readonly slackApiUrl?: string;
  };
  /** The clock, epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** A Lambda handler of function URL (or API Gateway) requests: Bolt's `AwsHandler`. */
export type SlackActionsHandler = ReturnType<AwsLambdaReceiver['toHandler']>;

/**
 * Creates the Lambda handler of the alert buttons: a Bolt app on `AwsLambdaReceiver`, built on
 * the first request (Bolt loaded then) and reused after.
 *
 * @param options - Token, signing secret, store and who may act; or a function returning them
 *   (awaited once, on the first request: read your secrets there).
 * @returns The handler, for a function URL or API Gateway.
 * @example
 * ```ts
 * export const handler = createSlackActionsHandler(async () => ({
 *   token: process.env.SLACK_BOT_TOKEN!,
 *   signingSecret: process.env.SLACK_SIGNING_SECRET!,
 *   store,
 *   allow: ['S0123ABCD'],
 * }));
 * ```
 */
export function createSlackActionsHandler(
  options: SlackActionsHandlerOptions | (() => Promise<SlackActionsHandlerOptions>),
): SlackActionsHandler {
  let ready: Promise<SlackActionsHandler> | undefined;
  const build = async (): Promise<SlackActionsHandler> => {
    const given = typeof options === 'function' ? await options() : options;
    const { App, AwsLambdaReceiver } = await import('@slack/bolt');
    const receiver = new AwsLambdaReceiver({ signingSecret: given.signingSecret });
    const app = new App({
      token: given.token,
      receiver,
      // No auth.test call on a cold start; the token is checked by Slack on the first call.
      tokenVerificationEnabled: false,
      ...(given.clientOptions === undefined ? {} : { clientOptions: { ...given.clientOptions } }),
    });
    registerEcsSlackActions(app, {
      store: given.store,
      allow: given.allow,
      signingSecret: given.signingSecret,
      ...(given.now === undefined ? {} : { now: given.now }),
    });
    return receiver.toHandler();
  };
  return async (event, context) => {
    ready ??= build().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready)(event, context);
  };
}

/** The variables {@link handler} reads. */
export const SLACK_ACTIONS_ENVIRONMENT: {
  /** A Secrets Manager secret holding the bot token (plain, or JSON with `token`). */
  readonly botTokenSecretId: 'SLACK_BOT_TOKEN_SECRET_ID';
  /** A Secrets Manager secret holding the signing secret (plain, or JSON with `signingSecret`). */
  readonly signingSecretId: 'SLACK_SIGNING_SECRET_ID';
  /** Who may act: user ids and user group ids, separated by commas. */
  readonly allow: 'ECS_SLACK_ALLOW';
  /** The DynamoDB state table of the alerts function. */
  readonly table: 'ECS_SLACK_TABLE';
} = {
  botTokenSecretId: 'SLACK_BOT_TOKEN_SECRET_ID',
  signingSecretId: 'SLACK_SIGNING_SECRET_ID',
  allow: 'ECS_SLACK_ALLOW',
  table: 'ECS_SLACK_TABLE',
};

/** The handler's options from an environment, its secrets read from Secrets Manager. */
async function optionsFromEnvironment(env: Readonly<Record<string, string | undefined>>) {
  const v = SLACK_ACTIONS_ENVIRONMENT;
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (value === undefined || value === '') throw new ConfigError(`${name} is not set`);
    return value;
  };
  const table = tableFromEnvironment(env);
  if (table === undefined) throw new ConfigError(`${v.table} is not set: the silences must go to the alerts' table`);
  const [tokenValue, signingValue, store] = await Promise.all([
    readSecret({ source: 'secrets-manager', secretId: need(v.botTokenSecretId) }),
    readSecret({ source: 'secrets-manager', secretId: need(v.signingSecretId) }),
    tableStore(table),
  ]);
  return {
    token: fromSecret(tokenValue, 'token', (t) => t.startsWith('xox'), {
      variable: v.botTokenSecretId,
      holds: 'a bot token (xox…)',
    }),
    signingSecret: fromSecret(signingValue, 'signingSecret', (s) => s.length >= 8, {
      variable: v.signingSecretId,
      holds: 'a signing secret',
    }),
    store,
    allow: need(v.allow)
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  };
}

/**
 * The Lambda handler the `EcsSlackAlerts` construct deploys with `interactive`, configured by
 * {@link SLACK_ACTIONS_ENVIRONMENT}; `@slack/bolt` bundled with it.
 */
export const handler: SlackActionsHandler = /* @__PURE__ */ createSlackActionsHandler(() =>
  optionsFromEnvironment(process.env),
);
