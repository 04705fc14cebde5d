/**
 * What {@link EcsSlackAlerts} takes, and the checks it makes before creating anything.
 *
 * @module
 */
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigError } from '../errors.js';
import type { FilterPreset } from '../filter/filter-options.js';
import { parsePolicy } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';

/** Posting with a bot token through Slack's Web API (deployment threads, in-place updates). */
export interface EcsSlackWebApiProps {
  /** A secret holding the bot token (`xoxb-…`, or JSON with `token`); the app needs `chat:write`. */
  readonly tokenSecret: ISecret;
  /** The channel id (`C0123ABCD`); the app must be a member. */
  readonly channel: string;
}

/** Acknowledge and Mute buttons on the alerts, and the function that handles them (docs/interactivity.md). */
export interface EcsSlackInteractiveProps {
  /** A secret holding the Slack app's signing secret (plain, or JSON with `signingSecret`). */
  readonly signingSecret: ISecret;
  /** Who may acknowledge and mute: Slack user ids (`U0123ABCD`) and user group ids (`S0123ABCD`). */
  readonly allow: readonly string[];
}

/** What root-cause evidence may read (see docs/evidence.md). */
export interface EcsSlackEnrichProps {
  /** The log groups of your containers, `*` globs allowed; default `/ecs/*`. */
  readonly logGroups?: readonly string[];
}

/**
 * Options of {@link EcsSlackAlerts}. Give one Slack destination: `webhookSecret` or `webApi`.
 */
export interface EcsSlackAlertsProps {
  /** A Secrets Manager secret holding the incoming webhook URL (plain, or JSON with `url`). */
  readonly webhookSecret?: ISecret;
  /** Instead of a webhook: a bot token and a channel. The project must have `@slack/web-api` installed. */
  readonly webApi?: EcsSlackWebApiProps;
  /** Only these clusters (names, `*` globs); default every cluster of the account and Region. */
  readonly clusters?: readonly string[];
  /** Only these services (names, `*` globs); default every service. */
  readonly services?: readonly string[];
  /** The noise filter's preset, and what the EventBridge rule selects: `alerts` (default), `verbose` or `none`. */
  readonly preset?: FilterPreset;
  /**
   * An alert policy (docs/policy.md), checked here and passed as `ECS_SLACK_POLICY`. Its routes
   * see only what the rule selects: pick the `preset` that selects all they notify.
   */
  readonly policy?: Policy;
  /** Root-cause evidence in the alerts: `true`, or which log groups it may read. Default off. */
  readonly enrich?: boolean | EcsSlackEnrichProps;
  /**
   * Acknowledge and Mute buttons on the alerts (with `webApi`), and a second function behind a
   * function URL (`ecs-slack/slack-actions`, `@slack/bolt` bundled) that handles them. Default off.
   */
  readonly interactive?: EcsSlackInteractiveProps;
}

/** Lambda keeps at most 4 KB of environment variables in all. */
const MAX_POLICY_JSON = 3000;

/**
 * Checks the props, and returns the policy as the JSON the function reads.
 *
 * @throws `ConfigError` naming the prop: no destination or two, a blank channel, a policy that
 *   does not validate or is too large for the environment.
 * @internal
 */
export function checkAlertsProps(props: EcsSlackAlertsProps): { readonly policyJson?: string } {
  const given = (['webhookSecret', 'webApi'] as const).filter((key) => props[key] !== undefined);
  if (given.length !== 1)
    throw new ConfigError(
      given.length === 0
        ? 'EcsSlackAlerts: give webhookSecret (a secret holding the webhook URL) or webApi'
        : 'EcsSlackAlerts: give webhookSecret or webApi, not both',
    );
  if (props.webApi !== undefined && !/^[CGD][A-Z0-9]{2,}$/.test(props.webApi.channel))
    throw new ConfigError('EcsSlackAlerts: webApi.channel must be a channel id (C0123ABCD), not a name');
  if (props.interactive !== undefined) {
    if (props.webApi === undefined)
      throw new ConfigError('EcsSlackAlerts: interactive needs webApi: a webhook cannot edit the alert it posted');
    if (props.interactive.allow.length === 0 || props.interactive.allow.some((id) => !/^[UWS][A-Z0-9]{2,}$/.test(id)))
      throw new ConfigError(
        'EcsSlackAlerts: interactive.allow: expected Slack user ids (U0123ABCD) and user group ids (S0123ABCD)',
      );
  }
  if (props.policy === undefined) return {};
  let policyJson: string;
  try {
    policyJson = JSON.stringify(parsePolicy(props.policy));
  } catch (error) {
    throw new ConfigError(`EcsSlackAlerts: policy: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const [name, destination] of Object.entries(props.policy.destinations)) {
    if (destination.type === 'webhook' && 'ssm' in destination.url)
      throw new ConfigError(
        `EcsSlackAlerts: policy: destinations.${name}.url: the function reads Secrets Manager secrets, not SSM parameters`,
      );
  }
  if (policyJson.length > MAX_POLICY_JSON)
    throw new ConfigError(
      `EcsSlackAlerts: policy is ${policyJson.length} characters of JSON, more than the ${MAX_POLICY_JSON} the function's environment can hold`,
    );
  return { policyJson };
}
