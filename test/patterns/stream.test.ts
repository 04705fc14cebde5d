/**
 * The patterns change which events reach the Lambda, never which messages it sends: the filter
 * keeps no state for an event its stateless rules suppress, so leaving those events out at the
 * source leaves every decision on the others as it was.
 */
import { describe, expect, it } from 'vitest';
import { classify, createNoiseFilter, parseEcsEvent, type Decision, type FilterPreset } from '../../src/index.js';
import { crashLoop, type Delivery } from '../helpers/crash-loop.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';
import { selected } from './judge.js';

/** A crash loop, its recovery, and every fixture event at its own time. */
function stream(): Delivery[] {
  const loop = crashLoop(200, 600, 20);
  const last = loop[loop.length - 1]!;
  const steady = loadFixture('service', 'docs-service-steady-state');
  const crash = last.event;
  steady.resources = [
    `arn:aws:ecs:eu-central-1:111111111111:service/test/${String(crash.detail.group).slice('service:'.length)}`,
  ];
  (steady.detail as Record<string, unknown>).clusterArn = crash.detail.clusterArn;
  // Trimmed fixtures have no envelope time; the parser derives one (or none: then first).
  const fixtures = allFixtures().map(({ event }) => ({ event, now: Date.parse(parseEcsEvent(event).time) || 0 }));
  return [...loop, { event: steady, now: last.now + 60_000 }, ...fixtures].sort((a, b) => a.now - b.now);
}

/** What a Lambda would send for these deliveries, one line per message. */
async function messages(preset: FilterPreset, deliveries: readonly Delivery[]): Promise<string[]> {
  const filter = createNoiseFilter({ preset });
  const out: string[] = [];
  const send = async (decision: Decision, now: number, id: string) => {
    if (decision.action === 'notify')
      out.push(`${id} ${decision.classification.outcome}${decision.recovery ? ' (recovery)' : ''}`);
    else if (decision.action === 'digest') out.push(`${id} digest of ${decision.digest.count}`);
    else return;
    await filter.commit(decision, now);
  };
  let now = 0;
  for (const { event: raw, now: at } of deliveries) {
    now = at;
    const event = parseEcsEvent(raw);
    await send(await filter.decide(event, classify(event), now), now, event.id);
  }
  for (const digest of await filter.flush(now + 3_600_000)) await send(digest, now, 'flush');
  return out;
}

describe('the Slack messages with and without the patterns', () => {
  const deliveries = stream();

  it.each(['alerts', 'verbose', 'none'] as const)('%s: the same messages, from fewer invocations', async (preset) => {
    const kept = deliveries.filter(({ event }) => selected(preset, event));
    const all = await messages(preset, deliveries);
    expect(await messages(preset, kept)).toEqual(all);
    expect(all.some((line) => line.endsWith('(recovery)'))).toBe(preset === 'alerts' || preset === 'verbose');
    if (preset !== 'none') expect(kept.length).toBeLessThan(deliveries.length);
  });
});
