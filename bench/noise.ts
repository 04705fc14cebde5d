import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { classify, createNoiseFilter, parseEcsEvent } from 'ecs-slack';
import type { StateStore } from 'ecs-slack/state';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
import { crashLoop } from '../test/helpers/crash-loop.js';
import { startDynaliteTable } from '../test/helpers/dynalite.js';

/**
 * Slack messages the `alerts` preset sends for the crash-loop scenario: 500 task failures of one
 * service in 10 minutes, 50 duplicate deliveries, routine deployment stops and a stale RUNNING,
 * plus the scheduled flush afterwards.
 *
 * @param store - The state store (default: the filter's memory store).
 */
export async function crashLoopMessages(
  store?: StateStore,
): Promise<{ messages: number; texts: string[]; digestCount: number; events: number }> {
  const filter = createNoiseFilter({ preset: 'alerts', ...(store === undefined ? {} : { store }) });
  const texts: string[] = [];
  let digestCount = 0;
  let last = 0;
  const deliveries = crashLoop();
  for (const { event, now } of deliveries) {
    const parsed = parseEcsEvent(event);
    const decision = await filter.decide(parsed, classify(parsed), now);
    last = now;
    if (decision.action === 'notify') texts.push(decision.classification.summary);
    if (decision.action === 'digest') digestCount += decision.digest.count;
    if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
  }
  for (const digest of await filter.flush(last + 3_600_000)) {
    texts.push(`digest: ${digest.digest.count} more`);
    digestCount += digest.digest.count;
  }
  return { messages: texts.length, texts, digestCount, events: deliveries.length };
}

/**
 * DynamoDB requests per event of the crash-loop scenario through the `alerts` preset on the
 * DynamoDB store (dynalite on 127.0.0.1), the flush included: every HTTP request the SDK client
 * sends is counted by a middleware in its `deserialize` step, which runs once per attempt. The
 * same middleware asks for the consumed capacity (`ReturnConsumedCapacity: TOTAL`) and adds it
 * up: read units of GetItem and Query, write units of the rest; a conditional write that fails
 * is counted as 1 write unit (DynamoDB charges it by the item's size, so at least 1).
 */
export async function storeRequests(): Promise<{
  requestsPerEvent: number;
  requests: number;
  events: number;
  byCommand: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  messages: number;
  digestCount: number;
}> {
  const table = await startDynaliteTable();
  const byCommand: Record<string, number> = {};
  const units = { read: 0, write: 0 };
  table.client.middlewareStack.add(
    (next, context) => (args) => {
      const name = context.commandName ?? 'unknown';
      byCommand[name] = (byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'deserialize', name: 'countRequests' },
  );
  table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const read = context.commandName === 'GetItemCommand' || context.commandName === 'QueryCommand';
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
        units[read ? 'read' : 'write'] += consumed?.CapacityUnits ?? 0;
        return result;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') units.write += 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'countCapacity' },
  );
  try {
    const store = new DynamoDbStateStore({ client: table.client, tableName: table.tableName });
    const crash = await crashLoopMessages(store);
    const requests = Object.values(byCommand).reduce((sum, n) => sum + n, 0);
    return {
      requestsPerEvent: requests / crash.events,
      requests,
      events: crash.events,
      byCommand,
      readUnits: units.read,
      writeUnits: units.write,
      messages: crash.messages,
      digestCount: crash.digestCount,
    };
  } finally {
    await table.close();
  }
}

/**
 * Heap growth over 1,000,000 events through parse, classify, the `alerts` noise filter with the
 * default memory store, and render, measured in a fresh process with `--expose-gc`.
 */
export function heapGrowth(): { bytes: number; events: number; seconds: number } {
  const script = fileURLToPath(new URL('./heap-worker.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`heap worker failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { bytes: number; events: number; seconds: number };
}
