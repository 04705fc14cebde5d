/**
 * The handler's promise, checked over generated histories: nothing is lost and nothing is sent
 * twice. Records (crashes of a few tasks, the same event delivered again, the same task change
 * under another envelope id, bodies that are not JSON or hold no event) go through the SQS
 * handler in batches of any size, against a real HTTP server on loopback that fails requests in
 * any pattern (500s, reset connections). Whatever a batch reports in `batchItemFailures` goes back
 * on the queue, as SQS would do; everything else must have been delivered or deliberately
 * suppressed, or recorded on its incident (grouping, on by default: the services of one cluster
 * crashing alike form one incident, the first alert sent at once and the others named in the
 * grouped message, sent by the scheduled flush). Pacing is on too, on a simulated clock. Once with
 * the default memory store and once with the DynamoDB store on dynalite.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { createHandler } from '../../src/lambda/index.js';
import { createWebhookSender, type PipelineLogEntry, type StateStore } from '../../src/index.js';
import { startDynalite, type Dynalite } from '../helpers/dynalite.js';
import { loadFixture } from '../helpers/fixtures.js';
import { SCHEDULED_EVENT, sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type Reply } from '../helpers/slack-server.js';

interface Crash {
  readonly id: number;
  readonly task: number;
}
/** A message: one crash, several crashes in one body (an array), or a body the library cannot read. */
type Item =
  | { readonly type: 'crash'; readonly crashes: readonly Crash[] }
  | { readonly type: 'not-json' }
  | { readonly type: 'empty' };

const crashArb: fc.Arbitrary<Crash> = fc.record({
  id: fc.integer({ min: 0, max: 5 }),
  task: fc.integer({ min: 0, max: 3 }),
});
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 5, arbitrary: crashArb.map((one) => ({ type: 'crash' as const, crashes: [one] })) },
  {
    weight: 1,
    arbitrary: fc
      .array(crashArb, { minLength: 2, maxLength: 3 })
      .map((crashes) => ({ type: 'crash' as const, crashes })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'not-json' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'empty' as const }) },
);
const reply: fc.Arbitrary<Reply> = fc.constantFrom<Reply>(
  { status: 200, body: 'ok' },
  { status: 500, body: 'internal error' },
  'destroy',
);

/** The same crash for the same task, whatever envelope id it arrives under. */
function crash(id: number, task: number): unknown {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = `envelope-${task}-${id}`;
  event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(task).padStart(32, '0')}`;
  event.resources = [event.detail.taskArn];
  event.detail.group = `service:svc-${task}`;
  return event;
}

function body(entry: Item): string {
  if (entry.type === 'crash') {
    const events = entry.crashes.map((one) => crash(one.id, one.task));
    return JSON.stringify(events.length === 1 ? events[0] : events);
  }
  return entry.type === 'not-json' ? '{"truncated": ' : '[]';
}

const MAX_INVOCATIONS = 60;

let dynamo: Dynalite;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
});

const stores: ReadonlyArray<{
  readonly name: string;
  readonly runs: number;
  readonly store: () => Promise<StateStore | undefined>;
}> = [
  { name: 'the memory store', runs: 60, store: async () => undefined },
  // A fresh table per history; fewer runs, as each write is an HTTP round trip.
  {
    name: 'the DynamoDB store on dynalite',
    runs: 15,
    store: async () => new DynamoDbStateStore({ client: dynamo.client, tableName: await dynamo.createTable() }),
  },
];

describe.each(stores)(
  'the SQS handler loses nothing and sends nothing twice, with $name',
  ({ runs, store: newStore }) => {
    it('over generated batches, duplicates and failure patterns', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(item, { minLength: 1, maxLength: 10 }),
          fc.array(reply, { maxLength: 12 }),
          fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
          async (items, failures, batchSizes) => {
            // Request i gets failures[i]; after the pattern runs out Slack answers 200, so the
            // history ends.
            const server = await startScriptedServer(
              (_request, index) => failures[index] ?? { status: 200, body: 'ok' },
            );
            const store = await newStore();
            let paced = Date.parse('2026-11-20T09:00:00Z');
            let now = Date.parse('2026-11-20T09:00:00Z');
            try {
              const logs: PipelineLogEntry[] = [];
              const handler = createHandler({
                sender: createWebhookSender({ url: `${server.origin}/services/T0/B0/secret`, maxAttempts: 1 }),
                logger: (entry) => logs.push(entry),
                clock: () => now,
                flushIntervalSeconds: false,
                // Paced as by default, on a simulated clock: a wait for a token passes at once.
                pace: { now: () => paced, sleep: async (ms) => void (paced += ms) },
                ...(store === undefined ? {} : { store }),
              });
              const records: SQSRecord[] = sqsEvent(items.map(body)).Records.map((record, index) => ({
                ...record,
                messageId: `message-${index}`,
              }));
              const queue = [...records];
              const invalidReports = new Map<string, number>();
              let invocations = 0;
              while (queue.length > 0) {
                invocations++;
                expect(invocations, 'the queue drains').toBeLessThanOrEqual(MAX_INVOCATIONS);
                const batch = queue.splice(0, batchSizes[invocations % batchSizes.length]);
                const logStart = logs.length;
                const result = await handler({ Records: batch } satisfies SQSEvent);
                const failed = new Set(result?.batchItemFailures.map((failure) => failure.itemIdentifier));
                for (const record of batch) {
                  const entry = items[Number(record.messageId.slice('message-'.length))]!;
                  if (entry.type !== 'crash') {
                    // A record the library cannot read is always handed back (it ends in the DLQ).
                    expect(failed.has(record.messageId), `${entry.type} record reported`).toBe(true);
                    invalidReports.set(record.messageId, (invalidReports.get(record.messageId) ?? 0) + 1);
                    continue;
                  }
                  if (failed.has(record.messageId)) {
                    queue.push(record);
                    continue;
                  }
                  // Acknowledged: the log says each of its events was sent, suppressed as a duplicate,
                  // or recorded on its incident.
                  const said = logs.slice(logStart).filter((log) => log.id === record.messageId);
                  expect(said).toHaveLength(entry.crashes.length);
                  for (const log of said)
                    expect(
                      log.msg === 'sent' ||
                        (log.msg === 'suppressed' && (log.reason === 'duplicate' || log.reason === 'grouped')),
                    ).toBe(true);
                }
              }
              // The scheduled flush, once the incident's window has closed, sends its grouped
              // message; a failed flush throws and the next tick tries again.
              now += 31_000;
              let flushed = false;
              for (let tick = 0; tick < 20 && !flushed; tick++) {
                flushed = await handler(SCHEDULED_EVENT).then(
                  () => true,
                  () => false,
                );
              }
              expect(flushed, 'a flush succeeds').toBe(true);
              const delivered = server.requests
                .map((request, index) => ({ request, answer: failures[index] ?? { status: 200 } }))
                .filter(({ answer }) => typeof answer === 'object' && answer.status === 200)
                .map(({ request }) => request.body);
              const named = (text: string) => [...text.matchAll(/svc-(\d)/g)].map((match) => match[1]!);
              const grouped = (text: string) => /: \d+ more services? /.test(text);
              const crashed = new Set(
                items.flatMap((entry) => (entry.type === 'crash' ? entry.crashes.map((one) => String(one.task)) : [])),
              );
              // Every task that crashed reached Slack, whatever failed on the way: in an alert of
              // its own (never two) or named in its incident's grouped message.
              const alerts = delivered.filter((text) => !grouped(text)).map((text) => named(text)[0]);
              expect(new Set(alerts).size, 'no alert twice').toBe(alerts.length);
              expect([...new Set(delivered.flatMap(named))].sort()).toEqual([...crashed].sort());
              expect(invalidReports.size).toBe(items.filter((entry) => entry.type !== 'crash').length);
              expect(JSON.stringify(logs)).not.toContain('secret');
            } finally {
              await server.close();
            }
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? runs) },
      );
    });
  },
);
