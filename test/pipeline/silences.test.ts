/**
 * Silences in the pipeline, on the DynamoDB store (dynalite): a silenced event is suppressed at
 * every destination and counted once, redeliveries included; when the silence ends, one summary
 * goes to each destination its events would have gone to, however many Lambdas flush at once,
 * and a destination that failed is retried alone.
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { createPipeline, createWebhookSender, parseEcsEvent, type PipelineLogEntry } from '../../src/index.js';
import { createSilences, type Policy, type Silences } from '../../src/policy/index.js';
import type { StateStore } from '../../src/state/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { webhookChannelsForSuite } from '../helpers/webhook-channels.js';

const channels = webhookChannelsForSuite();

const T0 = Date.parse('2026-11-20T13:00:00Z');
const policy: Policy = {
  destinations: {
    ops: { type: 'webhook', url: { env: 'OPS' } },
    audit: { type: 'webhook', url: { env: 'AUDIT' } },
    other: { type: 'webhook', url: { env: 'OTHER' } },
  },
  routes: [{ name: 'api', match: { service: 'example-api-v1' }, to: ['ops', 'audit'] }],
  default: { to: 'other' },
};

let namespace = 0;
/** A Lambda: its own pipeline (and silences cache) on the shared table, under the test's namespace. */
function lambda(store: StateStore, now: () => number, ns: string, silences?: Silences) {
  const { server } = channels();
  const logs: PipelineLogEntry[] = [];
  const sender = (name: string) => createWebhookSender({ url: `${server.origin}/${ns}/${name}`, maxAttempts: 1 });
  const pipeline = createPipeline({
    policy,
    destinations: { ops: sender('ops'), audit: sender('audit'), other: sender('other') },
    store,
    namespace: ns,
    clock: now,
    logger: (entry) => logs.push(entry),
    ...(silences === undefined ? {} : { silences }),
  });
  return { pipeline, logs };
}

const crash = (task: string) => {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = `crash-${task}`;
  event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${task.padStart(32, '0')}`;
  return parseEcsEvent(event);
};

describe('silences in the pipeline', () => {
  it('suppress and count an event once across its destinations and redeliveries; one summary per destination when it ends', async () => {
    const ns = `silence-${++namespace}`;
    const { table, server } = channels();
    const store = new DynamoDbStateStore({ client: table.client, tableName: table.tableName });
    // The silences live at the table's root, where `ecs-slack silence add` writes them.
    const silences = createSilences({ store });
    const silence = await silences.add(
      {
        match: { service: 'example-api-v1' },
        author: 'ana',
        reason: 'database migration',
        endsAt: '2026-11-20T15:00:00Z',
      },
      T0,
    );
    let now = T0 + 60_000;
    const a = lambda(store, () => now, ns);
    const b = lambda(store, () => now, ns);

    const first = await a.pipeline.handle(crash('1'));
    expect(first.status).toBe('suppressed');
    expect(first.destinations).toEqual([
      { destination: 'ops', route: 'api', status: 'suppressed' },
      { destination: 'audit', route: 'api', status: 'suppressed' },
    ]);
    expect(a.logs.map((l) => [l.destination, l.reason, l.detail])).toEqual([
      ['ops', 'silenced', `silence ${silence.id} by ana until 2026-11-20T15:00:00.000Z: database migration`],
      ['audit', 'silenced', `silence ${silence.id} by ana until 2026-11-20T15:00:00.000Z: database migration`],
    ]);
    // Redelivered, to another Lambda: a duplicate at each destination, not counted again.
    expect((await b.pipeline.handle(crash('1'))).destinations?.map((d) => d.status)).toEqual([
      'suppressed',
      'suppressed',
    ]);
    expect(b.logs.map((l) => l.reason)).toEqual(['duplicate', 'duplicate']);
    await b.pipeline.handle(crash('2'));
    expect((await silences.list(now)).map((s) => s.suppressed)).toEqual([2]);
    expect(server.requests.filter((r) => r.path.startsWith(`/${ns}/`))).toHaveLength(0);

    // It ends; both Lambdas flush at once: one summary, to each destination its events would have gone to.
    await silences.expire(silence.id, T0 + 3_600_000);
    now = T0 + 3_600_000 + 1000;
    const flushed = await Promise.all([a.pipeline.flush(), b.pipeline.flush()]);
    const posted = server.requests.filter((r) => r.path.startsWith(`/${ns}/`));
    expect(posted.map((r) => r.path).sort()).toEqual([`/${ns}/audit`, `/${ns}/ops`]);
    expect(flushed.flat().map((r) => r.status)).toEqual(['sent', 'sent']);
    const message = JSON.parse(posted[0]!.body) as { text: string; blocks: Array<{ text: { text: string } }> };
    expect(message.text).toBe('example-api-v1: 2 events silenced by ana from 13:00 to 14:00 UTC: database migration');
    expect(message.blocks[0]!.text.text).toBe(':mute: example-api-v1: silence ended');
    expect(await a.pipeline.flush()).toEqual([]);
  });

  it('a destination whose summary failed gets it on a later flush, and only it', async () => {
    const ns = `silence-${++namespace}`;
    const { table, server, refusing } = channels();
    const store = new DynamoDbStateStore({ client: table.client, tableName: table.tableName });
    const silences = createSilences({ store, scope: `${ns}-silences` });
    const silence = await silences.add(
      { match: { cluster: 'test' }, author: 'bo', reason: 'load test', endsAt: '2026-11-20T14:00:00Z' },
      T0,
    );
    let now = T0 + 60_000;
    const { pipeline, logs } = lambda(store, () => now, ns, silences);
    await pipeline.handle(crash('3'));
    now = T0 + 3_600_000 + 1000;
    refusing.add(`/${ns}/audit`);
    expect((await pipeline.flush()).map((r) => r.status)).toEqual(['failed', 'sent']);
    refusing.clear();
    expect((await pipeline.flush()).map((r) => r.status)).toEqual(['sent']);
    const posted = server.requests.filter((r) => r.path.startsWith(`/${ns}/`)).map((r) => r.path);
    expect(posted).toEqual([`/${ns}/audit`, `/${ns}/ops`, `/${ns}/audit`]);
    expect(logs.filter((l) => l.route === 'silence').map((l) => [l.msg, l.destination])).toEqual([
      ['failed', 'audit'],
      ['sent', 'ops'],
      ['sent', 'audit'],
    ]);
    expect(await pipeline.flush()).toEqual([]);
    expect(silence.id).toMatch(/^[0-9a-f]{8}$/);
  });
});
