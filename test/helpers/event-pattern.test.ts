/**
 * The EventBridge pattern matcher, checked against the examples of the Amazon EventBridge User
 * Guide ("Creating event patterns", "Matching null values and empty strings", "Arrays in event
 * patterns", "Content filtering", "Comparison operators") and of aws/event-ruler's README, then
 * against this repository's real ECS events.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures.js';
import { matchesPattern, validatePattern } from './event-pattern.js';

/** The EC2 event of "Creating event patterns". */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** The sample event of the content-filtering examples (event-ruler README). */
const rulerEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** The Auto Scaling event of "Matching null values and empty strings". */
const autoscalingEvent = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

/** A detail-only event for field-level cases. */
const withDetail = (detail: Record<string, unknown>): Record<string, unknown> => ({ ...rulerEvent, detail });

describe('matchesPattern: fields and values', () => {
  it('matches on every named field and ignores the others', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, detail: { state: 'running' } })).toBe(false);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.ecs' })).toBe(false);
  });

  it('needs every named field to exist with the same nesting', () => {
    expect(matchesPattern({ detail: { state: ['terminated'] } }, { state: 'terminated' })).toBe(false);
    expect(matchesPattern({ detail: { state: ['terminated'] } }, { detail: 'terminated' })).toBe(false);
  });

  it('ORs the values of one field', () => {
    const pattern = { source: ['aws.ec2', 'aws.fargate'] };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.fargate' })).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.s3' })).toBe(false);
  });

  it('compares strings exactly, without case folding', () => {
    expect(matchesPattern({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matchesPattern({ source: ['aws.ec2 '] }, ec2Event)).toBe(false);
  });

  it('matches numbers and nested objects (the Macie example)', () => {
    const macie = {
      source: 'aws.macie',
      'detail-type': 'Macie Alert',
      detail: { 'risk-score': 80, trigger: { 'alert-type': 'basic', risk: 8 } },
    };
    const pattern = {
      source: ['aws.macie'],
      'detail-type': ['Macie Alert'],
      detail: { 'risk-score': [80], trigger: { risk: [8] } },
    };
    expect(matchesPattern(pattern, macie)).toBe(true);
    expect(matchesPattern({ detail: { 'risk-score': ['80'] } }, macie)).toBe(false);
    expect(matchesPattern({ detail: { trigger: { risk: [9] } } }, macie)).toBe(false);
  });

  it('tells null, the empty string and a missing field apart', () => {
    expect(matchesPattern({ detail: { eventVersion: [''] } }, autoscalingEvent)).toBe(true);
    expect(matchesPattern({ detail: { responseElements: [null] } }, autoscalingEvent)).toBe(true);
    expect(matchesPattern({ detail: { responseElements: [''] } }, autoscalingEvent)).toBe(false);
    expect(matchesPattern({ detail: { eventVersion: [null] } }, autoscalingEvent)).toBe(false);
    expect(matchesPattern({ detail: { missing: [null] } }, autoscalingEvent)).toBe(false);
  });

  it('matches true and false literally', () => {
    expect(matchesPattern({ detail: { on: [true] } }, withDetail({ on: true }))).toBe(true);
    expect(matchesPattern({ detail: { on: [true] } }, withDetail({ on: 'true' }))).toBe(false);
    expect(matchesPattern({ detail: { on: [false] } }, withDetail({ on: 0 }))).toBe(false);
  });
});

describe('matchesPattern: arrays in events', () => {
  it('matches when the pattern values and the event array intersect (the resources example)', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matchesPattern(pattern, event)).toBe(true);
    expect(matchesPattern(pattern, { resources: [event.resources[0]] })).toBe(false);
    expect(matchesPattern(pattern, { resources: [] })).toBe(false);
  });

  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it('matches objects inside arrays element by element (array consistency)', () => {
    expect(matchesPattern({ employees: { firstName: ['Anna'] } }, employees)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees)).toBe(false);
  });

  it('crushes multi-level arrays', () => {
    const nested = { employees: [employees.employees.slice(0, 2), employees.employees.slice(2)] };
    expect(matchesPattern({ employees: { firstName: ['Peter'], lastName: ['Jones'] } }, nested)).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, nested)).toBe(false);
    expect(matchesPattern({ tags: ['b'] }, { tags: [['a'], ['b', 'c']] })).toBe(true);
  });
});

describe('matchesPattern: prefix, suffix, equals-ignore-case, wildcard', () => {
  it('matches a prefix of strings only', () => {
    expect(matchesPattern({ time: [{ prefix: '2017-10-02' }] }, rulerEvent)).toBe(true);
    expect(matchesPattern({ time: [{ prefix: '2017-10-03' }] }, rulerEvent)).toBe(false);
    expect(
      matchesPattern(
        { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
        { source: 'aws.autoscaling', region: 'eu-west-1' },
      ),
    ).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': [{ prefix: '5' }] } }, rulerEvent)).toBe(false);
  });

  it('matches a prefix regardless of case', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbus']) {
      expect(matchesPattern(pattern, withDetail({ service }))).toBe(true);
    }
    expect(matchesPattern(pattern, withDetail({ service: 'Events' }))).toBe(false);
  });

  it('matches a suffix, with or without case', () => {
    expect(matchesPattern({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(matchesPattern({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' })).toBe(false);
    expect(
      matchesPattern({ FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] }, { FileName: 'image.PNG' }),
    ).toBe(true);
    expect(matchesPattern({ source: [{ suffix: 'ec2' }] }, rulerEvent)).toBe(true);
  });

  it('matches equals-ignore-case on strings only', () => {
    expect(matchesPattern({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alice' })).toBe(true);
    expect(matchesPattern({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' })).toBe(true);
    expect(matchesPattern({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
    expect(matchesPattern({ source: [{ 'equals-ignore-case': 'EC2' }] }, rulerEvent)).toBe(false);
  });

  it.each([
    ['Simple*Service', 'SimpleQueueService', true],
    ['Simple*Service', 'SimpleService', true],
    ['Simple*Service', 'SimpleServices', false],
    ['*/lib/*', 'usr/lib/node', true],
    ['*.png', 'a.png', true],
    ['*.png', 'apng', false],
    ['dev/*/logs', 'dev/a/b/logs', true],
    ['2*', 'x2', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a\\\\b', 'a\\b', true],
    ['*', '', true],
  ])('wildcard %j against %j: %s', (wildcard, value, expected) => {
    expect(matchesPattern({ key: [{ wildcard }] }, { key: value })).toBe(expected);
  });

  it('matches wildcards on strings only', () => {
    expect(matchesPattern({ key: [{ wildcard: '*' }] }, { key: 5 })).toBe(false);
  });
});

describe('matchesPattern: anything-but', () => {
  it.each([
    [{ state: [{ 'anything-but': 'initializing' }] }, 'running', true],
    [{ state: [{ 'anything-but': 'initializing' }] }, 'initializing', false],
    [{ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }, 'running', true],
    [{ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }, 'overloaded', false],
    [{ state: [{ 'anything-but': { prefix: 'init' } }] }, 'running', true],
    [{ state: [{ 'anything-but': { prefix: 'init' } }] }, 'initializing', false],
    [{ state: [{ 'anything-but': { suffix: 'ing' } }] }, 'stopped', true],
    [{ state: [{ 'anything-but': { suffix: 'ing' } }] }, 'running', false],
    [{ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, 'INITIALIZING', false],
    [{ state: [{ 'anything-but': { 'equals-ignore-case': ['a', 'B'] } }] }, 'b', false],
    [{ state: [{ 'anything-but': { 'equals-ignore-case': ['a', 'B'] } }] }, 'c', true],
    [{ state: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, 'usr/lib/x', false],
    [{ state: [{ 'anything-but': { wildcard: ['*/lib/*', '*.tmp'] } }] }, 'a.tmp', false],
    [{ state: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, 'usr/bin/x', true],
  ])('%j against state %j: %s', (detail, state, expected) => {
    expect(matchesPattern({ detail }, withDetail({ state }))).toBe(expected);
  });

  it('works with numbers and lists of numbers', () => {
    expect(matchesPattern({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, withDetail({ 'x-limit': 124 }))).toBe(
      true,
    );
    expect(matchesPattern({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, withDetail({ 'x-limit': 123 }))).toBe(
      false,
    );
    const list = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matchesPattern(list, withDetail({ 'x-limit': 200 }))).toBe(false);
    expect(matchesPattern(list, withDetail({ 'x-limit': 250 }))).toBe(true);
  });

  it('excludes CloudTrail events, or EC2 and S3, or every AWS source (the guide examples)', () => {
    expect(matchesPattern({ 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] }, ec2Event)).toBe(true);
    expect(matchesPattern({ source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] }, ec2Event)).toBe(false);
    expect(matchesPattern({ source: [{ 'anything-but': { prefix: 'aws.' } }] }, ec2Event)).toBe(false);
    expect(matchesPattern({ source: [{ 'anything-but': { prefix: 'aws.' } }] }, { source: 'com.example.orders' })).toBe(
      true,
    );
  });

  it('does not match a missing field, nor a field whose value is an object', () => {
    expect(matchesPattern({ detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({}))).toBe(false);
    expect(matchesPattern({ detail: { state: [{ 'anything-but': 'x' }] } }, withDetail({ state: { code: 1 } }))).toBe(
      false,
    );
  });

  it('matches an event array if any element is not excluded', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matchesPattern(pattern, withDetail({ state: ['initializing', 'running'] }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: ['initializing'] }))).toBe(false);
  });

  it('ORs several anything-but filters in one array: the pitfall matches every present value', () => {
    const pitfall = { detail: { eventName: [{ 'anything-but': 'A' }, { 'anything-but': 'B' }] } };
    expect(matchesPattern(pitfall, withDetail({ eventName: 'A' }))).toBe(true);
    expect(matchesPattern(pitfall, withDetail({ eventName: 'B' }))).toBe(true);
    expect(matchesPattern(pitfall, withDetail({ eventName: 'C' }))).toBe(true);
    expect(matchesPattern(pitfall, withDetail({}))).toBe(false);
    const intended = { detail: { eventName: [{ 'anything-but': ['A', 'B'] }] } };
    expect(matchesPattern(intended, withDetail({ eventName: 'A' }))).toBe(false);
    expect(matchesPattern(intended, withDetail({ eventName: 'B' }))).toBe(false);
    expect(matchesPattern(intended, withDetail({ eventName: 'C' }))).toBe(true);
  });
});

describe('matchesPattern: numeric, cidr and exists', () => {
  it('matches the numeric example, all fields together', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ ...rulerEvent.detail, 'c-count': 0 }))).toBe(false);
    expect(matchesPattern(pattern, withDetail({ ...rulerEvent.detail, 'c-count': 6 }))).toBe(false);
    expect(matchesPattern(pattern, withDetail({ ...rulerEvent.detail, 'd-count': 10 }))).toBe(false);
  });

  it.each([
    [['>=', 5], 5, true],
    [['>', 5], 5, false],
    [['<', 5], 4.999999, true],
    [['<=', 5], 5, true],
    [['>=', 0, '<', 1], 1, false],
    [['=', 0], -0, true],
  ])('numeric %j against %d: %s', (numeric, value, expected) => {
    expect(matchesPattern({ n: [{ numeric }] }, { n: value })).toBe(expected);
  });

  it('matches numeric on JSON numbers only', () => {
    expect(matchesPattern({ n: [{ numeric: ['>', 0] }] }, { n: '5' })).toBe(false);
  });

  it('matches IPv4 CIDR blocks', () => {
    expect(matchesPattern({ detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, rulerEvent)).toBe(true);
    expect(matchesPattern({ detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } }, rulerEvent)).toBe(false);
    expect(matchesPattern({ detail: { 'source-ip': [{ cidr: '0.0.0.0/0' }] } }, rulerEvent)).toBe(true);
  });

  it('matches exists: true on a present leaf, exists: false on a missing one', () => {
    expect(matchesPattern({ detail: { state: [{ exists: true }] } }, rulerEvent)).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': [{ exists: false }] } }, rulerEvent)).toBe(false);
    expect(matchesPattern({ detail: { description: [{ exists: true }] } }, rulerEvent)).toBe(false);
    expect(
      matchesPattern(
        { detail: { 'c-count': [{ exists: false }] } },
        withDetail({ state: ['initializing', 'running'] }),
      ),
    ).toBe(true);
  });

  it('treats an intermediate node as absent: exists works on leaves only', () => {
    const event = withDetail({ state: ['initializing', 'running'], 'c-count': { c1: 100 } });
    expect(matchesPattern({ detail: { 'c-count': [{ exists: false }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': [{ exists: true }] } }, event)).toBe(false);
  });

  it('counts null as present and an empty array as absent', () => {
    expect(matchesPattern({ detail: { responseElements: [{ exists: true }] } }, autoscalingEvent)).toBe(true);
    expect(matchesPattern({ resources: [{ exists: false }] }, autoscalingEvent)).toBe(true);
    expect(matchesPattern({ nested: { deeper: [{ exists: false }] } }, { nested: [] })).toBe(true);
  });

  it('matches the complex example that combines filters', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matchesPattern(pattern, rulerEvent)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ ...rulerEvent.detail, state: 'initializing' }))).toBe(false);
  });
});

describe('matchesPattern: $or', () => {
  const metric = {
    source: 'aws.cloudwatch',
    metricName: 'NetworkIn',
    namespace: 'AWS/EC2',
    metricType: 'MetricType',
    scope: 'Other',
  };

  it('ORs sub-patterns and ANDs them with the other fields', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matchesPattern(pattern, metric)).toBe(true);
    expect(matchesPattern(pattern, { ...metric, namespace: 'AWS/S3' })).toBe(false);
    expect(matchesPattern(pattern, { ...metric, namespace: 'AWS/S3', metricName: 'ReadLatency' })).toBe(true);
    expect(matchesPattern(pattern, { ...metric, source: 'aws.ec2' })).toBe(false);
  });

  it('supports parallel $or at several levels', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(matchesPattern(pattern, { ...metric, detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(
      true,
    );
    expect(matchesPattern(pattern, { ...metric, detail: { 'detail-type': 'Other' } })).toBe(false);
  });

  it('supports AND inside $or, and nested $or', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    expect(matchesPattern(pattern, metric)).toBe(false);
    expect(matchesPattern(pattern, { ...metric, spaceId: 1000 })).toBe(true);
    expect(matchesPattern(pattern, { ...metric, metricType: 'Other', spaceId: 1000 })).toBe(false);
    expect(matchesPattern(pattern, { ...metric, scope: 'Service' })).toBe(true);
  });
});

describe('matchesPattern on real ECS events', () => {
  const crashed = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar');
  const exitedZero = loadFixture('task', 'task-stopped-ec2-standalone-exit0-no-stopcode');
  const userStopped = loadFixture('task', 'task-stopped-user-initiated-fargate-service-pv13');
  const running = loadFixture('task', 'task-running-fargate-service-exec-enabled');

  it('selects stopped tasks with a container that exited non-zero', () => {
    const pattern = {
      source: ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      detail: { lastStatus: ['STOPPED'], containers: { exitCode: [{ 'anything-but': 0 }] } },
    };
    expect(matchesPattern(pattern, crashed)).toBe(true);
    expect(matchesPattern(pattern, exitedZero)).toBe(false);
    expect(matchesPattern(pattern, running)).toBe(false);
  });

  it('shows the stopCode pitfall on real events', () => {
    const pitfall = {
      detail: { stopCode: [{ 'anything-but': 'UserInitiated' }, { 'anything-but': 'ServiceSchedulerInitiated' }] },
    };
    const intended = { detail: { stopCode: [{ 'anything-but': ['UserInitiated', 'ServiceSchedulerInitiated'] }] } };
    expect(matchesPattern(pitfall, userStopped)).toBe(true);
    expect(matchesPattern(intended, userStopped)).toBe(false);
    expect(matchesPattern(intended, crashed)).toBe(true);
    expect(matchesPattern(intended, running)).toBe(false);
  });
});

describe('validatePattern', () => {
  it.each([
    [{ source: ['aws.ecs'], detail: { lastStatus: ['STOPPED'], stoppedReason: [{ exists: true }] } }],
    [{ time: [{ prefix: '2017-10-02' }], detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }],
    [{ a: [{ prefix: { 'equals-ignore-case': 'x' } }, { suffix: '.png' }, null, true, 1.5, ''] }],
    [{ a: [{ 'anything-but': { 'equals-ignore-case': ['a', 'b'] } }, { 'anything-but': { wildcard: '*/lib/*' } }] }],
    [{ a: [{ wildcard: 'a\\*b\\\\c*' }], b: [{ cidr: '10.0.0.0/8' }], $or: [{ c: ['1'] }, { d: { e: [2] } }] }],
  ])('accepts %j', (pattern) => {
    expect(validatePattern(pattern)).toEqual([]);
  });

  it.each([
    [[], 'the pattern must be a JSON object'],
    ['{"source":["aws.ecs"]}', 'the pattern must be a JSON object'],
    [{}, 'the pattern: empty objects are not allowed'],
    [{ source: 'aws.ec2' }, 'source: must be an object or an array of match values'],
    [{ detail: { state: 'running' } }, 'detail.state: must be an object or an array of match values'],
    [{ detail: {} }, 'detail: empty objects are not allowed'],
    [{ source: [] }, 'source: empty arrays are not allowed'],
    [
      { source: [['aws.ec2']] },
      'source[0]: a match value must be a string, a number, true, false, null or a match expression',
    ],
    [{ source: [{ contains: 'ec2' }] }, 'source[0]: unknown operator "contains"'],
    [{ source: [{ prefix: 'a', suffix: 'b' }] }, 'source[0]: a match expression must have exactly one key'],
    [{ source: [{}] }, 'source[0]: a match expression must have exactly one key'],
    [{ source: [{ prefix: 1 }] }, 'source[0]: prefix: must be a string or {"equals-ignore-case": string}'],
    [{ source: [{ 'equals-ignore-case': ['a'] }] }, 'source[0]: equals-ignore-case: must be a string'],
    [{ n: [{ numeric: ['>', '5'] }] }, 'n[0]: numeric: bounds must be numbers'],
    [{ n: [{ numeric: ['!=', 5] }] }, 'n[0]: numeric: unknown numeric operator "!="'],
    [{ n: [{ numeric: ['<', 5, '>', 1] }] }, 'n[0]: numeric: a range must start with ">" or ">="'],
    [{ n: [{ numeric: ['>', 5, '<', 1] }] }, 'n[0]: numeric: the lower bound must be below the upper bound'],
    [{ n: [{ numeric: ['>', 0, '=', 1] }] }, 'n[0]: numeric: a range must end with "<" or "<="'],
    [{ n: [{ numeric: ['<', 1e10] }] }, 'n[0]: numeric: bounds must be within ±5000000000'],
    [
      { n: [{ numeric: ['>', 1, '<'] }] },
      'n[0]: numeric: must be [operator, number] or [">" | ">=", number, "<" | "<=", number]',
    ],
    [{ s: [{ exists: 'true' }] }, 's[0]: exists: must be true or false'],
    [{ s: [{ 'anything-but': ['a', 1] }] }, 's[0]: anything-but: a list must hold only strings or only numbers'],
    [{ s: [{ 'anything-but': [] }] }, 's[0]: anything-but: a list must hold only strings or only numbers'],
    [
      { s: [{ 'anything-but': null }] },
      's[0]: anything-but: must be a string, a number, a list, or one of {prefix}, {suffix}, {equals-ignore-case}, {wildcard}',
    ],
    [{ s: [{ 'anything-but': { prefix: '' } }] }, 's[0]: anything-but: prefix must be a non-empty string'],
    [
      { s: [{ 'anything-but': { numeric: ['>', 1] } }] },
      's[0]: anything-but: unsupported operator "numeric" inside anything-but',
    ],
    [
      { s: [{ 'anything-but': { 'equals-ignore-case': 1 } }] },
      's[0]: anything-but: equals-ignore-case must be a string or a list of strings',
    ],
    [{ s: [{ wildcard: 'a**b' }] }, 's[0]: wildcard: consecutive wildcard characters are not allowed'],
    [{ s: [{ wildcard: 'a\\b' }] }, 's[0]: wildcard: a backslash may only escape "*" or "\\"'],
    [
      { s: [{ 'anything-but': { wildcard: ['ok*', '**'] } }] },
      's[0]: anything-but: consecutive wildcard characters are not allowed',
    ],
    [{ ip: [{ cidr: '10.0.0.0/33' }] }, 'ip[0]: cidr: "10.0.0.0/33" is not an IPv4 CIDR block'],
    [{ $or: [{ a: ['1'] }] }, '$or: must hold at least 2 objects'],
    [{ $or: { a: ['1'] } }, '$or: must be an array of objects'],
    [{ $or: [{ a: ['1'] }, 'b'] }, '$or[1]: only objects are allowed in $or'],
    [
      { $or: [{ prefix: ['1'] }, { b: ['2'] }] },
      '$or[0].prefix: "prefix" is a reserved word and cannot be a field name inside $or',
    ],
  ])('rejects %j', (pattern, problem) => {
    expect(validatePattern(pattern)).toEqual([problem]);
  });

  it('reports every problem, each at its place', () => {
    expect(validatePattern({ source: 'x', detail: { a: [], b: [{ regex: '.*' }] } })).toEqual([
      'source: must be an object or an array of match values',
      'detail.a: empty arrays are not allowed',
      'detail.b[0]: unknown operator "regex"',
    ]);
  });

  it('makes matchesPattern throw instead of guessing', () => {
    expect(() => matchesPattern({ source: 'aws.ecs' }, { source: 'aws.ecs' })).toThrow(
      'invalid event pattern: source: must be an object or an array of match values',
    );
  });
});
