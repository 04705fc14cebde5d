/**
 * Options of the wrong shape, as plain JavaScript or a JSON configuration may pass them: a clear
 * error naming the option, never a TypeError from deep inside or a pattern that selects nothing.
 */
import { describe, expect, it } from 'vitest';
import { eventPattern, eventPatterns } from '../../src/patterns/index.js';

const call = (options: unknown) => () => eventPattern(options as never);

describe('eventPattern and eventPatterns options', () => {
  it('names a value that is neither a preset nor options', () => {
    expect(call(null)).toThrow(new TypeError('eventPattern: expected a preset name or filter options, got null'));
    expect(() => eventPatterns(42 as never)).toThrow(
      new TypeError('eventPatterns: expected a preset name or filter options, got number'),
    );
    expect(call(['alerts'])).toThrow(TypeError);
  });

  it('names an option of the wrong type', () => {
    expect(call({ clusters: { include: 'prod' } })).toThrow(
      new TypeError('eventPattern: options.clusters.include must be an array of cluster names, got string'),
    );
    expect(call({ services: ['api'] })).toThrow(
      /^eventPattern: options\.services must be an object with include and exclude lists, got an array$/,
    );
    expect(call({ kinds: 'task' })).toThrow(/^eventPattern: options\.kinds must be an array of task, service/);
    expect(call({ notifyOutcomes: 'deployment-failed' })).toThrow(
      /options\.notifyOutcomes must be an array of outcomes, got string$/,
    );
    expect(call({ suppressTransitional: 'yes' })).toThrow(
      /options\.suppressTransitional must be a boolean, got string$/,
    );
  });

  it('rejects an unknown severity or steady-state mode instead of selecting nothing', () => {
    expect(call({ minSeverity: 'bogus' })).toThrow(
      new RangeError('eventPattern: options.minSeverity must be "info", "success", "warning", "error"'),
    );
    expect(call({ steadyStates: 'some' })).toThrow(
      /^eventPattern: options\.steadyStates must be "recovery", "changes", "all"$/,
    );
  });

  it('rejects an empty cluster or service name, and an ARN where the name belongs', () => {
    expect(call({ clusters: { include: [''] } })).toThrow(
      new RangeError('eventPattern: options.clusters.include: a cluster name cannot be empty'),
    );
    expect(call({ clusters: { include: ['arn:aws:ecs:us-east-1:111122223333:cluster/prod'] } })).toThrow(
      new RangeError('eventPattern: options.clusters.include: give the cluster name ("prod"), not its ARN'),
    );
    expect(call({ services: { exclude: ['arn:aws:ecs:us-east-1:111122223333:service/prod/api'] } })).toThrow(
      /options\.services\.exclude: give the service name \("api"\), not its ARN$/,
    );
    expect(call({ clusters: { include: ['arn:aws:s3:::bucket'] } })).toThrow(/give the cluster name, not an ARN$/);
  });

  it('still takes every valid shape', () => {
    expect(eventPattern()).toEqual(eventPattern('alerts'));
    expect(eventPattern(undefined)).toEqual(eventPattern({}));
    expect(() =>
      eventPattern({
        preset: 'alerts',
        clusters: { include: ['prod', 'stage-*'], exclude: ['stage-old'] },
        minSeverity: 'error',
        kinds: ['task'],
      }),
    ).not.toThrow();
  });
});
