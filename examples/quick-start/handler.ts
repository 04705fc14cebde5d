/**
 * The README's quick start, kept as a type-checked program (test/docs/readme.test.ts checks that
 * the README shows exactly this code).
 */
import { classify, createWebhookSender, parseEcsEvents, renderMessage } from 'ecs-slack';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

const slack = createWebhookSender({ url: process.env.SLACK_WEBHOOK_URL! });

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    try {
      if (!record.success) throw record.error; // names the field: "detail.lastStatus: expected string, received number"
      const c = classify(record.data); // "api ran out of memory (exit 137) and was stopped (task 1f2e3d4c of web)"
      if (c.severity === 'error' || c.severity === 'warning') await slack.post(renderMessage(record.data, c));
    } catch (error) {
      console.error(String(error));
      batchItemFailures.push({ itemIdentifier: record.id }); // SQS retries just this record
    }
  }
  return { batchItemFailures };
}
