/**
 * Entry of the cold-start measurement: runs the consumer handler on the benchmark's STOPPED task
 * event (inlined by the bundler, as the Lambda runtime hands it over) with a sender that writes
 * the rendered payload to stdout instead of posting it. `coldFirstPayloadMs` is the time from
 * spawning `node` on this bundle to that line, minus the same for a bare `node` printing a line.
 */
import event from '../../test/fixtures/events/task/task-stopped-essential-container-exited-fargate-sidecar.json' with {
  type: 'json',
};
import { createHandler } from './handler.js';

const handler = createHandler({
  post: async (message) => {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    return {};
  },
});
const { batchItemFailures } = await handler(event);
if (batchItemFailures.length > 0) process.exitCode = 1;
