import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../../src/deliver/webhook.js';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { parseEcsEvent } from '../../src/parse/index.js';
import { createPipeline, type PipelineLogEntry } from '../../src/pipeline/index.js';
import { type Dynalite, localClient, startDynalite } from '../helpers/dynalite.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startScriptedServer } from '../helpers/slack-server.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const ROUNDS = 4;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

const servicesOf = (count: number) => Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(2, '0')}`);

/** A task of service number `service` in cluster `prod` that cannot pull its image. */
function pullFailure(service: number, round: number, at: number): Record<string, any> {
  const event = structuredClone(loadFixture('task', 'synthetic-task-pull-not-found')) as Record<string, any>;
  const taskArn = `arn:aws:ecs:${event.region}:${event.account}:task/prod/${hex(service, 8)}${hex(round, 24)}`;
  event.id = `d1a11000-0000-4000-8000-${hex(service * 100 + round, 12)}`;
  event.time = new Date(at).toISOString();
  event.resources = [taskArn];
  event.detail.clusterArn = `arn:aws:ecs:${event.region}:${event.account}:cluster/prod`;
  event.detail.taskArn = taskArn;
  event.detail.group = `service:svc-${String(service).padStart(2, '0')}`;
  event.detail.updatedAt = event.time;
  event.detail.stoppedAt = event.time;
  for (const container of event.detail.containers ?? []) container.taskArn = taskArn;
  return event;
}

/** The repeats a message reports: `..., 27 more failures`, `... 2 more times`, `once more`. */
function repeatsIn(text: string): number {
  const counted = /(\d+) more (?:failures|times)/.exec(text);
  if (counted !== null) return Number(counted[1]);
  return text.includes('once more') ? 1 : 0;
}

describe('grouping with concurrent workers sharing one DynamoDB table (dynalite)', () => {
  let dynalite: Dynalite;
  beforeAll(async () => {
    dynalite = await startDynalite();
  });
  afterAll(async () => {
    await dynalite.close();
  });

  // 30 services on 10 workers at once: each alert loses many conditional writes to the others.
  it.each([
    { services: 10, workers: 3 },
    { services: 30, workers: 10 },
  ])(
    'a $services-service outage over $workers workers: one first alert, one grouped message, every service named, nothing lost',
    async ({ services, workers: WORKERS }) => {
      const SERVICES = servicesOf(services);
      const tableName = await dynalite.createTable();
      const server = await startScriptedServer(() => ({ status: 200, body: 'ok' }));
      let t = T0;
      const now = () => t;
      const sleep = async (ms: number) => {
        t += ms;
      };
      const logs: PipelineLogEntry[] = [];
      const clients = Array.from({ length: WORKERS }, () => localClient(dynalite.endpoint));
      try {
        // Each worker (a Lambda) has its own pipeline, store client and sender; only the table is shared.
        const workers = clients.map((client) =>
          createPipeline({
            sender: createWebhookSender({ url: `${server.origin}/hook` }),
            store: new DynamoDbStateStore({ client, tableName }),
            filter: { preset: 'alerts' },
            pace: { now, sleep },
            silences: false,
            clock: now,
            logger: (entry) => logs.push(entry),
          }),
        );
        let handled = 0;
        for (let round = 0; round < ROUNDS; round++) {
          t = T0 + round * 20_000;
          // Every service's failure of this round at once, dealt across the workers.
          const results = await Promise.all(
            SERVICES.map((_, s) => workers[(s + round) % WORKERS]!.handle(parseEcsEvent(pullFailure(s, round, t)))),
          );
          for (const result of results) expect(['sent', 'suppressed']).toContain(result.status);
          handled += results.length;
        }
        // The workers flush at the same moments: after the group window, and after the fold window.
        for (const at of [T0 + 2 * 60_000, T0 + 12 * 60_000, T0 + 13 * 60_000]) {
          t = at;
          const flushed = (await Promise.all(workers.map((worker) => worker.flush()))).flat();
          for (const result of flushed) expect(result.status).toBe('sent');
        }

        const texts = server.requests.map((r) => (JSON.parse(r.body) as { text: string }).text);
        const bodies = server.requests.map((r) => r.body).join('\n');
        const handledLogs = logs.filter((l) => l.id?.startsWith('d1a11000-') && l.reason !== 'incident-digest');
        const alerts = handledLogs.filter((l) => l.msg === 'sent' && l.reason === 'alert');
        const grouped = handledLogs.filter((l) => l.msg === 'suppressed' && l.reason === 'grouped');
        const folded = handledLogs.filter((l) => l.msg === 'suppressed' && l.reason === 'folded');
        // Exactly one first alert, every other service grouped, every repeat folded: all 40 accounted for.
        expect(alerts).toHaveLength(1);
        expect(grouped).toHaveLength(SERVICES.length - 1);
        expect(folded).toHaveLength(SERVICES.length * (ROUNDS - 1));
        expect(alerts.length + grouped.length + folded.length).toBe(handled);
        expect(texts.filter((text) => text.startsWith('Task '))).toHaveLength(1);
        // One grouped message, though both workers flushed it.
        expect(texts.filter((text) => text.includes(`prod: ${SERVICES.length - 1} more services`))).toHaveLength(1);
        for (const service of SERVICES) expect(bodies).toContain(service);
        // The digests report every folded repeat, once.
        expect(texts.reduce((sum, text) => sum + repeatsIn(text), 0)).toBe(folded.length);
        expect(logs.filter((l) => l.msg === 'failed' || l.msg === 'deferred')).toEqual([]);
      } finally {
        for (const client of clients) client.destroy();
        await server.close();
      }
    },
  );
});
