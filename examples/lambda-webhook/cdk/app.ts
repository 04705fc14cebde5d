/**
 * The CDK app: `npx cdk deploy --app 'npx tsx cdk/app.ts'` from examples/lambda-webhook (or
 * put the stack into your own CDK app). Needs aws-cdk-lib 2, constructs 10 and esbuild. Add
 * `-c enrich=true` for root-cause evidence in the alerts (log lines and links; docs/evidence.md).
 */
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { LambdaWebhookStack } from './stack.js';

const app = new App();
new LambdaWebhookStack(app, 'EcsSlackWebhook', {
  entry: fileURLToPath(new URL('../handler.ts', import.meta.url)),
  enrich: app.node.tryGetContext('enrich') === 'true',
});
