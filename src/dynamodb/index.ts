/**
 * `ecs-slack/dynamodb`: the DynamoDB state store, for stateful noise filters and deployment
 * threads shared by many concurrent Lambda invocations.
 *
 * Needs the optional peer dependency `@aws-sdk/client-dynamodb` (v3); the root `ecs-slack`
 * entry never imports it. The table definition, IAM permissions and costs are in
 * `docs/dynamodb.md`.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
 *
 * const store = new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: process.env.STATE_TABLE! });
 * ```
 *
 * @module ecs-slack/dynamodb
 */

export { DynamoDbStateStore, type DynamoDbStateStoreOptions } from './dynamodb-store.js';
