/**
 * Entry of the cold-start measurement: runs the consumer handler on the benchmark's STOPPED task
 * event (inlined by the bundler, as the Lambda runtime hands it over) with a Slack client that
 * writes the rendered payload to stdout instead of posting it. `coldFirstPayloadMs` is the time
 * from spawning `node` on this bundle to that line, minus the same for a bare `node` printing a
 * line. Evidence is off here: with it, the first alert waits for AWS (bench/enrich.ts times that).
 */
import event from '../../test/fixtures/events/task/task-stopped-essential-container-exited-fargate-sidecar.json' with {
  type: 'json',
};
import type { SlackChatClient } from 'ecs-slack';
import { createConsumer } from './consumer.js';

const client = {
  chat: {
    postMessage: async (message: object) => {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      return { ok: true, channel: 'C0OPSALERT', ts: '1.000001' };
    },
    update: async () => ({ ok: true }),
  },
} as SlackChatClient;
// The handler logs one JSON line per event with console.log: keep stdout for the payload alone.
console.log = () => undefined;
await createConsumer(client, false)(event);
