/**
 * The README's quick start, kept as a type-checked program (test/docs/readme.test.ts checks that
 * the README shows exactly this code).
 */
import { createHandler } from 'ecs-slack/lambda';

// EventBridge (directly, or through SQS or SNS) → this Lambda → Slack.
// Reads SLACK_WEBHOOK_URL, filters the noise (preset "alerts": warnings, errors, deployments,
// recoveries; crash loops folded into digests) and hands failed SQS records back for a retry.
export const handler = createHandler();
