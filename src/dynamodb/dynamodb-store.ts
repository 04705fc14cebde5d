/**
 * The {@link StateStore} for many concurrent Lambda invocations: one DynamoDB table, conditional
 * writes, and DynamoDB's TTL feature to clean up.
 *
 * @module
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { StateStoreError } from '../errors.js';
import { applyStateChange, expiryOf, isLive, orderVerdict } from '../state/semantics.js';
import type {
  JsonPrimitive,
  PutIfHigherResult,
  PutOptions,
  StateChange,
  StateKey,
  StateRecord,
  StateStore,
  StateValue,
  StoreWrite,
  UpdateOptions,
} from '../state/store.js';
import { fromAttributeMap, nearestStorable, toAttributeMap } from './attribute-value.js';
import { Expression } from './expression.js';
import { checkItemNames, fromItem, itemKey, toItem, type ItemNames } from './item-layout.js';
import { request, type Outcome } from './request.js';
import {
  changeExpressions,
  isAbsentCondition,
  isLiveAtCondition,
  isLiveCondition,
  putIfHigherExpressions,
  type UpdateExpressions,
} from './write-expressions.js';

/**
 * Options of {@link DynamoDbStateStore}.
 */
export interface DynamoDbStateStoreOptions {
  /** Your DynamoDB client, with its region, credentials and retry settings. */
  readonly client: DynamoDBClient;
  /** The table's name (or ARN). */
  readonly tableName: string;
  /** Name of the table's string partition key, which holds `StateKey.scope`. Default `pk`. */
  readonly partitionKey?: string;
  /** Name of the table's string sort key, which holds `StateKey.id`. Default `sk`. */
  readonly sortKey?: string;
  /**
   * Name of the numeric attribute enabled as the table's time-to-live attribute (epoch
   * seconds). Default `ttl`.
   */
  readonly ttlAttribute?: string;
}

/** How often an operation retries after losing a race, before it gives up. */
const MAX_ATTEMPTS = 10;

/**
 * A {@link StateStore} in one DynamoDB table, correct with any number of concurrent writers.
 *
 * @remarks Every write is one conditional request (`ConditionExpression`), so of racing writers exactly
 * one wins; reads are strongly consistent. Each record is one item: partition key = scope, sort
 * key = id, the value as a map attribute `value`, `version`, `expiresAt` (epoch milliseconds)
 * and a TTL attribute (epoch seconds). DynamoDB deletes expired items lazily, up to a few days
 * later, so every read and every condition also treats an item whose `expiresAt <= now` as
 * absent. See `docs/dynamodb.md` for the table definition, IAM permissions and costs.
 *
 * Errors: a failed condition is a result (`undefined`, `equal`, `lower`), never an error. Any
 * other failure (throttling after the client's own retries, a missing table, denied access, a
 * network error) is thrown as a {@link StateStoreError} naming the operation and the table, with
 * the SDK's error as `cause` and `retryable` set for throttling, server and network faults.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
 *
 * const store = new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: 'ecs-slack-state' });
 * const seen = await store.putIfHigher({ scope: 'task', id: taskArn }, version, { now: Date.now(), ttlSeconds: 86_400 });
 * ```
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 */
export class DynamoDbStateStore implements StateStore {
  /** The table the records live in. */
  readonly tableName: string;
  readonly #client: DynamoDBClient;
  readonly #names: ItemNames;

  /**
   * @param options - The client, the table and its attribute names.
   * @throws `RangeError` when the attribute names clash.
   */
  constructor(options: DynamoDbStateStoreOptions) {
    this.#client = options.client;
    this.tableName = options.tableName;
    this.#names = checkItemNames({
      partitionKey: options.partitionKey ?? 'pk',
      sortKey: options.sortKey ?? 'sk',
      ttl: options.ttlAttribute ?? 'ttl',
    });
  }

  async get(key: StateKey, now: number): Promise<StateRecord | undefined> {
    const record = await this.#read(key);
    return isLive(record, now) ? record : undefined;
  }

  async put(key: StateKey, value: StateValue, options: PutOptions): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(options, 'put');
    const { expectedVersion, now } = options;
    if (expectedVersion === undefined) return this.#create(key, value, expiresAt, now);
    const expr = new Expression(this.#names);
    const condition = isLiveAtCondition(expr, now, expectedVersion);
    return this.#putItem(key, value, expectedVersion + 1, expiresAt, condition, expr);
  }

  async putIfHigher(key: StateKey, requested: number, write: StoreWrite): Promise<PutIfHigherResult> {
    const expiresAt = expiryOf(write, 'putIfHigher');
    // Orders beyond DynamoDB's number range compare as the nearest one it can store.
    const order = nearestStorable(requested);
    const value = { order };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const expr = new Expression(this.#names);
      const outcome = await this.#updateItem(key, expr, putIfHigherExpressions(expr, order, write.now, expiresAt), {
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      if (outcome.ok) return 'stored';
      // DynamoDB returns the item that failed the condition; implementations that do not get read.
      const current = outcome.item === undefined ? await this.#read(key) : fromItem(outcome.item);
      if (current === undefined) continue;
      if (isLive(current, write.now)) {
        const verdict = orderVerdict(current.value, order);
        if (verdict !== undefined) return verdict;
        continue;
      }
      if ((await this.#create(key, value, expiresAt, write.now)) !== undefined) return 'stored';
    }
    throw this.#contention('putIfHigher');
  }

  async update(key: StateKey, change: StateChange, options: UpdateOptions): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(options, 'update');
    const { where, now } = options;
    if (where !== undefined) return this.#updateLive(key, change, { where, now, expiresAt });
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const updated = await this.#updateLive(key, change, { now, expiresAt });
      if (updated !== undefined) return updated;
      // Absent or expired: start afresh, unless another writer just did.
      const created = await this.#create(key, applyStateChange({}, change), expiresAt, now);
      if (created !== undefined) return created;
    }
    throw this.#contention('update');
  }

  async take(key: StateKey, now: number, expectedVersion?: number): Promise<StateRecord | undefined> {
    const expr = new Expression(this.#names);
    const outcome = await this.#send('DeleteItem', (client) =>
      client.send(
        new DeleteItemCommand({
          TableName: this.tableName,
          Key: itemKey(this.#names, key),
          ConditionExpression: isLiveAtCondition(expr, now, expectedVersion),
          ReturnValues: 'ALL_OLD',
          ...expr.attributes(),
        }),
      ),
    );
    return outcome.ok ? fromItem(outcome.output.Attributes) : undefined;
  }

  async list(scope: string, now: number): ReturnType<StateStore['list']> {
    const records: Array<{ id: string; record: StateRecord }> = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const expr = new Expression(this.#names);
      const outcome = await this.#send('Query', (client) =>
        client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: `${expr.attribute('partitionKey')} = ${expr.value(scope)}`,
            FilterExpression: isLiveCondition(expr, now),
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
            ...expr.attributes(),
          }),
        ),
      );
      if (!outcome.ok) break;
      for (const item of outcome.output.Items ?? []) {
        const id = item[this.#names.sortKey]?.S;
        const record = fromItem(item);
        if (id !== undefined && isLive(record, now)) records.push({ id, record });
      }
      startKey = outcome.output.LastEvaluatedKey;
    } while (startKey !== undefined);
    return records;
  }

  /** Reads the item of `key` (strongly consistent), live or expired. */
  async #read(key: StateKey): Promise<StateRecord | undefined> {
    const outcome = await this.#send('GetItem', (client) =>
      client.send(
        new GetItemCommand({ TableName: this.tableName, Key: itemKey(this.#names, key), ConsistentRead: true }),
      ),
    );
    return outcome.ok ? fromItem(outcome.output.Item) : undefined;
  }

  /** Creates a record (version 1) where none is live. */
  #create(key: StateKey, value: StateValue, expiresAt: number, now: number): Promise<StateRecord | undefined> {
    const expr = new Expression(this.#names);
    return this.#putItem(key, value, 1, expiresAt, isAbsentCondition(expr, now), expr);
  }

  /** Writes a whole item under `condition`; `undefined` when the condition failed. */
  async #putItem(
    key: StateKey,
    value: StateValue,
    version: number,
    expiresAt: number,
    condition: string,
    expr: Expression,
  ): Promise<StateRecord | undefined> {
    const map = toAttributeMap(value);
    const outcome = await this.#send('PutItem', (client) =>
      client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: toItem(this.#names, key, map, version, expiresAt),
          ConditionExpression: condition,
          ...expr.attributes(),
        }),
      ),
    );
    return outcome.ok ? { value: fromAttributeMap(map), version, expiresAt } : undefined;
  }

  /** Applies `change` to the live record in one UpdateItem; `undefined` when absent, expired or `where` failed. */
  async #updateLive(
    key: StateKey,
    change: StateChange,
    options: {
      readonly where?: Readonly<Record<string, JsonPrimitive>>;
      readonly now: number;
      readonly expiresAt: number;
    },
  ): Promise<StateRecord | undefined> {
    const expr = new Expression(this.#names);
    const outcome = await this.#updateItem(key, expr, changeExpressions(expr, change, options), {
      ReturnValues: 'ALL_NEW',
    });
    return outcome.ok ? fromItem(outcome.output.Attributes) : undefined;
  }

  /** Sends one conditional `UpdateItem`. */
  #updateItem(
    key: StateKey,
    expr: Expression,
    expressions: UpdateExpressions,
    returns: Pick<UpdateItemCommandInput, 'ReturnValues' | 'ReturnValuesOnConditionCheckFailure'>,
  ): Promise<Outcome<UpdateItemCommandOutput>> {
    return this.#send('UpdateItem', (client) =>
      client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: itemKey(this.#names, key),
          UpdateExpression: expressions.update,
          ConditionExpression: expressions.condition,
          ...returns,
          ...expr.attributes(),
        }),
      ),
    );
  }

  /** Sends one request with the user's client. */
  #send<Output>(operation: string, send: (client: DynamoDBClient) => Promise<Output>): Promise<Outcome<Output>> {
    return request(operation, this.tableName, () => send(this.#client));
  }

  /** The error thrown when racing writers kept winning for {@link MAX_ATTEMPTS} attempts. */
  #contention(operation: string): StateStoreError {
    return new StateStoreError(
      `DynamoDB state store ${operation} on table ${this.tableName}: gave up after ${MAX_ATTEMPTS} attempts lost to concurrent writers`,
      { operation, retryable: true },
    );
  }
}
