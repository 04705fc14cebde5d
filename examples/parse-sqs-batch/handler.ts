/**
 * A Lambda function behind an SQS queue that receives ECS events from EventBridge: parse every
 * record, report the ones that could not be read in `batchItemFailures` so SQS retries only those.
 *
 * Enable `ReportBatchItemFailures` on the event source mapping for the partial response to count.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseEcsEvents } from 'ecs-slack';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    if (!record.success) {
      console.error(JSON.stringify({ level: 'error', record: record.id, error: record.error.message }));
      batchItemFailures.push({ itemIdentifier: record.id });
      continue;
    }
    const ecs = record.data;
    switch (ecs.kind) {
      case 'task':
        console.log(`task ${ecs.detail.taskArn} is ${ecs.detail.lastStatus}`, ecs.detail.stoppedReason ?? '');
        break;
      case 'service':
      case 'deployment':
        console.log(`${ecs.resources[0]}: ${ecs.detail.eventName}`);
        break;
      default:
        console.log(`${ecs['detail-type']} ignored`);
    }
  }
  return { batchItemFailures };
}
