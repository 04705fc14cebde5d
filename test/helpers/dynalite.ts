/**
 * A real DynamoDB implementation for tests: dynalite, in memory, on 127.0.0.1 and a free port,
 * driven by the real `@aws-sdk/client-dynamodb` client with fake static credentials.
 */
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll } from 'vitest';

/** A running dynalite server. */
export interface Dynalite {
  /** A client talking to it. */
  readonly client: DynamoDBClient;
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** Creates a table shaped like the one docs/dynamodb.md asks for; resolves once it is ACTIVE. */
  createTable(options?: TableOptions): Promise<string>;
  /** Destroys the client and stops the server. */
  close(): Promise<void>;
}

/** The state table's name and key attribute names. */
export interface TableOptions {
  /** Default: a fresh `state-N`. */
  readonly tableName?: string;
  /** Default `pk`. */
  readonly partitionKey?: string;
  /** Default `sk`. */
  readonly sortKey?: string;
}

/** A running dynalite server with one state table. */
export interface DynaliteTable {
  /** A client talking to the server. */
  readonly client: DynamoDBClient;
  /** The table's name. */
  readonly tableName: string;
  /** The server, to create more tables. */
  readonly server: Dynalite;
  /** Destroys the client and stops the server. */
  close(): Promise<void>;
}

let tables = 0;

/** Starts a dynalite server on 127.0.0.1 and a free port. */
export async function startDynalite(): Promise<Dynalite> {
  // The SDK warns once per process that its 2027 releases will need Node 22; CI also runs Node 20.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  return {
    client,
    endpoint,
    createTable: (options?: TableOptions) => createStateTable(client, options),
    async close(): Promise<void> {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Creates a table shaped like the one docs/dynamodb.md asks for; resolves once it is ACTIVE. */
export async function createStateTable(client: DynamoDBClient, options: TableOptions = {}): Promise<string> {
  const tableName = options.tableName ?? `state-${++tables}`;
  const [partitionKey, sortKey] = [options.partitionKey ?? 'pk', options.sortKey ?? 'sk'];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return tableName;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A client for a local endpoint: fake static credentials, no retries (tests see every error). */
export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret-for-dynalite' },
    maxAttempts: 1,
  });
}

/** Starts dynalite and creates one state table in it. */
export async function startDynaliteTable(options: TableOptions = {}): Promise<DynaliteTable> {
  const server = await startDynalite();
  const tableName = await server.createTable(options);
  return { client: server.client, tableName, server, close: () => server.close() };
}

/**
 * Starts dynalite with one state table before the enclosing suite and stops it after; returns a
 * getter for the running table (call it inside tests, once `beforeAll` has run).
 */
export function dynaliteTableForSuite(): () => DynaliteTable {
  let table: DynaliteTable | undefined;
  beforeAll(async () => {
    table = await startDynaliteTable();
  });
  afterAll(async () => {
    await table?.close();
  });
  return () => {
    if (table === undefined) throw new Error('the dynalite table is only there inside tests');
    return table;
  };
}
