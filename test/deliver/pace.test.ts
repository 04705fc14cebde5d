import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { createPacedSender } from '../../src/deliver/pace.js';
import { createWebhookSender } from '../../src/deliver/webhook.js';
import { MemoryStateStore } from '../../src/state/memory-store.js';
import { type Dynalite, startDynalite } from '../helpers/dynalite.js';
import { startScriptedServer } from '../helpers/slack-server.js';

const message = (n: number) => ({ text: `message ${n}` });

describe('createPacedSender', () => {
  let dynalite: Dynalite;
  beforeAll(async () => {
    dynalite = await startDynalite();
  });
  afterAll(async () => {
    await dynalite.close();
  });

  it('10 concurrent invocations sharing the DynamoDB store (dynalite) do not post 10 messages in one second', async () => {
    const tableName = await dynalite.createTable();
    const arrivals: number[] = [];
    const server = await startScriptedServer(() => {
      arrivals.push(Date.now());
      return { status: 200, body: 'ok' };
    });
    try {
      // Each "Lambda" has its own store client and its own sender; only the table is shared.
      const lambdas = Array.from({ length: 10 }, () =>
        createPacedSender(createWebhookSender({ url: `${server.origin}/hook` }), {
          store: new DynamoDbStateStore({ client: dynalite.client, tableName }),
          perSecond: 4,
          burst: 2,
        }),
      );
      const started = Date.now();
      await Promise.all(lambdas.map((sender, n) => sender.post(message(n))));
      expect(arrivals).toHaveLength(10);
      // A bucket of 2 refilled at 4/s: at most 2 + 4 t messages by t seconds, never 10 in the first.
      for (const at of arrivals) {
        const upTo = arrivals.filter((other) => other <= at).length;
        expect(upTo).toBeLessThanOrEqual(2 + Math.floor(((at - started) / 1000) * 4) + 1);
      }
      expect(arrivals.filter((at) => at - started < 1000).length).toBeLessThan(10);
    } finally {
      await server.close();
    }
  });

  it('hands back a post the deadline leaves no time to wait for, as a retryable DeliveryError', async () => {
    const server = await startScriptedServer([{ status: 200, body: 'ok' }]);
    try {
      const sender = createPacedSender(createWebhookSender({ url: `${server.origin}/hook` }), {
        store: new MemoryStateStore(),
        perSecond: 1,
        burst: 1,
      });
      await sender.post(message(1));
      await expect(sender.post(message(2), { deadline: Date.now() + 200 })).rejects.toMatchObject({
        name: 'DeliveryError',
        retryable: true,
      });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("honours Slack's Retry-After over its own estimate: every sender of the bucket waits", async () => {
    let t = 0;
    const now = () => t;
    const sleep = async (ms: number) => {
      t += ms;
    };
    const server = await startScriptedServer([
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } },
      { status: 200, body: 'ok' },
    ]);
    try {
      const store = new MemoryStateStore();
      const url = `${server.origin}/hook`;
      const first = createPacedSender(createWebhookSender({ url, now, sleep, random: () => 0 }), { store, now, sleep });
      const second = createPacedSender(createWebhookSender({ url, now, sleep }), { store, now, sleep });
      // 30 s is past the webhook sender's 10 s budget: the first post is handed back.
      await expect(first.post(message(1))).rejects.toMatchObject({ status: 429, retryable: true });
      await second.post(message(2));
      // The bucket had tokens left, yet the second sender waited for the Retry-After to end.
      expect(t).toBeGreaterThanOrEqual(30_000);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('merges updates of one message waiting for their turn into one edit', async () => {
    const edits: string[] = [];
    const sender = createPacedSender(
      {
        post: async () => ({ channel: 'C1', ts: '1.0' }),
        update: async (_channel, _ts, m) => {
          edits.push(m.text);
        },
      },
      { perSecond: 20, burst: 1 },
    );
    await sender.post(message(0));
    await Promise.all([1, 2, 3, 4].map((n) => sender.update!('C1', '1.0', message(n))));
    expect(edits).toEqual(['message 4']);
  });
});
