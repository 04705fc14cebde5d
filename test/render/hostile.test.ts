import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEcsEvent, renderMessage, safeParseEcsEvent, type RenderOptions } from '../../src/index.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';
import { controlSequences, mrkdwnTexts } from '../helpers/block-kit.js';
import { expectSafe } from './helpers.js';

const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U024BE7LH>',
  '<!subteam^SAZ94GDB8>',
  '<#C024BE7LR>',
  '<https://evil.example.com|Click here>',
  '<https://evil.example.com>',
  '<!date^1392734382^{date}|yesterday>',
  '&lt;!channel&gt;',
  '```\n<!channel>\n```',
  '*bold* _italic_ ~strike~ `code` > quote',
  '\n> <!channel>',
  '@channel @here',
  '> quote',
  '\r\n&gt; entity quote',
  '\u2028> after U+2028',
  'a\u2029b',
  'lone \ud800 half',
];

const crash = () => loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
const VARIANTS: RenderOptions[] = [{}, { color: false }, { variant: 'compact' }, { buttons: true }];

function renderAll(input: unknown) {
  const event = parseEcsEvent(input);
  return VARIANTS.map((options) => renderMessage(event, options));
}

describe('hostile event text cannot ping anyone or forge a link', () => {
  it.each(HOSTILE)('in the stopped reason, container reason, names and group: %j', (hostile) => {
    const event = crash();
    event.detail.stoppedReason = `Essential container in task exited ${hostile}`;
    event.detail.containers[1].reason = hostile;
    event.detail.containers[1].name = `app${hostile}`;
    event.detail.containers[1].image = hostile;
    event.detail.group = `service:web${hostile}`;
    event.detail.clusterArn = `arn:aws:ecs:eu-central-1:111111111111:cluster/prod${hostile}`;
    event.detail.taskDefinitionArn = `arn:aws:ecs:eu-central-1:111111111111:task-definition/web${hostile}:3`;
    for (const message of renderAll(event)) expectSafe(message);
  });

  it('in service, deployment and instance reasons', () => {
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
      for (const input of [service, deployment, instance]) for (const message of renderAll(input)) expectSafe(message);
    }
  });

  it('a user stop reason with <!channel> stays text', () => {
    const message = renderMessage(parseEcsEvent(loadFixture('task', 'synthetic-task-stopped-by-user-custom')));
    expectSafe(message);
    expect(message.text).toBe(
      'Task 33a7f272 of Webapp was stopped by a user: Nightly shutdown by scheduler lambda &lt;!channel&gt;',
    );
  });

  it('backticks and asterisks cannot break out of code spans and blocks', () => {
    const event = crash();
    event.detail.containers[1].name = 'a`b*c';
    event.detail.stoppedReason = 'x``` *y* ```z';
    const text = JSON.stringify(renderMessage(parseEcsEvent(event)));
    expect(text).toContain('`aˋb*c`');
    expect(text).toContain('```xˋˋˋ *y* ˋˋˋz```');
  });
});

describe('size', () => {
  it('a 20,000-character reason and 60 containers still make a valid message within limits', () => {
    const event = crash();
    const template = event.detail.containers[1];
    event.detail.containers = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      name: `container-${String(i).padStart(2, '0')}-${'x'.repeat(40)}`,
      exitCode: i === 59 ? 1 : 0,
      reason: `reason ${i} <!channel> ${'&'.repeat(50)}`,
    }));
    event.detail.stoppedReason = `Essential container in task exited: ${'<&>'.repeat(7000)}`;
    for (const message of renderAll(event)) expectSafe(message);
    const full = JSON.stringify(renderMessage(parseEcsEvent(event)));
    expect(full).toMatch(/…and \d+ more/);
    expect(full).toContain('`container-59-');
  });

  it('ids are never cut: a task id too long for a field leaves the field out', () => {
    const event = crash();
    const id = 'f'.repeat(2500);
    event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${id}`;
    event.resources = [event.detail.taskArn];
    const message = renderMessage(parseEcsEvent(event), { color: false });
    expectSafe(message);
    const fields = JSON.stringify((message.blocks ?? []).filter((b) => b.type === 'section' && 'fields' in b));
    expect(fields).not.toContain('fff…');
    expect(fields).not.toContain('*Task*');
  });

  it('a 200-character service name is ellipsised in the 150-character header', () => {
    const event = crash();
    event.detail.group = `service:${'s'.repeat(200)}`;
    const header = renderMessage(parseEcsEvent(event)).blocks![0] as any;
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });
});

describe('properties over mutated real events', () => {
  const events = allFixtures().map((f) => f.event);
  const hostileString = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...HOSTILE),
    fc
      .array(fc.constantFrom('<', '>', '&', '|', '!', '^', '@', '#', '*', '_', '`', '~', '\n', 'a', ' ', 'https://'), {
        maxLength: 300,
      })
      .map((a) => a.join('')),
    fc.string({ minLength: 3000, maxLength: 6000 }),
  );
  const STRING_FIELDS = [
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
      fc.dictionary(fc.constantFrom(...STRING_FIELDS), hostileString, { maxKeys: 5 }),
      fc.array(fc.record({ name: hostileString, reason: hostileString, image: hostileString }, { requiredKeys: [] }), {
        maxLength: 3,
      }),
      fc.constantFrom<RenderOptions>(...VARIANTS),
    )
    .map(([event, detail, containers, options]) => {
      const copy = structuredClone(event) as any;
      Object.assign(copy.detail, detail);
      if (Array.isArray(copy.detail.containers)) {
        containers.forEach((c, i) => {
          if (copy.detail.containers[i]) Object.assign(copy.detail.containers[i], c);
        });
      }
      return [copy, options] as const;
    });

  it('rendering never throws, stays valid and within limits, always has fallback text, and has no foreign mention or link', () => {
    fc.assert(
      fc.property(mutated, ([input, options]) => {
        const parsed = safeParseEcsEvent(input);
        if (!parsed.success) return;
        const message = renderMessage(parsed.data, options);
        expectSafe(message);
        // No link may point anywhere but where the library links (labels may quote hostile text, inert).
        for (const { text } of mrkdwnTexts(message))
          for (const s of controlSequences(text)) expect(s.split('|')[0]).not.toContain('evil');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});
