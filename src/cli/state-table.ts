/**
 * The CLI's DynamoDB state store: the table named by `--table`, with the AWS SDK's standard
 * configuration (region, credentials, `AWS_ENDPOINT_URL_DYNAMODB`). The SDK is an optional peer,
 * loaded on the first store call, so every other command works without it.
 *
 * @internal
 * @module
 */
import type { StateStore } from '../state/store.js';
import { UsageError } from './args.js';

/** Loads the SDK and builds the store; a missing SDK is one line saying what to install. */
async function load(tableName: string): Promise<StateStore> {
  let sdk: typeof import('@aws-sdk/client-dynamodb');
  try {
    sdk = await import('@aws-sdk/client-dynamodb');
  } catch {
    throw new UsageError(
      'the DynamoDB table needs @aws-sdk/client-dynamodb and @aws-sdk/util-dynamodb: npm install them',
    );
  }
  const { DynamoDbStateStore } = await import('../dynamodb/dynamodb-store.js');
  return new DynamoDbStateStore({ client: new sdk.DynamoDBClient({}), tableName });
}

/**
 * A {@link StateStore} over the DynamoDB table `tableName`, created on its first call.
 *
 * @internal
 */
export function tableStore(tableName: string): StateStore {
  let store: Promise<StateStore> | undefined;
  const ready = (): Promise<StateStore> => (store ??= load(tableName));
  return {
    get: async (key, now) => (await ready()).get(key, now),
    put: async (key, value, options) => (await ready()).put(key, value, options),
    putIfHigher: async (key, order, write) => (await ready()).putIfHigher(key, order, write),
    update: async (key, change, options) => (await ready()).update(key, change, options),
    take: async (key, now, expectedVersion) => (await ready()).take(key, now, expectedVersion),
    list: async (scope, now) => (await ready()).list(scope, now),
  };
}
