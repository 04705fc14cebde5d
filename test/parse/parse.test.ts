import { describe, expect, it } from 'vitest';
import {
  ParseError,
  classify,
  isEcsSlackError,
  isParseError,
  parseEcsEvent,
  parseEcsEvents,
  renderMessage,
  safeParseEcsEvent,
} from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { EventIssues } from '../../src/events/explain.js';

const stopped = (): Record<string, any> =>
  loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar');

/** Applies a one-field change to a real event and returns the parse error message. */
function messageAfter(change: (event: Record<string, any>) => void, base = stopped()): string | undefined {
  change(base);
  const result = safeParseEcsEvent(base);
  return result.success ? undefined : result.error.message;
}

describe('negative cases built from real events', () => {
  it.each([
    [
      'detail.lastStatus removed',
      (e: any) => delete e.detail.lastStatus,
      'detail.lastStatus: expected string, but it is missing',
    ],
    [
      'detail.lastStatus a number',
      (e: any) => (e.detail.lastStatus = 3),
      'detail.lastStatus: expected string, received number',
    ],
    [
      'detail.clusterArn null',
      (e: any) => (e.detail.clusterArn = null),
      'detail.clusterArn: expected string, received null',
    ],
    [
      'detail.containers an object',
      (e: any) => (e.detail.containers = {}),
      'detail.containers: expected array, received object',
    ],
    [
      'a container without name',
      (e: any) => delete e.detail.containers[1].name,
      'detail.containers[1].name: expected string, but it is missing',
    ],
    [
      'exitCode as a string',
      (e: any) => (e.detail.containers[0].exitCode = '137'),
      'detail.containers[0].exitCode: expected number, received string',
    ],
    ['version as a string', (e: any) => (e.detail.version = '7'), 'detail.version: expected number, received string'],
    [
      'attachment details not an array',
      (e: any) => (e.detail.attachments[0].details = 'x'),
      'detail.attachments[0].details: expected array, received string',
    ],
    ['resources a string', (e: any) => (e.resources = 'arn:aws:ecs:...'), 'resources: expected array, received string'],
    ['detail removed', (e: any) => delete e.detail, 'detail: expected object, but it is missing'],
    ['detail-type a number', (e: any) => (e['detail-type'] = 1), 'detail-type: expected string, received number'],
  ])('%s', (_, change, expected) => {
    expect(messageAfter(change)).toBe(expected);
  });

  it('names the first problem and counts the others on one line', () => {
    const message = messageAfter((e) => {
      delete e.detail.lastStatus;
      delete e.detail.desiredStatus;
      e.detail.version = 'x';
    });
    expect(message).toMatch(/^detail\.lastStatus: expected string, but it is missing \(and 2 more\)$/);
    expect(message).not.toContain('\n');
  });

  it('service, deployment and container-instance fields are checked too', () => {
    expect(messageAfter((e) => delete e.detail.eventName, loadFixture('service', 'docs-service-steady-state'))).toBe(
      'detail.eventName: expected string, but it is missing',
    );
    expect(messageAfter((e) => delete e.detail.deploymentId, loadFixture('deployment', 'docs-deployment-failed'))).toBe(
      'detail.deploymentId: expected string, but it is missing',
    );
    expect(
      messageAfter(
        (e) => (e.detail.agentConnected = 'yes'),
        loadFixture('container-instance', 'docs-container-instance-active'),
      ),
    ).toBe('detail.agentConnected: expected boolean, received string');
  });
});

describe('ParseError', () => {
  it('keeps every issue in its cause, the path, and is recognised by the guards', () => {
    const event = stopped();
    event.detail.lastStatus = 3;
    let caught: unknown;
    try {
      parseEcsEvent(event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ParseError);
    const error = caught as ParseError;
    expect(error.name).toBe('ParseError');
    expect(error.path).toBe('detail.lastStatus');
    expect(error.cause).toBeInstanceOf(EventIssues);
    expect((error.cause as EventIssues).issues[0]).toMatchObject({
      code: 'invalid_type',
      path: ['detail', 'lastStatus'],
      expected: 'string',
    });
    expect(isParseError(error)).toBe(true);
    expect(isEcsSlackError(error)).toBe(true);
  });

  it('never echoes event values in the message', () => {
    const event = stopped();
    event.detail.lastStatus = { secret: 'hunter2-token' };
    const result = safeParseEcsEvent(event);
    expect(result.error?.message).toBe('detail.lastStatus: expected string, received object');
    expect(result.error?.message).not.toContain('hunter2');
  });
});

describe('derived ids', () => {
  it('derives the id of an event whose id is empty, as for one without an id', () => {
    const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
    const { id: _id, ...withoutId } = raw;
    const derived = parseEcsEvent(withoutId).id;
    expect(derived).toMatch(/^derived-[0-9a-f]{16}$/);
    expect(parseEcsEvent({ ...raw, id: '' }).id).toBe(derived);
  });
});

describe('kinds and forward compatibility', () => {
  it('returns another aws.ecs detail-type as kind unknown with its raw detail', () => {
    const event = {
      version: '0',
      id: 'b0e4ff2e-8a91-4b8e-9f5c-2f5f3d1b0c11',
      'detail-type': 'ECS Container Instance Health Change',
      source: 'aws.ecs',
      account: '111122223333',
      time: '2025-01-01T00:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:ecs:us-east-1:111122223333:container-instance/default/abc'],
      detail: { overallStatus: 'IMPAIRED', capacityProviderName: null },
    };
    const parsed = parseEcsEvent(event);
    expect(parsed.kind).toBe('unknown');
    expect(parsed.detail).toEqual({ overallStatus: 'IMPAIRED', capacityProviderName: null });
  });

  it('rejects an event from another source, saying so', () => {
    const event = stopped();
    event.source = 'aws.ec2';
    expect(messageAfter(() => undefined, event)).toBe(
      'not an Amazon ECS event: source is "aws.ec2" (expected "aws.ecs")',
    );
    delete event.source;
    expect(messageAfter(() => undefined, event)).toBe(
      'not an Amazon ECS event: source is missing (expected "aws.ecs")',
    );
  });

  it.each([
    [null, 'null'],
    [[1, 2], 'array'],
    ['text', 'string'],
    [42, 'number'],
  ])('rejects %j as input', (input, type) => {
    expect(safeParseEcsEvent(input).error?.message).toBe(`expected an EventBridge event object, received ${type}`);
  });

  it('parses status, stop-code and event-name values AWS may add later', () => {
    const event = stopped();
    event.detail.lastStatus = 'HIBERNATING';
    event.detail.stopCode = 'QuantumDecoherence';
    event.detail.launchType = 'MANAGED_INSTANCES';
    const parsed = parseEcsEvent(event);
    expect(parsed.kind === 'task' && [parsed.detail.lastStatus, parsed.detail.stopCode]).toEqual([
      'HIBERNATING',
      'QuantumDecoherence',
    ]);
    const service = loadFixture('service', 'docs-service-steady-state') as Record<string, any>;
    service.detail.eventName = 'SERVICE_SOMETHING_NEW';
    service.detail.eventType = 'NOTICE';
    expect(parseEcsEvent(service).kind).toBe('service');
  });

  it('keeps unknown fields at every level', () => {
    const event = stopped();
    event.brandNew = 1;
    event.detail.newTaskField = { a: 1 };
    event.detail.containers[0].newContainerField = true;
    const parsed = parseEcsEvent(event) as any;
    expect(parsed.brandNew).toBe(1);
    expect(parsed.detail.newTaskField).toEqual({ a: 1 });
    expect(parsed.detail.containers[0].newContainerField).toBe(true);
  });

  it('does not modify its input', () => {
    const event = stopped();
    const copy = structuredClone(event);
    const parsed = parseEcsEvent(event);
    expect(event).toEqual(copy);
    expect(parsed).not.toBe(event);
    expect('kind' in event).toBe(false);
  });
});

describe('well-formed strings', () => {
  it('replaces lone surrogates with U+FFFD in known fields, unknown fields and keys, leaving the input alone', () => {
    const event = stopped();
    event.detail.containers[0].name = 'app\ud800';
    event.detail.newField = { ['key\udfff']: ['x\ud83d'], fine: 'ok' };
    const before = structuredClone(event);
    const parsed = parseEcsEvent(event) as any;
    expect(parsed.detail.containers[0].name).toBe('app\ufffd');
    expect(parsed.detail.newField).toEqual({ 'key\ufffd': ['x\ufffd'], fine: 'ok' });
    expect(event).toEqual(before);
  });

  it('makes an unknown detail-type well-formed at any depth, keeping __proto__ an own key', () => {
    let payload: unknown = { ['\udc00']: '\ud800' };
    for (let level = 0; level < 10_000; level++) payload = [payload];
    const detail = JSON.parse(
      '{"nested": {"__proto__": {"polluted": "\\ud800"}}, "clusterArn": "arn:aws:ecs:us-east-1:1:cluster/c\\udfff"}',
    );
    detail.payload = payload;
    const parsed = parseEcsEvent({ ...stopped(), 'detail-type': 'ECS Future Change', detail }) as any;
    expect(parsed.detail.clusterArn.endsWith('c\ufffd')).toBe(true);
    const nested = parsed.detail.nested;
    expect([Object.hasOwn(nested, '__proto__'), Object.getPrototypeOf(nested) === Object.prototype]).toEqual([
      true,
      true,
    ]);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toEqual({ polluted: '\ufffd' });
    let bottom = parsed.detail.payload;
    while (Array.isArray(bottom)) bottom = bottom[0];
    expect(bottom).toEqual({ '\ufffd': '\ufffd' });
    expect(({} as any).polluted).toBeUndefined();
  });

  it('returns well-formed events unchanged in shape and the same strings', () => {
    const event = stopped();
    expect(parseEcsEvent(event).detail).toEqual(parseEcsEvent(structuredClone(event)).detail);
  });
});

describe('events that cannot be completed', () => {
  it('names detail when a trimmed event has none, not the envelope fields derived from it', () => {
    const trimmed = { source: 'aws.ecs', 'detail-type': 'ECS Task State Change' };
    expect(safeParseEcsEvent(trimmed).error?.message).toBe('detail: expected object, but it is missing');
    expect(safeParseEcsEvent({ ...trimmed, detail: null }).error?.message).toBe(
      'detail: expected object, received null',
    );
    expect(safeParseEcsEvent({ ...trimmed, detail: [] }).error?.message).toBe(
      'detail: expected object, received array',
    );
    expect(safeParseEcsEvent({ ...trimmed, 'detail-type': 'ECS Something New' }).error?.path).toBe('detail');
  });

  it('returns an error, never throws, for a detail nested too deeply to derive an id from', () => {
    const { id: _id, ...event } = stopped();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = { deep };
    event.detail.extra = deep;
    const result = safeParseEcsEvent(event);
    expect(result.success).toBe(false);
    expect(result.error?.message).toBe('detail: nested too deeply to derive the event id (the event has no id)');
    expect(result.error?.path).toBe('detail');
    const records = parseEcsEvents([event, stopped()]);
    expect(records.map((record) => record.success)).toEqual([false, true]);
    expect(records[0]!.error?.message).toMatch(/^item 0: detail: nested too deeply/);
    // With an id of its own nothing has to be derived, and the event parses.
    expect(safeParseEcsEvent({ ...event, id: 'e-1' }).success).toBe(true);
  });

  it('returns an error for an input object that throws when read', () => {
    const event = stopped();
    Object.defineProperty(event, 'account', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    delete event.id;
    const result = safeParseEcsEvent(event);
    expect(result.success).toBe(false);
    expect(result.error?.message).toBe('event: cannot be parsed (Error)');
  });
});

describe('misuse from plain JavaScript', () => {
  const event = () => parseEcsEvent(stopped());

  it('classify names what it got instead of a parsed event', () => {
    expect(() => classify(stopped() as any)).toThrow(
      new TypeError(
        'classify: expected a parsed EcsEvent (from parseEcsEvent), got a raw event without `kind`: parse it first',
      ),
    );
    expect(() => classify(null as any)).toThrow(
      new TypeError('classify: expected a parsed EcsEvent (from parseEcsEvent), got null'),
    );
    expect(() => classify({} as any)).toThrow(/got an object without `kind`$/);
    expect(() => classify({ ...event(), kind: 'bogus' } as any)).toThrow(
      /got an object whose `kind` is not an event kind$/,
    );
  });

  it('renderMessage names a missing event and a classification passed where the options belong (0.1)', () => {
    expect(() => renderMessage(null as any)).toThrow(
      new TypeError('renderMessage: expected a parsed EcsEvent (from parseEcsEvent), got null'),
    );
    expect(() => (renderMessage as any)(event(), classify(event()), { color: false })).toThrow(
      new TypeError(
        'renderMessage: the second argument is the options; pass a classification inside them: renderMessage(event, { classification })',
      ),
    );
    expect(() => renderMessage({ ...event(), kind: 'bogus' } as any, { classification: classify(event()) })).toThrow(
      TypeError,
    );
    expect(renderMessage(event(), { color: false }).attachments).toBeUndefined();
  });
});
