/**
 * The `StateStore` on its own, below the noise filter (which does this and more for you: see
 * examples/lambda-sqs-threads). A Lambda that drops duplicate and out-of-order ECS task events
 * with a state store shared by every concurrent invocation: the DynamoDB store when `STATE_TABLE`
 * is set, the in-memory store (one warm instance only) otherwise.
 *
 * The table definition and the IAM permissions are in docs/dynamodb.md.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { MemoryStateStore } from 'ecs-slack/state';
import { isStateStoreError, parseEcsEvents, type StateStore } from 'ecs-slack';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';

/** Created once per Lambda instance, outside the handler, so warm invocations reuse them. */
const table = process.env['STATE_TABLE'];
const store: StateStore =
  table === undefined
    ? new MemoryStateStore()
    : new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: table });

/** Keep what a task has seen for a day: ECS does not send events for a task after that. */
const ONE_DAY = 86_400;

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    if (!record.success) {
      batchItemFailures.push({ itemIdentifier: record.id });
      continue;
    }
    const ecs = record.data;
    if (ecs.kind !== 'task' || ecs.detail.version === undefined) continue;
    try {
      // One conditional write: `stored` the first time a version is seen, `equal` for a
      // duplicate delivery, `lower` for an event that arrived after a newer one.
      const seen = await store.putIfHigher({ scope: 'task', id: ecs.detail.taskArn }, ecs.detail.version, {
        now: Date.now(),
        ttlSeconds: ONE_DAY,
      });
      if (seen !== 'stored') continue;
      console.log(`task ${ecs.detail.taskArn} is ${ecs.detail.lastStatus}`);
    } catch (error) {
      // Throttling or an outage: let SQS redeliver this record later, nothing is lost.
      if (!isStateStoreError(error)) throw error;
      console.error(
        JSON.stringify({ level: 'error', record: record.id, error: error.message, retryable: error.retryable }),
      );
      batchItemFailures.push({ itemIdentifier: record.id });
    }
  }
  return { batchItemFailures };
}
