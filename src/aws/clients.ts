/**
 * The ECS and CloudWatch Logs clients enrichment uses: the caller's, or one per Region created
 * with the SDK's standard configuration. The SDK is loaded on the first enrichment, so this
 * entry loads (and renders) without its optional peers installed.
 *
 * @internal
 * @module
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsClientLike } from '../internal/aws-client.js';

/** At most two attempts per call: enrichment has a budget, and the alert goes out anyway. */
export const MAX_ATTEMPTS = 2;

type EcsSdk = typeof import('@aws-sdk/client-ecs');
type LogsSdk = typeof import('@aws-sdk/client-cloudwatch-logs');

/**
 * Clients by Region, and the SDK commands enrichment sends.
 *
 * @internal
 */
export interface AwsClients {
  /** The ECS client for a Region. */
  ecs(region: string): ECSClient;
  /** The CloudWatch Logs client for a Region. */
  logs(region: string): CloudWatchLogsClient;
  /** The ECS commands. */
  readonly ecsCommands: Pick<EcsSdk, 'DescribeTaskDefinitionCommand' | 'ListTasksCommand' | 'DescribeTasksCommand'>;
  /** The CloudWatch Logs commands. */
  readonly logsCommands: Pick<LogsSdk, 'GetLogEventsCommand'>;
}

/**
 * The SDK could not be loaded: an optional peer is not installed.
 *
 * @internal
 */
export class SdkUnavailable extends Error {
  override name: string = 'SdkUnavailable';
  constructor(
    /** `@aws-sdk/client-ecs` or `@aws-sdk/client-cloudwatch-logs`. */
    readonly packageName: string,
    /** Whether the package is missing (rather than failing to load). */
    readonly missing: boolean,
  ) {
    super(`${packageName} ${missing ? 'is not installed' : 'could not be loaded'}`);
  }
}

const unavailable =
  (packageName: string) =>
  (error: unknown): never => {
    const code = (error as { code?: unknown } | null)?.code;
    throw new SdkUnavailable(packageName, code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND');
  };

/**
 * Loads the SDK once (again after a failure) and gives the clients: the given ones (used for
 * every Region), or clients created on first use, one per Region, with `maxAttempts: 2` and
 * everything else from the SDK's standard configuration: credentials, and endpoints such as
 * `AWS_ENDPOINT_URL_ECS` and `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`.
 *
 * @returns A function resolving to the clients; it rejects with {@link SdkUnavailable}.
 * @internal
 */
export function awsClients(options: {
  readonly ecs?: AwsClientLike;
  readonly logs?: AwsClientLike;
}): () => Promise<AwsClients> {
  // Typed structurally in the options (no SDK in the declarations); only `send` is called.
  const given = options as { readonly ecs?: ECSClient; readonly logs?: CloudWatchLogsClient };
  let loaded: Promise<AwsClients> | undefined;
  const load = async (): Promise<AwsClients> => {
    const [ecsSdk, logsSdk] = await Promise.all([
      import('@aws-sdk/client-ecs').catch(unavailable('@aws-sdk/client-ecs')),
      import('@aws-sdk/client-cloudwatch-logs').catch(unavailable('@aws-sdk/client-cloudwatch-logs')),
    ]);
    const ecs = new Map<string, ECSClient>();
    const logs = new Map<string, CloudWatchLogsClient>();
    return {
      ecs: (region) =>
        given.ecs ?? cached(ecs, region, () => new ecsSdk.ECSClient({ region, maxAttempts: MAX_ATTEMPTS })),
      logs: (region) =>
        given.logs ??
        cached(logs, region, () => new logsSdk.CloudWatchLogsClient({ region, maxAttempts: MAX_ATTEMPTS })),
      ecsCommands: ecsSdk,
      logsCommands: logsSdk,
    };
  };
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
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
