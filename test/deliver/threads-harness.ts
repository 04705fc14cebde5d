/**
 * Test tools for deployment threads: the scenario's events parsed, the card's fields as Slack
 * holds them, a store that fails on chosen writes, and a loopback proxy in front of the fake
 * Slack API that holds a `chat.update` until the test lets it through.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebClient } from '@slack/web-api';
import {
  StateStoreError,
  classify,
  createDeploymentThreads,
  createWebApiSender,
  parseEcsEvent,
  type DeploymentThreads,
  type StateStore,
} from '../../src/index.js';
import { deploymentScenario } from '../helpers/deployment-scenario.js';
import type { FakeMessage } from '../helpers/slack-api.js';
import { listenOnLoopback } from '../helpers/loopback.js';

/** The scenario's time zero (its first event). */
export const T0: number = Date.parse('2025-02-18T00:17:22Z');

/** A WebClient on a local API URL that fails at once instead of retrying. */
export const localClient = (url: string): WebClient =>
  new WebClient('xoxb-test-token', { slackApiUrl: url, retryConfig: { retries: 0 } });

/** A thread keeper posting through `url` to channel `C0FAKE0001`. */
export function threadsOn(url: string, store: StateStore): DeploymentThreads {
  // No retries: a failed store call reaches the threads as it would once the retries ran out.
  return createDeploymentThreads({
    sender: createWebApiSender({ client: localClient(url), channel: 'C0FAKE0001' }),
    store,
    storeRetry: false,
  });
}

/** Observes events of `deploymentScenario()`, by index, in the order given. */
export async function observeScenario(
  threads: DeploymentThreads,
  indices: readonly number[],
  now: number = T0,
): Promise<void> {
  const scenario = deploymentScenario();
  for (const i of indices) {
    const event = parseEcsEvent(scenario[i]!);
    await threads.observe(event, classify(event), now);
  }
}

/** The fields of a card as Slack shows it: `State`, `Tasks started`, `Started` (epoch s)... and `text`. */
export function cardFields(message: FakeMessage | undefined): Record<string, string> {
  const fields: Record<string, string> = { text: message?.payload.text ?? '' };
  for (const [, label, value] of JSON.stringify(message?.payload ?? {}).matchAll(/"\*([^*"]+)\*\\n([^"]*)"/g)) {
    // Dates are `<!date^EPOCH^...>`: keep the epoch seconds, to compare.
    fields[label!] = value!.match(/^<!date\^(\d+)/)?.[1] ?? value!;
  }
  return fields;
}

/** A store write, as {@link interceptedStore} sees it. */
export interface StoreCall {
  readonly op: 'put' | 'update' | 'take';
  readonly scope: string;
  readonly args: unknown;
}

/** Wraps a store so that `before` runs (and may throw, or wait) before every write reaches it. */
export function interceptedStore(store: StateStore, before: (call: StoreCall) => void | Promise<void>): StateStore {
  return {
    get: (key, now) => store.get(key, now),
    list: (scope, now) => store.list(scope, now),
    putIfHigher: (key, order, write) => store.putIfHigher(key, order, write),
    async put(key, value, options) {
      await before({ op: 'put', scope: key.scope, args: value });
      return store.put(key, value, options);
    },
    async update(key, change, options) {
      await before({ op: 'update', scope: key.scope, args: change });
      return store.update(key, change, options);
    },
    async take(key, now, expectedVersion) {
      await before({ op: 'take', scope: key.scope, args: undefined });
      return store.take(key, now, expectedVersion);
    },
  };
}

/**
 * Wraps a store so that the first `times` writes matching `when` throw a `StateStoreError`
 * without reaching the store, as DynamoDB throttling or a timeout would.
 */
export function failingStore(
  store: StateStore,
  when: (call: StoreCall) => boolean,
  times = 1,
): StateStore & { readonly failures: number } {
  let failures = 0;
  const wrapped = interceptedStore(store, (call) => {
    if (failures < times && when(call)) {
      failures++;
      throw new StateStoreError(`state store ${call.op} failed`, { operation: call.op, retryable: true });
    }
  });
  return Object.defineProperty(wrapped, 'failures', { get: () => failures }) as StateStore & {
    readonly failures: number;
  };
}

/** A `chat.update` held by {@link SlowSlackApi}. */
export interface HeldUpdate {
  /** Resolves when the held call reached the proxy. */
  readonly arrived: Promise<void>;
  /** Lets the held call through to Slack. */
  release(): void;
}

/** A proxy in front of the fake Slack API that can hold `chat.update` calls. */
export interface SlowSlackApi {
  /** Base URL for `new WebClient(token, { slackApiUrl })`, ending in `/api/`. */
  readonly url: string;
  /** Holds the next `chat.update` that goes through this proxy until `release()`. */
  holdNextUpdate(): HeldUpdate;
  /** Stops the proxy. */
  close(): Promise<void>;
}

/** Sends a request on to `target` and pipes the answer back. */
function forward(target: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const onward = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  onward.on('error', () => res.destroy());
  onward.end(body);
}

/** Starts a loopback proxy to the fake Slack API at `targetUrl` (its `url`). */
export async function startSlowSlackApi(targetUrl: string): Promise<SlowSlackApi> {
  const target = new URL(targetUrl);
  const holds: Array<{ reached: () => void; gate: Promise<void> }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hold = (req.url ?? '').includes('chat.update') ? holds.shift() : undefined;
      if (hold === undefined) return forward(target, req, Buffer.concat(chunks), res);
      hold.reached();
      void hold.gate.then(() => forward(target, req, Buffer.concat(chunks), res));
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: `${loopback.origin}${target.pathname}`,
    holdNextUpdate() {
      let reached!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (reached = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      holds.push({ reached, gate });
      return { arrived, release };
    },
    close: () => loopback.close(),
  };
}
