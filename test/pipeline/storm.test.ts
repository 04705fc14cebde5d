import { describe, expect, it } from 'vitest';
import { createWebhookSender } from '../../src/deliver/webhook.js';
import { parseEcsEvent } from '../../src/parse/index.js';
import { createPipeline } from '../../src/pipeline/index.js';
import { startScriptedServer } from '../helpers/slack-server.js';
import { runStorm, STORM_SERVICES, stormEvents } from '../helpers/storm.js';

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
    // The first service's digest waits for the others': one digest of the incident, every repeat counted.
    const digests = storm.texts.filter((text) => /more (failures|times)|once more/.test(text));
    expect(digests).toEqual([expect.stringContaining('prod: 30 services cannot pull their images, 420 more failures')]);
  });

  it('a lone service’s digest (no incident) goes out at the flush its window closes, not later', async () => {
    const start = Date.parse('2026-11-20T09:00:00Z');
    let t = start;
    const server = await startScriptedServer(() => ({ status: 200, body: 'ok' }));
    const pipeline = createPipeline({
      sender: createWebhookSender({ url: `${server.origin}/hook` }),
      filter: { preset: 'alerts' },
      silences: false,
      clock: () => t,
    });
    const lone = stormEvents().filter(({ event }) => event.detail.group === 'service:svc-00');
    for (const { event, at } of lone) {
      t = start + at;
      await pipeline.handle(parseEcsEvent(event));
    }
    t = start + 10 * 60_000;
    await pipeline.flush();
    await server.close();
    const sent = server.requests.map((r) => (JSON.parse(r.body) as { text: string }).text);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('14 more times');
  });
});
