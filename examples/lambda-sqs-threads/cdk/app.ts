/**
 * The CDK app: `npx cdk deploy --app 'npx tsx cdk/app.ts' -c channel=C0123456789` from
 * examples/lambda-sqs-threads (or put the stack into your own CDK app). Needs aws-cdk-lib 2,
 * constructs 10 and esbuild. Add `-c enrich=true` for root-cause evidence in the alerts (log
 * lines and links; docs/evidence.md).
 */
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { LambdaSqsThreadsStack } from './stack.js';

const app = new App();
const channel: unknown = app.node.tryGetContext('channel');
if (typeof channel !== 'string' || !/^[CG][A-Z0-9]+$/.test(channel)) {
  throw new Error('give the Slack channel ID: -c channel=C0123456789');
}
new LambdaSqsThreadsStack(app, 'EcsSlackThreads', {
  entry: fileURLToPath(new URL('../handler.ts', import.meta.url)),
  channel,
  enrich: app.node.tryGetContext('enrich') === 'true',
});
