/**
 * EventBridge → Lambda → Slack incoming webhook, with the webhook URL kept in AWS Secrets
 * Manager. The infrastructure (rule, function, secret, permissions, dead-letter queue) is in
 * ./cdk and ./terraform; README.md says how to deploy and test it.
 *
 * Environment: SLACK_WEBHOOK_SECRET_ID, the secret's name or ARN. The secret holds the URL
 * itself, or JSON such as {"url": "https://hooks.slack.com/services/..."}.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createHandler, type SecretResolver } from 'ecs-slack/lambda';

// Created once per cold start, outside the handler, so warm invocations reuse its connections.
const secrets = new SecretsManagerClient({});

// ecs-slack imports no AWS SDK: this is how it reads the secret. The handler calls it once per
// cold start, on the first event, and keeps the URL; a failed read is retried on the next event.
const resolveSecret: SecretResolver = async (reference) => {
  if (reference.source !== 'secrets-manager') throw new Error(`unsupported secret source ${reference.source}`);
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: reference.secretId }));
  if (secret.SecretString === undefined) throw new Error('the secret has no string value');
  return secret.SecretString;
};

// Throws when a message could not be delivered, so Lambda retries the event (twice by default)
// and then hands it to the dead-letter queue: nothing is lost.
export const handler = createHandler({ resolveSecret });
