/**
 * Eight writers fold 500 crash events each (4,000 events, 25 incidents) into one DynamoDB table
 * (dynalite) through a proxy that throttles a share of the requests, as concurrent Lambdas
 * would. An event whose handling failed or was deferred is delivered again 60 s later (Lambda's
 * async retry, or SQS after its visibility timeout), at most until it settles. Returns what
 * went out and how many deliveries each event needed, so a test (or a measurement) can check
 * that nothing was lost.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { classify, createNoiseFilter, parseEcsEvent, type Decision, type NoiseFilterOptions } from '../../src/index.js';
import { loadFixture } from './fixtures.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');

/** The race's shape. */
export interface RaceOptions {
  readonly writers: number;
  readonly eventsPerWriter: number;
  readonly incidents: number;
  /** Simulated time between consecutive events, in ms (the fold window is 600 s). */
  readonly spacingMs: number;
  /** One client per writer, talking to the throttling proxy. */
  readonly clients: readonly DynamoDBClient[];
  /** A client that is never throttled, for the final flush. */
  readonly flushClient: DynamoDBClient;
  readonly tableName: string;
  /** Filter options beside the store (retry policy, budget). */
  readonly filter?: NoiseFilterOptions;
  /** Deliveries of one event before the race gives up on it; default 5. */
  readonly maxDeliveries?: number;
}

/** What the race produced. */
export interface RaceResult {
  /** First alerts per incident. */
  readonly alerts: readonly number[];
  /** Repeats reported in digests per incident, during the race and by the final flush. */
  readonly digested: readonly number[];
  /** Events per incident. */
  readonly events: readonly number[];
  /** Deliveries each event needed before it settled (sent or suppressed). */
  readonly deliveries: readonly number[];
  /** Deliveries that failed with an error, and that were deferred. */
  readonly failed: number;
  readonly deferred: number;
  /** Events never settled within `maxDeliveries` (sent to the dead-letter queue). */
  readonly dropped: number;
}

const CRASH = JSON.stringify(loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143'));

function crashOf(service: number, index: number) {
  const raw = JSON.parse(CRASH);
  raw.id = `race-${index}`;
  raw.detail.group = `service:svc-${service}`;
  raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(index).padStart(32, '0')}`;
  raw.resources = [raw.detail.taskArn];
  return parseEcsEvent(raw);
}

/** Runs the race; see the module comment. */
export async function throttledRace(options: RaceOptions): Promise<RaceResult> {
  const total = options.writers * options.eventsPerWriter;
  const maxDeliveries = options.maxDeliveries ?? 5;
  const incidentOf = (k: number) => k % options.incidents;
  const events = Array.from(
    { length: options.incidents },
    (_, i) => Math.floor(total / options.incidents) + (i < total % options.incidents ? 1 : 0),
  );
  const alerts = new Array<number>(options.incidents).fill(0);
  const digested = new Array<number>(options.incidents).fill(0);
  const deliveries = new Array<number>(total).fill(0);
  let failed = 0;
  let deferred = 0;
  let dropped = 0;
  const serviceIndex = (service: string | undefined) => Number((service ?? '').replace('svc-', ''));

  const writer = async (w: number) => {
    const store = new DynamoDbStateStore({ client: options.clients[w]!, tableName: options.tableName });
    const filter = createNoiseFilter({ ...options.filter, store, foldWindowSeconds: 600 });
    const queue: Array<{ k: number; now: number }> = [];
    for (let k = w; k < total; k += options.writers) queue.push({ k, now: T0 + k * options.spacingMs });
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { k, now } = next;
      deliveries[k]!++;
      const event = crashOf(incidentOf(k), k);
      const c = classify(event);
      const again = () => {
        if (deliveries[k]! < maxDeliveries) queue.push({ k, now: now + 60_000 });
        else dropped++;
      };
      let decision: Decision;
      try {
        decision = await filter.decide(event, c, now);
      } catch {
        failed++;
        again();
        continue;
      }
      if (decision.action === 'defer') {
        deferred++;
        again();
        continue;
      }
      if (decision.action === 'suppress') continue;
      const incident = serviceIndex(
        decision.action === 'digest' ? decision.digest.latest.classification.identity.service : c.identity.service,
      );
      if (decision.action === 'notify') alerts[incident]!++;
      else digested[incident]! += decision.digest.count;
      // Delivered: never released, whether or not the commit goes through.
      await filter.commit(decision, now).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  const flusher = createNoiseFilter({
    store: new DynamoDbStateStore({ client: options.flushClient, tableName: options.tableName }),
    foldWindowSeconds: 600,
  });
  for (const decision of await flusher.flush(T0 + total * options.spacingMs + 3_600_000)) {
    digested[serviceIndex(decision.digest.latest.classification.identity.service)]! += decision.digest.count;
    await flusher.commit(decision, T0);
  }
  return { alerts, digested, events, deliveries, failed, deferred, dropped };
}
