/**
 * Many Lambdas at once: 8 workers race over the same 1,000 deliveries (400 distinct events of 50
 * incidents, plus 600 duplicate deliveries) sharing one state store, the memory store in one
 * process and DynamoDB (dynalite on 127.0.0.1) across clients. Exactly one notification per
 * incident, and every distinct event either notified or counted in a digest: no lost update.
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, createNoiseFilter, parseEcsEvent, type StateStore } from '../../src/index.js';
import { dynaliteTableForSuite, localClient } from '../helpers/dynalite.js';
import { loadFixture } from '../helpers/fixtures.js';
import { seededRandom } from '../helpers/random.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const SERVICES = 25;
const CRASHES = 12;
const PLACEMENTS = 4;
const DELIVERIES = 1000;
const WORKERS = 8;

/** 400 distinct events (25 services x 12 crashes + 4 placement failures), dealt as 1,000 deliveries. */
function deliveries(): string[] {
  const crash = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  const placement = loadFixture('service', 'docs-service-task-placement-failure-ec2-cpu') as any;
  const distinct: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    for (let i = 0; i < CRASHES; i++) {
      const e = structuredClone(crash);
      e.id = `crash-${s}-${i}`;
      e.detail.group = `service:svc-${s}`;
      e.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(s * 100 + i).padStart(32, '0')}`;
      e.resources = [e.detail.taskArn];
      distinct.push(JSON.stringify(e));
    }
    for (let i = 0; i < PLACEMENTS; i++) {
      const e = structuredClone(placement);
      e.id = `placement-${s}-${i}`;
      e.resources = [`arn:aws:ecs:us-west-2:111122223333:service/default/svc-${s}`];
      distinct.push(JSON.stringify(e));
    }
  }
  const rand = seededRandom(7);
  const all = [...distinct];
  while (all.length < DELIVERIES) all.push(distinct[Math.floor(rand() * distinct.length)]!);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

async function race(stores: readonly StateStore[]) {
  const queue = deliveries();
  const notified: string[] = [];
  let deferred = 0;
  let next = 0;
  const worker = async (store: StateStore) => {
    const filter = createNoiseFilter({ store });
    for (;;) {
      const text = queue[next++];
      if (text === undefined) return;
      const event = parseEcsEvent(JSON.parse(text));
      const c = classify(event);
      const now = T0 + next;
      const decision = await filter.decide(event, c, now);
      if (decision.action === 'digest') throw new Error('no window closes during the race');
      if (decision.action === 'defer') {
        deferred++;
        queue.push(text); // redelivered later, like SQS after a reported failure
        continue;
      }
      if (decision.action === 'notify') {
        notified.push(`${c.identity.service}|${c.outcome}`);
        await filter.commit(decision, now);
      }
    }
  };
  await Promise.all(stores.map(worker));
  const flushed = await createNoiseFilter({ store: stores[0]! }).flush(T0 + 3_600_000);
  return { notified, deferred, flushed };
}

function expectOnePerIncident(result: Awaited<ReturnType<typeof race>>) {
  const incidents = SERVICES * 2;
  expect(result.notified).toHaveLength(incidents);
  expect(new Set(result.notified).size).toBe(incidents);
  expect(result.flushed).toHaveLength(incidents);
  const folded = result.flushed.reduce((sum, d) => sum + d.digest.count, 0);
  expect(folded + result.notified.length).toBe(SERVICES * (CRASHES + PLACEMENTS));
}

describe('8 concurrent workers over 1,000 deliveries', () => {
  it('memory store: exactly one notification per incident, no lost update', async () => {
    const store = new MemoryStateStore();
    expectOnePerIncident(await race(Array.from({ length: WORKERS }, () => store)));
  });

  describe('DynamoDB store (dynalite)', () => {
    const table = dynaliteTableForSuite();

    it('exactly one notification per incident, no lost update, across 8 clients', async () => {
      const clients = Array.from({ length: WORKERS }, () => localClient(table().server.endpoint));
      try {
        const stores = clients.map((client) => new DynamoDbStateStore({ client, tableName: table().tableName }));
        expectOnePerIncident(await race(stores));
      } finally {
        for (const client of clients) client.destroy();
      }
    }, 120_000);
  });
});
