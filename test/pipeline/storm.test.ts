import { describe, expect, it } from 'vitest';
import { createWebhookSender } from '../../src/deliver/webhook.js';
import { parseEcsEvent } from '../../src/parse/index.js';
import { createPipeline } from '../../src/pipeline/index.js';
import { runStorm, STORM_SERVICES } from '../helpers/storm.js';

describe('a registry outage across one cluster (30 services, 480 events, 6 minutes)', () => {
  it('reads as one incident: at most 6 messages naming every service, no 429, nothing lost', async () => {
    const storm = await runStorm({ createPipeline, createWebhookSender, parseEcsEvent });
    expect(storm.messages).toBeLessThanOrEqual(6);
    expect(storm.refused).toBe(0);
    expect(storm.unnamed).toEqual([]);
    expect(storm.notDelivered).toBe(0);
    expect(STORM_SERVICES).toHaveLength(30);
    // The first alert goes out at once; the grouped message names the other 29 and the cause.
    expect(storm.firstAlertSeconds).toBeLessThan(1);
    expect(storm.texts.some((text) => text.includes('29 more services cannot pull their images'))).toBe(true);
    expect(storm.texts.some((text) => text.includes('CannotPullContainerError'))).toBe(true);
  });
});
