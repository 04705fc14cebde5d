import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAmazonQ, renderAmazonQDigest } from '../../src/amazon-q/index.js';
import { classify, parseEcsEvent, safeParseEcsEvent, type RenderOptions } from '../../src/index.js';
import { notificationProblems } from '../helpers/amazon-q-schema.js';
import { markdownProblems, notificationSafetyProblems } from '../helpers/client-markdown.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';

/** Slack's control sequences, markdown links, images and HTML, mentions of every client. */
const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<@U024BE7LH>',
  '<!subteam^SAZ94GDB8>',
  '<https://evil.example.com|Click here>',
  '<!date^1392734382^{date}|yesterday>',
  '[Click here](https://evil.example.com)',
  '![pixel](https://evil.example.com/p.png)',
  '<img src=x onerror=alert(1)>',
  '<at>Everyone</at>',
  '&lt;!channel&gt;',
  '@channel @here @everyone @All @Present #general',
  'https://evil.example.com/path www.evil.example',
  '**bold** __under__ _i_ ~strike~ `code` ```fence```',
  '\n# Heading\n> quote\n| a | b |\n',
  'a\\*b\\` \\[x\\](https://evil.example)',
];

const OPTIONS: RenderOptions[] = [
  {},
  { title: (_e, c) => `${c.summary} <!here>`, fields: [{ label: '<!channel>', value: '[x](https://evil.example)' }] },
];
const crash = () => loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;

function expectSafe(input: unknown, options: RenderOptions = {}): void {
  const n = renderAmazonQ(parseEcsEvent(input), options);
  expect(notificationProblems(n)).toEqual([]);
  expect(notificationSafetyProblems(n)).toEqual([]);
}

describe('the checker', () => {
  it('flags what it is there to catch', () => {
    for (const raw of [
      '<!channel>',
      '[x](https://evil.example.com)',
      'see evil.example',
      '@here',
      '*b*',
      '```\n`x\n```',
      'a `<@U1>` b',
    ]) {
      expect(markdownProblems(raw), raw).not.toEqual([]);
    }
    expect(
      markdownProblems('**Task:** [abc](https://eu-west-1.console.aws.amazon.com/ecs/v2/x) `ecs-svc/1` ```\nok\n```'),
    ).toEqual([]);
  });
});

describe('hostile event text cannot ping anyone, link anywhere or format itself', () => {
  it.each(HOSTILE)('in reasons, names, group, cluster and task definition: %j', (hostile) => {
    const event = crash();
    event.detail.stoppedReason = `Essential container in task exited ${hostile}`;
    event.detail.containers[1].reason = hostile;
    event.detail.containers[1].name = `app${hostile}`;
    event.detail.group = `service:web${hostile}`;
    event.detail.clusterArn = `arn:aws:ecs:eu-central-1:111111111111:cluster/prod${hostile}`;
    event.detail.taskDefinitionArn = `arn:aws:ecs:eu-central-1:111111111111:task-definition/web${hostile}:3`;
    event.detail.startedBy = `ecs-svc/1${hostile}`;
    for (const options of OPTIONS) expectSafe(event, options);
  });

  it('in service, deployment, instance and unknown events, and in digests', () => {
    for (const hostile of HOSTILE) {
      const service = loadFixture('service', 'docs-service-task-placement-failure-ec2-cpu') as any;
      service.detail.reason = hostile;
      service.resources = [`arn:aws:ecs:us-west-2:111122223333:service/default/svc${hostile}`];
      const deployment = loadFixture('deployment', 'docs-deployment-failed') as any;
      deployment.detail.reason = hostile;
      deployment.detail.deploymentId = hostile;
      const instance = loadFixture('container-instance', 'synthetic-instance-registration-failed') as any;
      instance.detail.statusReason = hostile;
      instance.detail.ec2InstanceId = hostile;
      const unknown = {
        ...(loadFixture('deployment', 'docs-deployment-failed') as any),
        'detail-type': `ECS Thing ${hostile}`,
        detail: { note: hostile },
      };
      for (const input of [service, deployment, instance, unknown]) expectSafe(input);
      const latest = parseEcsEvent(service);
      const digest = renderAmazonQDigest({
        count: 2,
        since: hostile,
        until: hostile,
        latest: { event: latest, classification: classify(latest) },
      });
      expect(notificationSafetyProblems(digest)).toEqual([]);
    }
  });

  it('reads like the original: look-alike characters, not backslashes or entities', () => {
    const event = loadFixture('task', 'synthetic-task-stopped-by-user-custom') as any;
    event.detail.stoppedReason = 'Nightly shutdown <!channel> [x](https://evil.example.com)';
    const summary = renderAmazonQ(parseEcsEvent(event)).metadata.summary;
    expect(summary).toBe(
      'Task 33a7f272 of Webapp was stopped by a user: Nightly shutdown ＜!channel＞ ［x］(https:∕∕evil․example․com)',
    );
    expect(summary).not.toMatch(/\\|&lt;/);
  });
});

describe('properties over mutated real events', () => {
  const events = allFixtures().map((f) => f.event);
  const hostileString = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...HOSTILE),
    fc
      .array(
        fc.constantFrom(
          '<',
          '>',
          '&',
          '|',
          '!',
          '^',
          '@',
          '#',
          '*',
          '_',
          '`',
          '~',
          '[',
          ']',
          '(',
          ')',
          '\\',
          '\n',
          'a',
          '.',
          ' ',
          'https://',
          'www.',
        ),
        { maxLength: 300 },
      )
      .map((a) => a.join('')),
    fc.string({ minLength: 3000, maxLength: 6000 }),
  );
  const FIELDS = [
    'stoppedReason',
    'group',
    'clusterArn',
    'taskDefinitionArn',
    'startedBy',
    'reason',
    'statusReason',
    'deploymentId',
    'eventName',
    'lastStatus',
    'stopCode',
    'capacityProviderName',
    'ec2InstanceId',
  ];
  const mutated = fc
    .tuple(
      fc.constantFrom(...events),
      fc.dictionary(fc.constantFrom(...FIELDS), hostileString, { maxKeys: 5 }),
      fc.array(fc.record({ name: hostileString, reason: hostileString, image: hostileString }, { requiredKeys: [] }), {
        maxLength: 3,
      }),
      fc.record({ id: hostileString, time: hostileString, account: hostileString }, { requiredKeys: [] }),
      fc.constantFrom(...OPTIONS),
    )
    .map(([event, detail, containers, envelope, options]) => {
      const copy = structuredClone(event) as any;
      Object.assign(copy.detail, detail);
      Object.assign(copy, envelope);
      if (Array.isArray(copy.detail.containers)) {
        containers.forEach((c, i) => {
          if (copy.detail.containers[i]) Object.assign(copy.detail.containers[i], c);
        });
      }
      return [copy, options] as const;
    });

  it('rendering never throws, stays valid and within limits, and nothing in it comes from event text as markup', () => {
    fc.assert(
      fc.property(mutated, ([input, options]) => {
        const parsed = safeParseEcsEvent(input);
        if (!parsed.success) return;
        const n = renderAmazonQ(parsed.data, options);
        expect(notificationProblems(n)).toEqual([]);
        expect(notificationSafetyProblems(n)).toEqual([]);
        const digest = renderAmazonQDigest({
          count: 3,
          since: parsed.data.time,
          until: parsed.data.time,
          latest: { event: parsed.data, classification: classify(parsed.data) },
        });
        expect(notificationProblems(digest)).toEqual([]);
        expect(notificationSafetyProblems(digest)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});
