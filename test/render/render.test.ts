import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, renderMessage, type RenderOptions, type SlackMessage } from '../../src/index.js';
import { date, link, trusted } from '../../src/slack.js';
import { validateMessage } from '../helpers/block-kit.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const fixtures = allFixtures();
const VARIANTS: ReadonlyArray<[string, RenderOptions]> = [
  ['default', {}],
  ['no colour', { color: false }],
  ['compact', { variant: 'compact' }],
  ['compact, no colour', { variant: 'compact', color: false }],
  ['buttons', { buttons: true }],
];

describe('every fixture renders valid, safe Block Kit in every variant', () => {
  it.each(fixtures.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_, fixture) => {
    const event = parseEcsEvent(fixture.event);
    for (const [, options] of VARIANTS) expectSafe(renderMessage(event, options));
  });
});

describe('snapshots', () => {
  it.each(fixtures.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_name, fixture) => {
    const message = renderMessage(parseEcsEvent(fixture.event));
    expect(validateMessage(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });
});

const oom = () => parseEcsEvent(loadFixture('task', 'synthetic-task-oom-exit137'));

/** The field grid's elements. */
const gridOf = (message: SlackMessage): Array<{ text: string }> =>
  ((message.attachments?.[0]?.blocks ?? message.blocks ?? []).find((b) => b.type === 'section' && 'fields' in b) as any)
    ?.fields ?? [];

describe('anatomy', () => {
  it('full: header with severity emoji, service and outcome on top; the rest under the colour bar', () => {
    const message = renderMessage(oom());
    expect(message.blocks).toEqual([
      {
        type: 'header',
        text: { type: 'plain_text', text: ':rotating_light: example-api-v1: out of memory', emoji: true },
      },
    ]);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments![0]!.color).toBe('#E01E5A');
    const json = JSON.stringify(message.attachments);
    expect(json).toContain(':mag: *Container* `app` exit *137* (killed by SIGKILL)');
    expect(json).toContain(
      '*Task*\\n<https://eu-central-1.console.aws.amazon.com/ecs/v2/clusters/test/tasks/a6eaf0150a4248dAA1bcbd688121014e/configuration?region=eu-central-1|a6eaf0150a4248dAA1bcbd688121014e>',
    );
    expect(json).toContain('*Started*\\n<!date^1584372867^{date_short_pretty} {time}|2020-03-16 15:34 UTC>');
    expect(json).toContain('*Uptime*\\n2m 38s');
    expect(json).toContain('```OutOfMemoryError: Container killed due to memory usage```');
    expect(json).toContain('|AWS docs>');
  });

  it('top-level text is the plain summary sentence', () => {
    expect(renderMessage(oom()).text).toBe(
      'app ran out of memory (exit 137) and was stopped (task a6eaf015 of example-api-v1)',
    );
  });

  it('colour by severity: red, amber, green, grey', () => {
    const colour = (kind: Parameters<typeof loadFixture>[0], name: string) =>
      renderMessage(parseEcsEvent(loadFixture(kind, name))).attachments?.[0]?.color;
    expect(colour('task', 'synthetic-task-oom-exit137')).toBe('#E01E5A');
    expect(colour('service', 'service-task-start-impaired')).toBe('#E01E5A');
    expect(colour('service', 'synthetic-service-cloudmap-unhealthy')).toBe('#ECB22E');
    expect(colour('deployment', 'docs-deployment-completed')).toBe('#2EB67D');
    expect(colour('service', 'docs-service-steady-state')).toBe('#A0A0A6');
  });

  it('colour off gives { text, blocks } only', () => {
    const message = renderMessage(oom(), { color: false });
    expect(Object.keys(message).sort()).toEqual(['blocks', 'text']);
    expect(message.blocks![0]!.type).toBe('header');
  });

  it('compact is one section plus a context line', () => {
    const message = renderMessage(oom(), { variant: 'compact', color: false });
    expect(message.blocks!.map((b) => b.type)).toEqual(['section', 'context']);
  });

  it('accepts a classification computed earlier', () => {
    const event = oom();
    expect(renderMessage(event, { classification: classify(event) })).toEqual(renderMessage(event));
  });

  it('renders a deployment, a service action and a container instance with their own fields', () => {
    const deployment = JSON.stringify(
      renderMessage(parseEcsEvent(loadFixture('deployment', 'docs-deployment-rollback-in-progress')), {
        color: false,
      }),
    );
    expect(deployment).toContain('servicetest: deployment rolling back');
    expect(deployment).toContain('*Deployment*\\n`ecs-svc/123`');
    const service = JSON.stringify(
      renderMessage(parseEcsEvent(loadFixture('service', 'docs-service-task-placement-failure-fargate-spot'))),
    );
    expect(service).toContain('*Reason code*\\n`RESOURCE:FARGATE`');
    expect(service).toContain('*Capacity providers*\\nFARGATE_SPOT');
    const instance = JSON.stringify(
      renderMessage(parseEcsEvent(loadFixture('container-instance', 'synthetic-instance-agent-disconnected'))),
    );
    expect(instance).toContain('*Agent*\\ndisconnected');
  });

  it('renders an unknown detail-type with its raw detail', () => {
    const event = parseEcsEvent({
      ...loadFixture('service', 'docs-service-steady-state'),
      'detail-type': 'ECS Container Instance Health Change',
      detail: { overallStatus: 'IMPAIRED' },
    });
    const message = renderMessage(event);
    expectSafe(message);
    expect(JSON.stringify(message)).toContain('"overallStatus": "IMPAIRED"'.replace(/"/g, '\\"'));
  });
});

describe('options', () => {
  it('mentions per severity, @here only when asked', () => {
    const options: RenderOptions = {
      mentions: { error: [{ userGroup: 'S0123ABCD' }, 'here'], info: [{ user: 'U0123ABCD' }] },
    };
    const message = renderMessage(oom(), options);
    expect(message.text.startsWith('<!subteam^S0123ABCD> <!here> ')).toBe(true);
    expectSafe(message, { mentions: ['<!subteam^S0123ABCD>', '<!here>'] });
    const quiet = renderMessage(parseEcsEvent(loadFixture('service', 'docs-service-steady-state')), {
      mentions: { error: ['here'] },
    });
    expect(JSON.stringify(quiet)).not.toContain('<!here>');
    expect(() => renderMessage(oom(), { mentions: { error: [{ userGroup: 'not an id' }] } })).toThrow(/not a Slack id/);
  });

  it('custom title, as text or function', () => {
    expect(renderMessage(oom(), { title: 'Payments API paged' }).blocks![0]).toMatchObject({
      text: { text: ':rotating_light: Payments API paged' },
    });
    const fn = renderMessage(oom(), { title: (_e, c) => `[prod] ${c.outcome}` });
    expect(fn.blocks![0]).toMatchObject({ text: { text: ':rotating_light: [prod] out-of-memory' } });
  });

  it('extra fields are escaped, kept, and the grid stays at 10', () => {
    const fields = Array.from({ length: 4 }, (_, i) => ({ label: `Team ${i}`, value: `<!channel> *owner* ${i}` }));
    const message = renderMessage(oom(), { fields });
    expectSafe(message);
    const grid = message.attachments![0]!.blocks!.find(
      (b) => b.type === 'section' && 'fields' in b && b.fields !== undefined,
    ) as any;
    expect(grid.fields).toHaveLength(10);
    expect(grid.fields.at(-1).text).toBe('*Team 3*\n&lt;!channel&gt; ∗owner∗ 3');
  });

  it('extra fields take mrkdwn from date(), link() and trusted() as it is; plain values stay escaped', () => {
    const message = renderMessage(oom(), {
      fields: (event) => [
        { label: 'Seen', mrkdwn: date(event.time, '{date_long} {time}') },
        { label: 'Owner', mrkdwn: trusted('*payments*') },
        { label: 'Runbook', mrkdwn: link('https://wiki.example.com/oom', 'OOM runbook') },
        { label: 'Plain', value: '*not bold*' },
        { label: 'Too long', mrkdwn: trusted(`*${'x'.repeat(2000)}*`) },
      ],
    });
    expectSafe(message, { linkHosts: /^<https:\/\/wiki\.example\.com\// });
    const texts = gridOf(message).map((field) => field.text);
    expect(texts).toContain('*Seen*\n<!date^1584373024^{date_long} {time}|2020-03-16 15:37 UTC>');
    expect(texts).toContain('*Owner*\n*payments*');
    expect(texts).toContain('*Runbook*\n<https://wiki.example.com/oom|OOM runbook>');
    expect(texts).toContain('*Plain*\n∗not bold∗');
    // Markup is shown whole or not at all: a cut would break a link or a date token.
    expect(texts.some((text) => text.startsWith('*Too long*'))).toBe(false);
  });

  it('a full grid keeps the key fields (Deployment, Started, Stopped, Uptime), then yours, then the rest', () => {
    const labels = (options: RenderOptions) => gridOf(renderMessage(oom(), options)).map((f) => f.text.split('\n')[0]);
    expect(labels({})).toEqual([
      '*Cluster*',
      '*Service*',
      '*Task*',
      '*Task definition*',
      '*Capacity*',
      '*Deployment*',
      '*Started*',
      '*Stopped*',
      '*Uptime*',
    ]);
    const fields = Array.from({ length: 10 }, (_, i) => ({ label: `Mine${i}`, value: `v${i}` }));
    // Ten of yours: the four key fields, then six of yours, in order.
    expect(labels({ fields })).toEqual([
      '*Deployment*',
      '*Started*',
      '*Stopped*',
      '*Uptime*',
      ...['*Mine0*', '*Mine1*', '*Mine2*', '*Mine3*', '*Mine4*', '*Mine5*'],
    ]);
    // Two of yours: the library's other fields fill the room left, dropped from the end.
    expect(labels({ fields: fields.slice(0, 2) })).toEqual([
      '*Cluster*',
      '*Service*',
      '*Task*',
      '*Task definition*',
      '*Deployment*',
      '*Started*',
      '*Stopped*',
      '*Uptime*',
      '*Mine0*',
      '*Mine1*',
    ]);
  });

  it('a log link is shown even when the field grid links its URL already', () => {
    const taskUrl = classify(oom()).links.task!;
    const message = renderMessage(oom(), { logLink: () => ({ url: taskUrl, label: 'Task logs' }) });
    expect(JSON.stringify(message)).toContain('|Task logs>');
  });

  it('a log link hook adds a link', () => {
    const message = renderMessage(oom(), {
      logLink: (event) => ({
        url: `https://logs.example.com/search?q=${encodeURIComponent(event.id)}&x=|>`,
        label: 'CloudWatch logs',
      }),
    });
    expectSafe(message, { linkHosts: /^<https:\/\/logs\.example\.com\// });
    expect(JSON.stringify(message)).toContain('<https://logs.example.com/search?q=5e7e71c0-0000-4000-8000-');
    expect(JSON.stringify(message)).toContain('&x=%7C%3E|CloudWatch logs>');
  });

  it('buttons are opt-in link buttons', () => {
    const links = renderMessage(oom());
    expect(JSON.stringify(links)).not.toContain('"button"');
    const buttons = renderMessage(oom(), { buttons: true });
    const actions = buttons.attachments![0]!.blocks!.find((b) => b.type === 'actions') as any;
    expect(actions.elements.map((e: any) => [e.type, e.text.text])).toEqual([
      ['button', 'View in console'],
      ['button', 'Service events'],
      ['button', 'Deployments'],
      ['button', 'Task definition'],
    ]);
    expect(actions.elements[0].url).toMatch(/^https:\/\/eu-central-1\.console\.aws\.amazon\.com\//);
  });

  it('the link line leads with "View in console", then holds only links the field grid does not', () => {
    const blocks = renderMessage(oom()).attachments![0]!.blocks!;
    const grid = JSON.stringify(blocks.find((b) => b.type === 'section' && 'fields' in b));
    const line = (blocks.find((b) => b.type === 'section' && (b as any).text?.text.startsWith(':link:')) as any).text
      .text as string;
    const urls = [...line.matchAll(/<([^|>]+)\|([^>]+)>/g)].map((m) => [m[1], m[2]]);
    expect(urls.map(([, label]) => label)).toEqual(['View in console', 'Service events', 'Deployments']);
    expect(urls[0]![0]).toMatch(/\/tasks\/[^/]+\/configuration\?region=/);
    for (const [url] of urls.slice(1)) expect(grid).not.toContain(url);
    expect(grid).toContain('/tasks/');
  });

  it('leaves out links that are not http(s), which Slack would refuse as buttons', () => {
    const logLink = () => ({ url: 's3://bucket/logs/task.log', label: 'Log archive' });
    for (const buttons of [true, false]) {
      const message = renderMessage(oom(), { buttons, logLink });
      expect(JSON.stringify(message)).not.toContain('Log archive');
      expect(JSON.stringify(message)).not.toContain('s3://');
    }
    const actions = renderMessage(oom(), { buttons: true, logLink }).attachments![0]!.blocks!.find(
      (b) => b.type === 'actions',
    ) as any;
    expect(actions.elements.map((e: any) => e.text.text)).toEqual([
      'View in console',
      'Service events',
      'Deployments',
      'Task definition',
    ]);
  });

  it('never cuts a link in the compact context line: one too long to fit whole is left out', () => {
    // Within the URL limit (3,000), but `<url|Logs>` is longer than a text element may be.
    const url = `https://logs.example.com/search?q=${'a'.repeat(2998 - 34)}`;
    expect(url.length).toBe(2998);
    const message = renderMessage(oom(), { variant: 'compact', logLink: () => ({ url, label: 'Logs' }) });
    expect(validateMessage(message)).toEqual([]);
    const context = JSON.stringify(message.attachments ?? message.blocks);
    expect(context).not.toContain('logs.example.com');
    expect(context).toContain('Service events');
  });

  it('shows no Group field for a task with neither service nor group', () => {
    const raw = loadFixture('task', 'task-stopped-ec2-standalone-exit0-no-stopcode') as any;
    delete raw.detail.group;
    const message = renderMessage(parseEcsEvent(raw));
    expect(JSON.stringify(message)).not.toContain('*Group*');
    expect(
      JSON.stringify(
        renderMessage(parseEcsEvent(loadFixture('task', 'task-stopped-ec2-standalone-exit0-no-stopcode'))),
      ),
    ).toContain('*Group*\\nfamily:example-ecs-events-ec2');
  });
});
