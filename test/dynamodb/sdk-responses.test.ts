/**
 * Responses dynalite cannot produce, from a stub client: the item DynamoDB returns with a failed
 * condition (`ReturnValuesOnConditionCheckFailure`), throttling, and endless lost races.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { isStateStoreError } from '../../src/index.js';

const T0 = 1_700_000_000_000;
const write = { now: T0, ttlSeconds: 60 };
const key = { scope: 'task', id: 'arn:aws:ecs:us-east-1:111122223333:task/c/abc' };

/** A client whose `send` answers from a script and records each command's name and input. */
function stubClient(answer: (name: string, call: number) => unknown): {
  client: DynamoDBClient;
  calls: Array<{ name: string; input: Record<string, unknown> }>;
} {
  const calls: Array<{ name: string; input: Record<string, unknown> }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push({ name, input: command.input });
      const result = answer(name, calls.length);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { client: client as unknown as DynamoDBClient, calls };
}

/** The error the SDK throws for a failed condition, with the item when DynamoDB returned it. */
function conditionFailed(item?: Record<string, unknown>): Error {
  return Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
    $fault: 'client',
    Item: item,
  });
}

function item(order: number, expiresAt: number): Record<string, unknown> {
  return {
    pk: { S: key.scope },
    sk: { S: key.id },
    value: { M: { order: { N: String(order) } } },
    version: { N: '3' },
    expiresAt: { N: String(expiresAt) },
    ttl: { N: String(Math.ceil(expiresAt / 1000)) },
  };
}

describe('DynamoDbStateStore with DynamoDB responses', () => {
  it.each([
    [9, 'lower'],
    [5, 'equal'],
  ] as const)(
    'answers putIfHigher from the item of a failed condition in one request (stored %i)',
    async (stored, expected) => {
      const { client, calls } = stubClient(() => conditionFailed(item(stored, T0 + 1)));
      const store = new DynamoDbStateStore({ client, tableName: 'state' });
      expect(await store.putIfHigher(key, 5, write)).toBe(expected);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ name: 'UpdateItem', input: { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } });
    },
  );

  it('replaces an expired item that DynamoDB has not deleted yet', async () => {
    const { client, calls } = stubClient((name) => (name === 'UpdateItem' ? conditionFailed(item(9, T0)) : {}));
    const store = new DynamoDbStateStore({ client, tableName: 'state' });
    expect(await store.putIfHigher(key, 5, write)).toBe('stored');
    expect(calls.map(({ name }) => name)).toEqual(['UpdateItem', 'PutItem']);
    expect(calls[1]?.input).toMatchObject({ Item: { version: { N: '1' }, value: { M: { order: { N: '5' } } } } });
  });

  it('gives up with a retryable StateStoreError after losing every race', async () => {
    const { client, calls } = stubClient((name) => (name === 'GetItem' ? {} : conditionFailed()));
    const store = new DynamoDbStateStore({ client, tableName: 'state' });
    const error = await store.update(key, { add: { n: 1 } }, write).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'StateStoreError', operation: 'update', retryable: true });
    expect(calls).toHaveLength(20);
    const putError = await store.putIfHigher(key, 1, write).catch((caught: unknown) => caught);
    expect(putError).toMatchObject({ name: 'StateStoreError', operation: 'putIfHigher', retryable: true });
  });

  it.each([
    ['ThrottlingException', 'client', { throttling: true }, true],
    ['ProvisionedThroughputExceededException', 'client', undefined, true],
    ['InternalServerError', 'server', undefined, true],
    ['AccessDeniedException', 'client', undefined, false],
    ['ValidationException', 'client', undefined, false],
  ])('wraps %s (retryable: %s)', async (name, fault, retryable, expected) => {
    const sdkError = Object.assign(new Error(`${name}\n  details`), { name, $fault: fault, $retryable: retryable });
    const { client } = stubClient(() => sdkError);
    const store = new DynamoDbStateStore({ client, tableName: 'state' });
    const error = await store.list('fold', T0).catch((caught: unknown) => caught);
    expect(isStateStoreError(error)).toBe(true);
    expect(error).toMatchObject({ operation: 'Query', retryable: expected, cause: sdkError });
    expect((error as Error).message).toBe(`DynamoDB Query on table state failed: ${name}: ${name} details`);
  });
});
