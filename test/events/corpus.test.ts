import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES } from '../../src/schemas.js';
import { parseEcsEvent, safeParseEcsEvent } from '../../src/index.js';
import { allFixtures } from '../helpers/fixtures.js';

const fixtures = allFixtures();
const real = fixtures.filter((fixture) => !fixture.name.startsWith('synthetic-'));

describe('the corpus of real ECS events', () => {
  it('has every kind represented', () => {
    expect(new Set(real.map((fixture) => fixture.kind))).toEqual(
      new Set(['task', 'service', 'deployment', 'container-instance']),
    );
    expect(real.length).toBeGreaterThanOrEqual(28);
  });

  it.each(fixtures.map((fixture) => [`${fixture.kind}/${fixture.name}`, fixture] as const))(
    '%s parses to its kind',
    (_, fixture) => {
      const event = parseEcsEvent(fixture.event);
      expect(event.kind).toBe(fixture.kind);
      expect(event['detail-type']).toBe(DETAIL_TYPES[fixture.kind]);
      expect(event.source).toBe('aws.ecs');
    },
  );

  it.each(
    real.filter((fixture) => !fixture.name.startsWith('trimmed-')).map((fixture) => [fixture.name, fixture] as const),
  )('%s keeps every published field, unknown ones included', (_, fixture) => {
    const event = parseEcsEvent(fixture.event);
    const { kind, ...rest } = event;
    expect(kind).toBe(fixture.kind);
    expect(rest).toEqual(fixture.event);
  });
});

describe('trimmed events (envelope fields removed by their publisher)', () => {
  const trimmed = real.filter((fixture) => fixture.name.startsWith('trimmed-'));

  it('are three in the corpus', () => {
    expect(trimmed.map((fixture) => fixture.name)).toHaveLength(3);
  });

  it.each(trimmed.map((fixture) => [fixture.name, fixture] as const))(
    '%s parses with the envelope completed from the event itself',
    (_, fixture) => {
      const result = safeParseEcsEvent(fixture.event);
      expect(result.success).toBe(true);
      const event = result.data!;
      const resource = (fixture.event.resources as string[])[0]!;
      expect(event.version).toBe('0');
      expect(event.account).toBe('025066242351');
      expect(event.region).toBe('us-west-2');
      expect(event.resources).toEqual([resource]);
      expect(event.id).toMatch(/^derived-[0-9a-f]{16}$/);
      const detail = fixture.event.detail as Record<string, string>;
      expect(event.time).toBe(detail.updatedAt ?? detail.createdAt ?? '');
    },
  );

  it('derives the same id for the same event, and another for another', () => {
    const [a, b] = trimmed;
    expect(parseEcsEvent(a!.event).id).toBe(parseEcsEvent(structuredClone(a!.event)).id);
    expect(parseEcsEvent(a!.event).id).not.toBe(parseEcsEvent(b!.event).id);
  });

  it('fills the task ARN of a trimmed task event from resources[0]', () => {
    const fixture = trimmed.find((f) => f.kind === 'task')!;
    const event = parseEcsEvent(fixture.event);
    expect(event.kind === 'task' && event.detail.taskArn).toBe((fixture.event.resources as string[])[0]);
  });

  it('leaves time empty (unknown) when the event has no time at all', () => {
    const fixture = trimmed.find((f) => f.kind === 'task')!;
    expect(parseEcsEvent(fixture.event).time).toBe('');
  });

  it('validates envelope fields that are present', () => {
    const fixture = structuredClone(trimmed.find((f) => f.kind === 'service')!);
    fixture.event.time = 1_700_000_000;
    expect(safeParseEcsEvent(fixture.event).error?.message).toBe('time: expected string, received number');
  });
});
