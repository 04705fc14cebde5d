import { describe, expect, it } from 'vitest';
import {
  DeliveryError,
  EcsSlackError,
  ParseError,
  safeParseEcsEvent,
  StateStoreError,
  isEcsSlackError,
  isParseError,
  isStateStoreError,
} from '../src/index.js';
import { expectNoSecret } from './helpers/delivery-errors.js';

describe('error guards', () => {
  it('match instances', () => {
    const error = new ParseError('detail.lastStatus: expected string', { path: 'detail.lastStatus', recordId: 'm-1' });
    expect(isParseError(error)).toBe(true);
    expect(isEcsSlackError(error)).toBe(true);
    expect(error).toBeInstanceOf(EcsSlackError);
    expect(error).toBeInstanceOf(Error);
    expect([error.path, error.recordId, error.name]).toEqual(['detail.lastStatus', 'm-1', 'ParseError']);
  });

  it('match errors from another copy of the package by name', () => {
    const foreign = Object.assign(new Error('x'), { name: 'ParseError' });
    expect(isParseError(foreign)).toBe(true);
    expect(isEcsSlackError(foreign)).toBe(true);
  });

  it('reject anything else', () => {
    for (const value of [new Error('x'), new TypeError('x'), null, undefined, 'ParseError', { name: 42 }]) {
      expect(isParseError(value)).toBe(false);
      expect(isEcsSlackError(value)).toBe(false);
    }
  });

  it('keep a cause only when given one', () => {
    expect('cause' in new EcsSlackError('x')).toBe(false);
    const cause = new Error('inner');
    expect(new EcsSlackError('x', { cause }).cause).toBe(cause);
  });

  it('recognise a StateStoreError, also by name, with its operation and retryability', () => {
    const cause = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const error = new StateStoreError('DynamoDB UpdateItem on table t failed', {
      operation: 'UpdateItem',
      retryable: true,
      cause,
    });
    expect([isStateStoreError(error), isEcsSlackError(error), isParseError(error)]).toEqual([true, true, false]);
    expect([error.name, error.operation, error.retryable, error.cause]).toEqual([
      'StateStoreError',
      'UpdateItem',
      true,
      cause,
    ]);
    expect(new StateStoreError('x')).toMatchObject({ operation: '', retryable: false });
    const foreign = Object.assign(new Error('x'), { name: 'StateStoreError' });
    expect([isStateStoreError(foreign), isEcsSlackError(foreign)]).toEqual([true, true]);
    expect(isStateStoreError(new ParseError('x'))).toBe(false);
  });

  it('redact anything shaped like a webhook or a token, whatever the message quotes', () => {
    const error = new DeliveryError(
      'Slack said: no hook at /services/T0SECRET/B0SECRET/x; token xoxb-1-2-SECRET; Bearer SECRET',
    );
    expect(error.message).toBe('Slack said: no hook at [webhook path]; token [token]; Bearer [token]');
    expectNoSecret(error, ['SECRET']);
    const parsed = safeParseEcsEvent({
      source: 'hooks.slack.com/services/T0/B0/SECRET',
      'detail-type': 'x',
      detail: {},
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toBe('not an Amazon ECS event: source is "[webhook]" (expected "aws.ecs")');
  });
});
