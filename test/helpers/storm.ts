/**
 * The registry-outage storm behind the grouping test and the `stormMessages` benchmark: 30
 * services of one cluster fail to pull their images at once, 15 failed tasks each over 6 minutes
 * plus one SERVICE_TASK_START_IMPAIRED each, through the `alerts` preset to a real loopback
 * webhook limited as Slack is (about 1 message/s with a short burst, then 429 with Retry-After).
 * Time is simulated: one clock drives the pipeline, the pacer, the sender's waits and the server.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from './loopback.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events');
const load = (path: string): Record<string, any> => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The cluster of the storm. */
export const STORM_CLUSTER = 'prod';
/** The services that fail. */
export const STORM_SERVICES: readonly string[] = Array.from(
  { length: 30 },
  (_, i) => `svc-${String(i).padStart(2, '0')}`,
);

/** One delivery: the raw event and when it arrives (ms after the storm began). */
export interface StormDelivery {
  readonly event: Record<string, any>;
  readonly at: number;
}

/** The storm's events, in arrival order: 450 failed tasks and 30 START_IMPAIRED in 6 minutes. */
export function stormEvents(): StormDelivery[] {
  const pull = load('task/synthetic-task-pull-not-found.json');
  const impaired = load('service/service-task-start-impaired.json');
  const start = Date.parse('2026-11-20T09:00:00Z');
  const account = pull.account as string;
  const region = pull.region as string;
  const clusterArn = `arn:aws:ecs:${region}:${account}:cluster/${STORM_CLUSTER}`;
  const out: StormDelivery[] = [];
  STORM_SERVICES.forEach((service, s) => {
    for (let k = 0; k < 15; k++) {
      const at = s * 500 + k * 24_000; // all 30 fail within 15 s, then every 24 s for 6 minutes
      const taskArn = `arn:aws:ecs:${region}:${account}:task/${STORM_CLUSTER}/${hex(s, 8)}${hex(k, 24)}`;
      const event = structuredClone(pull);
      event.id = `5707e000-0000-4000-8000-${hex(s * 100 + k, 12)}`;
      event.time = new Date(start + at).toISOString();
      event.resources = [taskArn];
      event.detail.clusterArn = clusterArn;
      event.detail.taskArn = taskArn;
      event.detail.group = `service:${service}`;
      event.detail.updatedAt = event.time;
      event.detail.stoppedAt = event.time;
      for (const container of event.detail.containers ?? []) container.taskArn = taskArn;
      out.push({ event, at });
    }
    const event = structuredClone(impaired);
    const at = 90_000 + s * 1000; // ECS gives up starting tasks after a few failures
    event.id = `5707e000-1111-4000-8000-${hex(s, 12)}`;
    event.account = account;
    event.region = region;
    event.time = new Date(start + at).toISOString();
    event.resources = [`arn:aws:ecs:${region}:${account}:service/${STORM_CLUSTER}/${service}`];
    event.detail.clusterArn = clusterArn;
    event.detail.createdAt = event.time;
    out.push({ event, at });
  });
  return out.sort((a, b) => a.at - b.at);
}

/** A loopback webhook limited as Slack is, on a simulated clock. */
export interface SlackLikeWebhook {
  readonly url: string;
  /** Bodies of the messages it accepted, in order, with when (simulated ms). */
  readonly accepted: Array<{ readonly body: string; readonly at: number }>;
  /** Requests refused with 429. */
  readonly refused: () => number;
  close(): Promise<void>;
}

/** Starts the webhook: `perSecond` messages a second after a `burst`, else 429 with Retry-After. */
export async function startSlackLikeWebhook(options: {
  readonly now: () => number;
  readonly perSecond?: number;
  readonly burst?: number;
}): Promise<SlackLikeWebhook> {
  const perSecond = options.perSecond ?? 1;
  const burst = options.burst ?? 3;
  let tokens = burst;
  let last = options.now();
  let refused = 0;
  const accepted: Array<{ body: string; at: number }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = options.now();
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) {
        refused += 1;
        const wait = Math.ceil((1 - tokens) / perSecond);
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': String(wait) });
        res.end('rate_limited');
        return;
      }
      tokens -= 1;
      accepted.push({ body: Buffer.concat(chunks).toString('utf8'), at: now });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: `${loopback.origin}/services/T000/B000/storm`,
    accepted,
    refused: () => refused,
    close: loopback.close,
  };
}

/** What ecs-slack the storm runs on: the source in tests, the built package in the benchmark. */
export interface StormLibrary {
  createPipeline(options: any): {
    handle(event: any): Promise<{ readonly status: string }>;
    flush(): Promise<ReadonlyArray<{ readonly status: string }>>;
  };
  createWebhookSender(options: { url: string; now: () => number; sleep: (ms: number) => Promise<void> }): unknown;
  parseEcsEvent(input: unknown): unknown;
}

/** What the storm gave. */
export interface StormResult {
  readonly messages: number;
  readonly refused: number;
  readonly texts: string[];
  /** Services of the storm that no posted message names. */
  readonly unnamed: string[];
  /** Events (or flushed messages) that failed or were deferred: lost unless retried. */
  readonly notDelivered: number;
  readonly firstAlertSeconds: number;
  readonly lastMessageSeconds: number;
}

/**
 * Runs the storm through `createPipeline` with the `alerts` preset and the defaults (grouping and
 * pacing on; the pace on the simulated clock), a
 * flush every `flushEverySeconds` of simulated time (the Lambda handler's default is 60), and
 * flushes until every fold window has closed.
 */
export async function runStorm(lib: StormLibrary, flushEverySeconds = 60): Promise<StormResult> {
  const start = Date.parse('2026-11-20T09:00:00Z');
  let t = start;
  const now = () => t;
  const sleep = async (ms: number) => {
    t += ms;
  };
  const slack = await startSlackLikeWebhook({ now });
  let notDelivered = 0;
  try {
    const pipeline = lib.createPipeline({
      sender: lib.createWebhookSender({ url: slack.url, now, sleep }),
      filter: { preset: 'alerts' },
      // The defaults (grouping and pacing on), the pace only on the simulated clock.
      pace: { now, sleep },
      silences: false,
      clock: now,
      logger: () => undefined,
    });
    let nextFlush = start + flushEverySeconds * 1000;
    const flushUntil = async (until: number) => {
      while (nextFlush <= until) {
        t = Math.max(t, nextFlush);
        for (const r of await pipeline.flush()) if (r.status === 'failed' || r.status === 'deferred') notDelivered++;
        nextFlush += flushEverySeconds * 1000;
      }
    };
    const events = stormEvents();
    for (const { event, at } of events) {
      await flushUntil(start + at);
      t = Math.max(t, start + at);
      const result = await pipeline.handle(lib.parseEcsEvent(event));
      if (result.status === 'failed' || result.status === 'deferred') notDelivered++;
    }
    // The scheduled flush goes on until every fold window (10 minutes) has closed.
    await flushUntil(start + events.at(-1)!.at + 11 * 60_000);
  } finally {
    await slack.close();
  }
  const texts = slack.accepted.map((m) => (JSON.parse(m.body) as { text: string }).text);
  const bodies = slack.accepted.map((m) => m.body).join('\n');
  return {
    messages: slack.accepted.length,
    refused: slack.refused(),
    texts,
    unnamed: STORM_SERVICES.filter((service) => !bodies.includes(service)),
    notDelivered,
    firstAlertSeconds: slack.accepted.length === 0 ? Number.NaN : (slack.accepted[0]!.at - start) / 1000,
    lastMessageSeconds: slack.accepted.length === 0 ? Number.NaN : (slack.accepted.at(-1)!.at - start) / 1000,
  };
}
