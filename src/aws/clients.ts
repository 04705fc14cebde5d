/**
 * The ECS and CloudWatch Logs clients enrichment uses: the caller's, or one per Region created
 * with the SDK's standard configuration.
 *
 * @internal
 * @module
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';

/** At most two attempts per call: enrichment has a budget, and the alert goes out anyway. */
export const MAX_ATTEMPTS = 2;

/**
 * Clients by Region.
 *
 * @internal
 */
export interface AwsClients {
  /** The ECS client for a Region. */
  ecs(region: string): ECSClient;
  /** The CloudWatch Logs client for a Region. */
  logs(region: string): CloudWatchLogsClient;
}

/**
 * The given clients (used for every Region), or clients created on first use, one per Region,
 * with `maxAttempts: 2` and everything else from the SDK's standard configuration: credentials,
 * and endpoints such as `AWS_ENDPOINT_URL_ECS` and `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`.
 *
 * @internal
 */
export function awsClients(given: { readonly ecs?: ECSClient; readonly logs?: CloudWatchLogsClient }): AwsClients {
  const ecs = new Map<string, ECSClient>();
  const logs = new Map<string, CloudWatchLogsClient>();
  return {
    ecs: (region) => given.ecs ?? cached(ecs, region, () => new ECSClient({ region, maxAttempts: MAX_ATTEMPTS })),
    logs: (region) =>
      given.logs ?? cached(logs, region, () => new CloudWatchLogsClient({ region, maxAttempts: MAX_ATTEMPTS })),
  };
}

function cached<T>(map: Map<string, T>, region: string, create: () => T): T {
  let client = map.get(region);
  if (client === undefined) {
    client = create();
    map.set(region, client);
  }
  return client;
}
