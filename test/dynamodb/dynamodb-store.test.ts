import { createServer, type AddressInfo } from 'node:net';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { classify, createNoiseFilter, isStateStoreError, type StateStore } from '../../src/index.js';
import { describeStateStoreContract } from '../state/store-contract.js';
import { localClient, startDynalite, type Dynalite } from '../helpers/dynalite.js';
import { parsedFixture } from '../helpers/fixtures.js';

const T0 = 1_700_000_000_000;
const write = { now: T0, ttlSeconds: 60 };

let dynalite: Dynalite;
let store: StateStore;
let tableName: string;

beforeAll(async () => {
  dynalite = await startDynalite();
  tableName = await dynalite.createTable();
  store = new DynamoDbStateStore({ client: dynalite.client, tableName });
});
afterAll(() => dynalite.close());

// Fewer rounds than for the memory store: each is an HTTP round trip (~2 ms) to dynalite in this
// same thread, and 8 x 50 increments already lose some if anything can be lost.
describeStateStoreContract('DynamoDbStateStore on dynalite', () => store, { increments: 50, orders: 20 });

describe('DynamoDbStateStore', () => {
  it('writes one item per record: pk, sk, value map, version, expiresAt in ms and ttl in seconds', async () => {
    await store.put({ scope: 'layout', id: 'a' }, { n: 1, m: { s: 'x' } }, { now: T0 + 1, ttlSeconds: 60 });
    const { Item } = await dynalite.client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'layout' }, sk: { S: 'a' } } }),
    );
    expect(Item).toEqual({
      pk: { S: 'layout' },
      sk: { S: 'a' },
      value: { M: { n: { N: '1' }, m: { M: { s: { S: 'x' } } } } },
      version: { N: '1' },
      expiresAt: { N: String(T0 + 60_001) },
      ttl: { N: String(Math.ceil((T0 + 60_001) / 1000)) },
    });
  });

  it('uses the attribute names it is given', async () => {
    const custom = await dynalite.createTable({ partitionKey: 'PK', sortKey: 'SK' });
    const named = new DynamoDbStateStore({
      client: dynalite.client,
      tableName: custom,
      partitionKey: 'PK',
      sortKey: 'SK',
      ttlAttribute: 'expireAt',
    });
    expect(await named.update({ scope: 's', id: 'a' }, { add: { n: 1 } }, write)).toMatchObject({
      version: 1,
    });
    expect(await named.putIfHigher({ scope: 's', id: 'b' }, 3, write)).toBe('stored');
    expect((await named.list('s', T0)).map(({ id }) => id).sort()).toEqual(['a', 'b']);
    const { Item } = await dynalite.client.send(
      new GetItemCommand({ TableName: custom, Key: { PK: { S: 's' }, SK: { S: 'a' } } }),
    );
    expect(Object.keys(Item ?? {}).sort()).toEqual(['PK', 'SK', 'expireAt', 'expiresAt', 'value', 'version']);
    expect(() => new DynamoDbStateStore({ client: dynalite.client, tableName: custom, ttlAttribute: 'pk' })).toThrow(
      RangeError,
    );
    expect(() => new DynamoDbStateStore({ client: dynalite.client, tableName: custom, sortKey: 'value' })).toThrow(
      RangeError,
    );
  });

  it('lists a scope across Query pages (more than 1 MB)', async () => {
    const padding = 'x'.repeat(100_000);
    await Promise.all(
      Array.from({ length: 14 }, (_, i) => store.put({ scope: 'big', id: `r${i}` }, { i, padding }, write)),
    );
    const listed = await store.list('big', T0);
    expect(listed.map(({ record }) => record.value['i']).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 14 }, (_, i) => i),
    );
  });

  it('throws a StateStoreError naming operation and table, never the key, for other SDK errors', async () => {
    const missing = new DynamoDbStateStore({ client: dynalite.client, tableName: 'no-such-table' });
    const error = await missing.get({ scope: 'secret-scope', id: 'secret-id' }, T0).catch((caught: unknown) => caught);
    expect(isStateStoreError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'StateStoreError', operation: 'GetItem', retryable: false });
    expect((error as Error).message).toMatch(
      /^DynamoDB GetItem on table no-such-table failed: ResourceNotFoundException/,
    );
    expect((error as Error).message).not.toMatch(/secret/);
    expect((error as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it.each([
    ['NaN', { n: Number.NaN }, {}],
    ['Infinity', { n: { deep: [Number.POSITIVE_INFINITY] } }, {}],
  ])('refuses %s before sending anything', async (_, value, change) => {
    const key = { scope: 's', id: 'refused' };
    for (const attempt of [
      store.put(key, value, write),
      store.update(key, Object.keys(change).length === 0 ? { set: value } : change, write),
    ]) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'StateStoreError', operation: 'marshal' });
    }
    expect(await store.get(key, T0)).toBeUndefined();
  });

  it('stores an empty field name as ␀, and a name starting with ␀ with one more in front', async () => {
    await store.put({ scope: 'layout', id: 'names' }, { '': { '': 1 }, '\u2400': 2 }, write);
    const { Item } = await dynalite.client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'layout' }, sk: { S: 'names' } } }),
    );
    expect(Item?.value).toEqual({ M: { '\u2400': { M: { '\u2400': { N: '1' } } }, '\u2400\u2400': { N: '2' } } });
  });

  it("compares orders beyond DynamoDB's number range as the nearest number it stores", async () => {
    const key = { scope: 'order', id: 'huge' };
    expect(await store.putIfHigher(key, 1e200, write)).toBe('stored');
    expect(await store.putIfHigher(key, 1e201, write)).toBe('equal');
    expect(await store.putIfHigher(key, 5, write)).toBe('lower');
    expect(await store.putIfHigher({ scope: 'order', id: 'tiny' }, 1e-200, write)).toBe('stored');
    expect(await store.putIfHigher({ scope: 'order', id: 'tiny' }, 1, write)).toBe('stored');
  });

  it("refuses to add a number beyond DynamoDB's range before sending anything", async () => {
    const error = await store
      .update({ scope: 's', id: 'huge-add' }, { add: { n: 1e200 } }, write)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'StateStoreError', operation: 'marshal' });
  });

  it('a task event whose detail.version DynamoDB cannot store notifies, and its repeats fold and flush', async () => {
    const filter = createNoiseFilter({ store, namespace: 'huge-version' });
    const crash = (i: number) =>
      parsedFixture('task', 'synthetic-task-crashed-exit1-sidecar143', (e) => {
        e.id = `huge-${i}`;
        e.detail.version = 1e200 + i * 1e185;
        e.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
        e.resources = [e.detail.taskArn];
      });
    const decide = (e: ReturnType<typeof crash>, now: number) => filter.decide(e, classify(e), now);
    const first = await decide(crash(0), T0);
    expect(first.action).toBe('notify');
    if (first.action === 'notify') await filter.commit(first, T0);
    expect(await decide(crash(0), T0 + 1)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
    expect(await decide(crash(1), T0 + 2)).toMatchObject({ action: 'suppress', reason: 'folded' });
    const [digest] = await filter.flush(T0 + 3_600_000);
    expect(digest?.digest.count).toBe(1);
    expect(digest?.digest.latest.event.detail).toMatchObject({ version: 1e200 + 1e185 });
  });

  it('marks network failures retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const client = localClient(`http://127.0.0.1:${port}`);
    try {
      const unreachable = new DynamoDbStateStore({ client, tableName: 'state' });
      const error = await unreachable.take({ scope: 's', id: 'a' }, T0).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'StateStoreError', operation: 'DeleteItem', retryable: true });
    } finally {
      client.destroy();
    }
  });
});
