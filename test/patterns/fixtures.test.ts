/**
 * The presets' event patterns against every fixture event and the real noise filter: nothing the
 * filter notifies (or may notify later, as a recovery) is left out, and the patterns do cut.
 */
import { describe, expect, it } from 'vitest';
import { classify, createNoiseFilter, parseEcsEvent, type FilterPreset } from '../../src/index.js';
import { eventPattern, eventPatterns } from '../../src/patterns/index.js';
import { validatePattern } from '../helpers/event-pattern.js';
import { allFixtures } from '../helpers/fixtures.js';
import { judge, selected } from './judge.js';

const PRESETS: readonly FilterPreset[] = ['alerts', 'verbose', 'none'];
const fixtures = allFixtures();

/** Per preset: how many fixture events the patterns keep and drop (in the test names). */
const figures = PRESETS.map((preset) => {
  const kept = fixtures.filter((fixture) => selected(preset, fixture.event)).length;
  return [preset, kept, fixtures.length - kept] as const;
});

describe('eventPatterns on the fixture events', () => {
  it('has over a hundred fixture events to check', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  it.each(figures)(
    '%s: keeps %i fixture events and drops %i, none the filter notifies',
    async (preset, kept, dropped) => {
      const missed: string[] = [];
      let notified = 0;
      for (const { kind, name, event: raw } of fixtures) {
        const event = parseEcsEvent(raw);
        const c = classify(event);
        // A fresh filter per event, at the event's own time: stateful rules cannot interfere.
        const decision = await createNoiseFilter({ preset }).decide(event, c, Date.parse(event.time));
        const { passes, selectedBy } = judge(preset, raw);
        const notifies = decision.action === 'notify' || decision.action === 'digest';
        if (notifies) notified += 1;
        // What the filter notifies always passes its stateless rules; passing also covers steady
        // states that `alerts` announces later, as a recovery.
        if (notifies) expect(passes, `${kind}/${name}`).toBe(true);
        if (passes && selectedBy.length === 0) missed.push(`${kind}/${name}`);
      }
      expect(missed).toEqual([]);
      expect(notified).toBeGreaterThan(0);
      expect(kept + dropped).toBe(fixtures.length);
      if (preset === 'none') expect(dropped).toBe(0);
      else expect(dropped).toBeGreaterThan(0);
    },
  );

  it.each(PRESETS)('%s: no event is selected by two patterns, and the single pattern selects the same', (preset) => {
    for (const { kind, name, event } of fixtures) {
      const { selectedBy, selectedByOne } = judge(preset, event);
      expect(selectedBy.length, `${kind}/${name}`).toBeLessThanOrEqual(1);
      expect(selectedByOne, `${kind}/${name}`).toBe(selectedBy.length === 1);
    }
  });

  it('alerts keeps every steady state: the filter announces recoveries with them', () => {
    const steady = fixtures.filter(({ event }) =>
      /STEADY_STATE$/.test(String((event.detail as Record<string, unknown>).eventName)),
    );
    expect(steady.length).toBeGreaterThanOrEqual(3);
    for (const { name, event } of steady)
      expect(judge('alerts', event), name).toMatchObject({ passes: true, selectedByOne: true });
  });

  it('alerts drops what it never notifies: transitional tasks, instance churn, desired-count updates', () => {
    const dropped = fixtures
      .filter(({ event }) => !selected('alerts', event))
      .map(({ kind, name }) => `${kind}/${name}`);
    expect(dropped).toEqual(
      expect.arrayContaining([
        'task/task-running-fargate-service-exec-enabled',
        'task/trimmed-task-provisioning-fargate-service',
        'task/synthetic-task-stopping-crash',
        'container-instance/docs-container-instance-active',
        'container-instance/synthetic-instance-draining',
        'service/synthetic-service-desired-count-updated',
        'service/synthetic-service-tasks-stopped',
      ]),
    );
  });
});

describe('the patterns themselves', () => {
  it.each(PRESETS)('%s: every pattern is one EventBridge accepts, within 2,048 characters as one rule', (preset) => {
    for (const pattern of [...eventPatterns(preset), eventPattern(preset)])
      expect(validatePattern(pattern)).toEqual([]);
    expect(JSON.stringify(eventPattern(preset), null, 2).length).toBeLessThanOrEqual(2048);
  });

  it('gives the documented patterns for each preset', () => {
    const task = {
      source: ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      detail: {
        $or: [
          { lastStatus: ['STOPPED', 'DELETED'] },
          { stopCode: ['SpotInterruption', 'TerminationNotice'] },
          {
            stoppedReason: [{ wildcard: '*Your Spot Task was interrupted*' }, { wildcard: '*SpotInterruptionError*' }],
          },
        ],
      },
    };
    const instance = (statuses: string[]) => ({
      source: ['aws.ecs'],
      'detail-type': ['ECS Container Instance State Change'],
      detail: { $or: [{ status: statuses }, { agentUpdateStatus: ['FAILED'] }, { agentConnected: [false] }] },
    });
    expect(eventPatterns('alerts')).toEqual([
      task,
      {
        source: ['aws.ecs'],
        'detail-type': ['ECS Service Action'],
        detail: { eventName: [{ 'anything-but': ['SERVICE_DESIRED_COUNT_UPDATED', 'TASKS_STOPPED'] }] },
      },
      { source: ['aws.ecs'], 'detail-type': ['ECS Deployment State Change'] },
      instance(['REGISTRATION_FAILED']),
    ]);
    expect(eventPatterns('verbose')).toEqual([
      task,
      {
        source: ['aws.ecs'],
        'detail-type': [{ 'anything-but': ['ECS Task State Change', 'ECS Container Instance State Change'] }],
      },
      instance(['REGISTRATION_FAILED', 'DEREGISTERING', 'INACTIVE', 'DRAINING', 'REGISTERING']),
    ]);
    expect(eventPatterns('none')).toEqual([{ source: ['aws.ecs'] }]);
    expect(eventPattern('none')).toEqual({ source: ['aws.ecs'] });
    expect(eventPatterns()).toEqual(eventPatterns('alerts'));
  });

  it('joins the patterns with a top-level $or for one rule', () => {
    const list = eventPatterns('alerts');
    expect(eventPattern({ preset: 'alerts' })).toEqual({
      source: ['aws.ecs'],
      $or: list.map(({ source, ...rest }) => rest),
    });
  });

  it('returns fresh objects: changing one result changes no other', () => {
    const first = eventPatterns('alerts');
    (first[0]!.detail!.$or as Array<Record<string, unknown>>).push({ lastStatus: ['RUNNING'] });
    first[0]!.source.push('aws.ec2');
    expect(eventPatterns('alerts')[0]).toEqual(eventPatterns('alerts')[0]);
    expect(eventPatterns('alerts')[0]!.source).toEqual(['aws.ecs']);
  });

  it('rejects an unknown preset, and options that notify nothing have no single pattern', () => {
    expect(() => eventPatterns('loud' as FilterPreset)).toThrow(RangeError);
    expect(eventPatterns({ clusters: { include: [] } })).toEqual([]);
    expect(() => eventPattern({ clusters: { include: [] } })).toThrow(/notify no event/);
  });
});
