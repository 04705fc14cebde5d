/**
 * DynamoDB throttling 5% of all requests while 8 writers fold 500 crash events each (dynalite
 * behind a loopback proxy that answers ProvisionedThroughputExceededException, real SDK
 * clients without their own retries, so the filter's retries are what is tested): one first
 * alert per incident, every event counted once in a digest, none deferred past one redelivery.
 */
import { describe, expect, it } from 'vitest';
import { localClient } from '../helpers/dynalite.js';
import { startThrottledDynalite } from '../helpers/throttled-dynalite.js';
import { throttledRace } from '../helpers/throttled-race.js';

const WRITERS = 8;
const EVENTS_PER_WRITER = 500;
const INCIDENTS = 25;

describe('5% of DynamoDB requests throttled, 8 writers x 500 events', () => {
  // About 21,000 DynamoDB requests through the real SDK: the slowest test, given a long timeout.
  it('one first alert per incident, digests count every event once, nothing deferred past one redelivery', async () => {
    const table = await startThrottledDynalite(0.05, 7);
    const clients = Array.from({ length: WRITERS }, () => localClient(table.endpoint));
    try {
      const result = await throttledRace({
        writers: WRITERS,
        eventsPerWriter: EVENTS_PER_WRITER,
        incidents: INCIDENTS,
        spacingMs: 300,
        clients,
        flushClient: table.client,
        tableName: table.tableName,
      });
      const { requests, throttled } = await table.stats();
      expect(throttled / requests).toBeGreaterThan(0.04);
      expect(result.alerts).toEqual(new Array(INCIDENTS).fill(1));
      expect(result.digested.map((count, i) => count + result.alerts[i]!)).toEqual(result.events);
      expect(result.events.reduce((sum, n) => sum + n, 0)).toBe(WRITERS * EVENTS_PER_WRITER);
      expect(result.dropped).toBe(0);
      // Whatever failed (every retry of a store call throttled) was settled by its first redelivery.
      expect(Math.max(...result.deliveries)).toBeLessThanOrEqual(2);
      expect(result.deferred).toBe(0);
    } finally {
      for (const client of clients) client.destroy();
      await table.close();
    }
  }, 300_000);
});
