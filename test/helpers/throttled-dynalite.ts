/**
 * dynalite behind a proxy that throttles a share of the requests as DynamoDB does, both in a
 * child process (test/helpers/throttled-dynalite.mjs) so that they run on the other core while
 * the test drives real SDK clients.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStateTable, localClient } from './dynalite.js';

/** A running throttled dynalite with one state table. */
export interface ThrottledDynalite {
  /** The proxy's endpoint: requests through it are throttled. */
  readonly endpoint: string;
  /** A client straight to dynalite, never throttled. */
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Requests the proxy received and throttled so far. */
  stats(): Promise<{ requests: number; throttled: number }>;
  /** Stops the child process. */
  close(): Promise<void>;
}

/** Starts dynalite and its throttling proxy (share `rate` of requests throttled, seeded), and creates a table. */
export async function startThrottledDynalite(rate: number, seed = 1): Promise<ThrottledDynalite> {
  const script = fileURLToPath(new URL('./throttled-dynalite.mjs', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script, String(rate), String(seed)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { dynalite, proxy } = JSON.parse(line.toString('utf8')) as { dynalite: string; proxy: string };
  const client = localClient(dynalite);
  const tableName = await createStateTable(client);
  return {
    endpoint: proxy,
    client,
    tableName,
    async stats() {
      const response = await fetch(`${proxy}/stats`);
      return (await response.json()) as { requests: number; throttled: number };
    },
    async close() {
      client.destroy();
      const exited = once(child, 'exit');
      child.stdin!.end();
      await exited;
    },
  };
}
