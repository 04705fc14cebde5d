/**
 * The handler within Lambda's time: a real HTTP server on loopback that stops answering, and a
 * Lambda context whose remaining time runs on the real clock. Whatever was delivered is never
 * handed back, whatever was not is, and the handler returns before Lambda would end it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HandlerError, createHandler, type HandlerOptions } from '../../src/lambda/index.js';
import { MemoryStateStore, type StateKey, type StateValue, type PutOptions } from '../../src/state/index.js';
import { createWebhookSender, type PipelineLogEntry } from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { SCHEDULED_EVENT, snsEvent, sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type Reply, type ScriptedServer } from '../helpers/slack-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Lambda context with `ms` left, counting down on the real clock; `end` is when Lambda would stop. */
function lambdaContext(ms: number): { getRemainingTimeInMillis(): number; readonly end: number } {
  const end = Date.now() + ms;
  return { end, getRemainingTimeInMillis: () => end - Date.now() };
}

/** A crash of its own task and service, so that none folds into another. */
const crash = (n: number) => {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = `crash-${n}`;
  event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(n).padStart(32, '0')}`;
  event.resources = [event.detail.taskArn];
  event.detail.group = `service:svc-${n}`;
  return event;
};

/** The services a server received alerts for, in order. */
const servicesPosted = (requests: ScriptedServer['requests']) => requests.map((r) => /svc-(\d+)/.exec(r.body)?.[1]);

async function setup(script: readonly Reply[], options: Partial<HandlerOptions> = {}) {
  server = await startScriptedServer(script);
  const logs: PipelineLogEntry[] = [];
  // The webhook sender's defaults: 5 s per attempt, 3 attempts, 10 s in all.
  const handler = createHandler({
    sender: createWebhookSender({ url: `${server.origin}/services/T0/B0/secret` }),
    logger: (entry) => logs.push(entry),
    flushIntervalSeconds: false,
    deadlineMarginMs: 500,
    // One message per crash (each its own service of one cluster), as the counts below expect;
    // grouping is tested in test/pipeline/storm.test.ts. Pacing stays on, as by default.
    group: false,
    ...options,
  });
  return { handler, logs, server };
}

/** Sends 10 crashes in one SQS batch with 1 s of budget; checks it returns in time with the last 7 handed back. */
async function tenCrashesAndSevenBack(handler: ReturnType<typeof createHandler>) {
  const batch = sqsEvent(Array.from({ length: 10 }, (_, n) => JSON.stringify(crash(n))));
  const ids = batch.Records.map((r) => r.messageId);
  const context = lambdaContext(1500);
  const result = await handler(batch, context);
  expect(Date.now()).toBeLessThan(context.end);
  expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(ids.slice(3));
  return { batch, ids };
}

describe('createHandler within the invocation deadline', () => {
  it('SQS, 10 records to a Slack that hangs after 3: returns in time, hands back the 7 undelivered, never the 3 delivered', async () => {
    const ok: Reply = { status: 200, body: 'ok' };
    // Unpaced: the subject is a Slack that stops answering (the pace would hold the 4th post back).
    const { handler, logs, server } = await setup([ok, ok, ok, 'hang'], { pace: false });
    const { batch, ids } = await tenCrashesAndSevenBack(handler);
    // 3 delivered, the 4th hung until the deadline, the other 6 never started.
    expect(servicesPosted(server.requests)).toEqual(['0', '1', '2', '3']);
    expect(logs.filter((l) => l.msg === 'sent').map((l) => l.id)).toEqual(ids.slice(0, 3));
    expect(logs.filter((l) => l.msg === 'deferred' && l.reason === 'deadline').map((l) => l.id)).toEqual(ids.slice(4));

    // SQS redelivers what was handed back, to a Slack that answers again: each alert exactly once.
    await server.close();
    const healthy = await setup([ok], { pace: false });
    const retry = await healthy.handler({ Records: batch.Records.slice(3) }, lambdaContext(1500));
    expect(retry).toEqual({ batchItemFailures: [] });
    expect(servicesPosted(healthy.server.requests)).toEqual(['3', '4', '5', '6', '7', '8', '9']);
  });

  it('paced (the default), 10 records and a second of budget: the burst of 3 goes out, the 7 whose turn comes after the deadline are handed back unsent, and go out on the retries', async () => {
    const ok: Reply = { status: 200, body: 'ok' };
    const { handler, logs, server } = await setup([ok]);
    const { batch, ids } = await tenCrashesAndSevenBack(handler);
    // Never posted: the pace held them back, rather than provoke Slack's 429.
    expect(servicesPosted(server.requests)).toEqual(['0', '1', '2']);
    expect(logs.filter((l) => l.msg === 'sent').map((l) => l.id)).toEqual(ids.slice(0, 3));
    const deferred = logs.filter((l) => l.msg === 'deferred' && l.reason === 'deadline');
    expect(deferred.map((l) => l.id)).toEqual(ids.slice(3));
    expect(deferred[0]?.detail).toMatch(/pace/);
    expect(logs.filter((l) => l.msg === 'failed')).toEqual([]);

    // SQS redelivers what was handed back, to the same Lambda with 2.5 s of budget: each alert
    // exactly once, at the pace (a token a second).
    let queue = batch.Records.slice(3);
    for (let invocation = 0; queue.length > 0 && invocation < 10; invocation++) {
      const again = await handler({ Records: queue }, lambdaContext(3000));
      const back = new Set(again.batchItemFailures.map((f) => f.itemIdentifier));
      queue = queue.filter((r) => back.has(r.messageId));
    }
    expect(queue).toEqual([]);
    expect(servicesPosted(server.requests)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  }, 60_000);

  it('EventBridge: throws before the deadline, so Lambda retries the event; the retry is delivered', async () => {
    const { handler } = await setup(['hang', { status: 200, body: 'ok' }]);
    const context = lambdaContext(1200);
    await expect(handler(crash(1), context)).rejects.toBeInstanceOf(HandlerError);
    expect(Date.now()).toBeLessThan(context.end);
    await expect(handler(crash(1), lambdaContext(1200))).resolves.toBeUndefined();
    expect(server?.requests).toHaveLength(2);
  });

  it('SNS: throws before the deadline, naming how many events were not delivered', async () => {
    const { handler } = await setup([{ status: 200, body: 'ok' }, 'hang']);
    const context = lambdaContext(1200);
    await expect(
      handler(snsEvent([JSON.stringify(crash(1)), JSON.stringify(crash(2)), JSON.stringify(crash(3))]), context),
    ).rejects.toThrow(/^2 of 3 event\(s\) failed; Lambda will retry the invocation$/);
    expect(Date.now()).toBeLessThan(context.end);
  });

  it('a store call that hangs: returns before Lambda ends the invocation and hands every record back', async () => {
    class HangingStore extends MemoryStateStore {
      override put(_key: StateKey, _value: StateValue, _options: PutOptions): Promise<never> {
        return new Promise(() => undefined);
      }
    }
    const { handler, logs } = await setup([{ status: 200, body: 'ok' }], { store: new HangingStore() });
    const batch = sqsEvent([JSON.stringify(crash(1)), JSON.stringify(crash(2))]);
    const context = lambdaContext(1200);
    const result = await handler(batch, context);
    expect(Date.now()).toBeLessThan(context.end);
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.Records.map((r) => r.messageId));
    expect(logs.filter((l) => l.reason === 'deadline')).toHaveLength(2);
    expect(server?.requests).toHaveLength(0);
  });

  it('the scheduled flush obeys the budget; the digest it could not send goes out on the next flush', async () => {
    let now = Date.parse('2026-11-20T09:00:00Z');
    const ok: Reply = { status: 200, body: 'ok' };
    const { handler, server } = await setup([ok, 'hang', ok], { clock: () => now });
    const repeat = (n: number) => {
      const event = crash(7);
      event.id = `repeat-${n}`;
      event.detail.taskArn = event.detail.taskArn.replace(/7$/, String(n));
      event.resources = [event.detail.taskArn];
      return event;
    };
    await handler(repeat(7));
    now += 1000;
    await handler(repeat(8));
    expect(server.requests).toHaveLength(1);
    now += 11 * 60_000;
    const tick = SCHEDULED_EVENT;
    const context = lambdaContext(1200);
    await expect(handler(tick, context)).rejects.toThrow(/1 digest\(s\) could not be delivered/);
    expect(Date.now()).toBeLessThan(context.end);
    await handler(tick, lambdaContext(1200));
    expect(server.requests).toHaveLength(3);
    expect(JSON.parse(server.requests[2]!.body).text).toBe('app crashed once more in the last 1 min; last exit 1');
  });

  it('a context without time to spare starts nothing and hands everything back', async () => {
    const { handler, server } = await setup([{ status: 200, body: 'ok' }]);
    const batch = sqsEvent([JSON.stringify(crash(1))]);
    const result = await handler(batch, { getRemainingTimeInMillis: () => 0 });
    expect(result?.batchItemFailures).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });
});
