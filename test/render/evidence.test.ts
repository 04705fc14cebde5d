/**
 * Evidence in messages: where the blocks go, the code block of log lines that no log text can
 * break out of (no ``` breakout, no mention, link or date), Slack's limits, and hostile text
 * everywhere (fast-check).
 */
import fc from 'fast-check';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { logStreamUrl, logsInsightsUrl } from '../../src/aws/index.js';
import { classify, parseEcsEvent, renderMessage, type RenderOptions, type SlackMessage } from '../../src/index.js';
import type { Evidence } from '../../src/aws/index.js';
import { withEvidence } from '../../src/render/evidence-blocks.js';
import { blockLists, mrkdwnTexts, validateMessage } from '../helpers/block-kit.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const event = parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'));
const c = classify(event);
const stream = logStreamUrl({
  partition: 'aws',
  region: 'eu-central-1',
  group: '/ecs/example-api',
  stream: 'ecs/app/a6eaf015',
  start: 1,
  end: 2,
})!;
const insights = logsInsightsUrl({
  partition: 'aws',
  region: 'eu-central-1',
  groups: ['/ecs/example-api'],
  query: 'fields @message\n| filter @logStream like "a6eaf015"',
})!;
const evidence = (change: Partial<Evidence> = {}): Evidence => ({
  container: 'app',
  log: { driver: 'awslogs', region: 'eu-central-1', group: '/ecs/example-api', stream: 'ecs/app/a6eaf015' },
  links: { stream, insights },
  lines: ['starting', 'panic: boom'],
  notes: [],
  ...change,
});
const VARIANTS: RenderOptions[] = [{}, { color: false }, { variant: 'compact' }, { buttons: true }];

/** The blocks of a message, attachment ones included, in order. */
const allBlocks = (message: SlackMessage): Array<Record<string, any>> =>
  blockLists(message).flatMap((list) => list.blocks as Array<Record<string, any>>);
/** The text of the section showing the log lines. */
const logsText = (message: SlackMessage): string =>
  [...mrkdwnTexts(message)].find((t) => t.text.includes('log lines'))?.text ?? '';

describe('where evidence goes', () => {
  it('before the context line, inside the coloured attachment', () => {
    const message = renderMessage(event, {
      classification: c,
      evidence: evidence({ notes: ['logs unavailable: AccessDenied (logs:GetLogEvents)'] }),
    });
    const blocks = message.attachments?.[0]?.blocks as Array<Record<string, any>>;
    const types = blocks.map((b) => b.type);
    expect(types.slice(-3)).toEqual(['section', 'context', 'context']);
    expect(blocks.at(-3)?.text.text).toMatch(
      /^:scroll: \*Last 2 log lines of `app`\* · <https:[^\n]+\n```starting\npanic: boom```$/,
    );
    expect(blocks.at(-2)?.elements[0].text).toBe('logs unavailable: AccessDenied (logs:GetLogEvents)');
    expect(
      blocks
        .at(-1)
        ?.elements.map((e: { text: string }) => e.text)
        .join(' '),
    ).toContain('account 111111111111');
  });

  it('the message without evidence is unchanged by empty evidence', () => {
    expect(renderMessage(event, { classification: c, evidence: { links: {}, lines: [], notes: [] } })).toEqual(
      renderMessage(event, { classification: c }),
    );
  });

  it('links only: one line with both links and the container', () => {
    const text = JSON.stringify(renderMessage(event, { classification: c, evidence: evidence({ lines: [] }) }));
    expect(text).toContain(`:scroll: <${stream}|Log stream> · <${insights}|Logs Insights> of \`app\``);
  });

  it('compact: a context line with the links and the notes, no lines', () => {
    const message = renderMessage(event, {
      classification: c,
      variant: 'compact',
      evidence: evidence({ notes: ['no log lines'] }),
    });
    const last = allBlocks(message).at(-2)!;
    expect(last.type).toBe('context');
    expect(last.elements.map((e: { text: string }) => e.text)).toEqual([
      `:scroll: <${stream}|Log stream> · <${insights}|Logs Insights>`,
      'no log lines',
    ]);
    expect(JSON.stringify(message)).not.toContain('panic: boom');
  });

  it('a service alert shows the latest stopped task with its reason', () => {
    const service = parseEcsEvent(loadFixture('service', 'service-task-start-impaired'));
    const stoppedTask = {
      taskArn: 'arn:aws:ecs:eu-west-1:1:task/c/abc',
      taskId: 'abc',
      outcome: 'crashed' as const,
      summary: c.summary,
      reason: 'Essential container in task exited',
      url: c.links.task,
    };
    const message = renderMessage(service, { evidence: evidence({ stoppedTask }) });
    expectSafe(message);
    const texts = [...mrkdwnTexts(message)].map((t) => t.text);
    expect(texts).toContain(
      `:mag_right: *Latest stopped task* <${c.links.task}|abc>\n${c.summary}\n\`\`\`Essential container in task exited\`\`\``,
    );
  });

  it('never past 50 blocks', () => {
    const filler: KnownBlock[] = Array.from({ length: 49 }, () => ({ type: 'divider' }));
    const message = withEvidence({ text: 't', blocks: filler }, evidence({ notes: ['n'] }), {});
    expect(message.blocks).toHaveLength(50);
    expect(withEvidence({ text: 't', blocks: [...filler, { type: 'divider' }] }, evidence(), {}).blocks).toHaveLength(
      50,
    );
  });
});

describe('the code block of log lines', () => {
  it('keeps the newest lines that fit in 3,000 characters, and says how many', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `${i}:`.padEnd(1000, 'x'));
    const message = renderMessage(event, { classification: c, evidence: evidence({ lines }) });
    expect(validateMessage(message)).toEqual([]);
    const text = logsText(message);
    expect(text.length).toBeLessThanOrEqual(3000);
    // 400 characters a line at most, and the heading holds two long links: six of the fifteen fit.
    expect(text).toContain('*Last 6 of 15 log lines of `app`*');
    expect(text).toMatch(/```9:x+…\n10:x+…\n11:x+…\n12:x+…\n13:x+…\n14:x+…```$/);
  });

  it('no log text can close the block, or form a mention, link or date', () => {
    const lines = [
      '```',
      '`',
      '<!channel> <@U123> <https://evil.example|x> <!date^1^{date}|d>',
      '&lt;!here&gt;',
      '*b* _i_ ~s~ > q',
      '```<!here>```',
    ];
    const message = renderMessage(event, { classification: c, evidence: evidence({ lines }) });
    expectSafe(message);
    const text = logsText(message);
    expect(text.split('```')).toHaveLength(3);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&amp;lt;!here&amp;gt;');
  });
});

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
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
        '```',
        '~',
        '\n',
        '\r',
        '\u001b',
        'a',
        ' ',
        'https://',
        ':smile:',
        '\ud83d\ude00',
      ),
      { maxLength: 400 },
    )
    .map((a) => a.join('')),
  fc.string({ minLength: 2000, maxLength: 3500 }),
);

describe('property: any evidence makes a valid, safe message', () => {
  it('hostile lines, container name, notes and stopped task, in every variant', () => {
    fc.assert(
      fc.property(
        fc.array(hostile, { maxLength: 20 }),
        hostile,
        fc.array(hostile, { maxLength: 12 }),
        fc.option(fc.record({ summary: hostile, reason: hostile, taskId: hostile }), { nil: undefined }),
        fc.constantFrom(...VARIANTS),
        (lines, container, notes, task, options) => {
          const stoppedTask =
            task === undefined
              ? undefined
              : { ...task, taskArn: 'arn', outcome: 'crashed' as const, url: c.links.task };
          const message = renderMessage(event, {
            classification: c,
            ...options,
            evidence: evidence({ lines, container, notes, ...(stoppedTask === undefined ? {} : { stoppedTask }) }),
          });
          expectSafe(message);
          const text = logsText(message);
          if (text !== '') expect(text.split('```').length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 100 },
    );
  });
});
