/**
 * Baseline: Powertools for AWS Lambda's parser on the same event, the way its middleware runs
 * it: `parse(event, EventBridgeEnvelope, schema)` with a zod schema of the task detail written
 * as its users write them (classic `zod`, `z.object`).
 *
 * @see https://docs.powertools.aws.dev/lambda/typescript/latest/features/parser/
 */
import { parse } from '@aws-lambda-powertools/parser';
import { EventBridgeEnvelope } from '@aws-lambda-powertools/parser/envelopes/eventbridge';
import { z } from 'zod';

/** The ECS task detail as a Powertools user would model it. */
const TaskDetail = z.object({
  clusterArn: z.string(),
  taskArn: z.string(),
  taskDefinitionArn: z.string(),
  lastStatus: z.string(),
  desiredStatus: z.string(),
  group: z.string().optional(),
  launchType: z.string().optional(),
  capacityProviderName: z.string().optional(),
  startedBy: z.string().optional(),
  startedAt: z.string().optional(),
  stoppedAt: z.string().optional(),
  stopCode: z.string().optional(),
  stoppedReason: z.string().optional(),
  version: z.number().optional(),
  containers: z.array(
    z.object({
      name: z.string(),
      lastStatus: z.string(),
      image: z.string().optional(),
      exitCode: z.number().optional(),
      reason: z.string().optional(),
    }),
  ),
});

/** `JSON.parse` of the text, then Powertools' EventBridge envelope and the detail schema. */
export function powertoolsParse(body: string): z.infer<typeof TaskDetail> {
  return parse(JSON.parse(body), EventBridgeEnvelope, TaskDetail);
}
