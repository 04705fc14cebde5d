/**
 * Input that once broke a stage or a message, one case each: lone surrogates in names, an
 * unknown detail-type nested thousands of levels deep, `>` after a line break, U+2028 / U+2029,
 * and mentions filling their room beside a culprit line filling its own.
 */
import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, renderMessage, type RenderOptions } from '../../src/index.js';
import { quoteLines } from '../helpers/block-kit.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const crash = () => loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
const json = (value: unknown) => JSON.stringify(value);

describe('lone surrogates', () => {
  it('become U+FFFD at parsing, so console links encode them and nothing throws', () => {
    const event = crash();
    event.detail.clusterArn = 'arn:aws:ecs:eu-central-1:111111111111:cluster/prod\ud800';
    event.detail.group = 'service:web\udfff';
    event.detail.containers[1].name = 'app\ud83d';
    const parsed = parseEcsEvent(event) as any;
    expect([parsed.detail.clusterArn.slice(-5), parsed.detail.group, parsed.detail.containers[1].name]).toEqual([
      'prod\ufffd',
      'service:web\ufffd',
      'app\ufffd',
    ]);
    const c = classify(parsed);
    expect(c.links.cluster).toContain('/clusters/prod%EF%BF%BD/');
    expect(c.links.service).toContain('/services/web%EF%BF%BD/');
    expectSafe(renderMessage(parsed, { classification: c }));
  });
});

describe('an unknown detail-type nested 20,000 levels deep', () => {
  it('renders its first levels within one section, the rest elided', () => {
    let payload: unknown = { bottom: '\ud800' };
    for (let level = 0; level < 20_000; level++) payload = { inner: payload };
    const event = parseEcsEvent({
      ...loadFixture('service', 'docs-service-steady-state'),
      'detail-type': 'ECS Future Change',
      detail: { payload },
    });
    const message = renderMessage(event, { color: false });
    expectSafe(message);
    const detail = message.blocks?.find((block) => json(block).includes('*Detail*')) as any;
    expect(detail.text.text).toContain('"inner": {…}');
    expect(detail.text.text.length).toBeLessThan(500);
  });
});

describe('line starts', () => {
  it('a > after a line break in the reason stays a character, never a block quote', () => {
    const event = crash();
    event.detail.stoppedReason = 'Essential container exited\n> see the logs\r\n  &gt; entity\u2028> after U+2028';
    const message = renderMessage(parseEcsEvent(event));
    expectSafe(message);
    const reason = json(message);
    expect(reason).toContain('\\n˃ see the logs');
    expect(quoteLines(reason.replace(/\\n/g, '\n'))).toEqual([]);
  });

  it('U+2028 and U+2029 in names and reasons are folded', () => {
    const event = crash();
    event.detail.containers[1].reason = 'line\u2028> two\u2029three';
    event.detail.group = 'service:web\u2028x';
    const message = renderMessage(parseEcsEvent(event));
    expectSafe(message);
    expect(json(message)).not.toMatch(/[\u2028\u2029]/);
  });
});

describe('the summary section budget', () => {
  it('mentions filling their 1,000 characters beside a 2,000-character culprit line keep it within 3,000', () => {
    const event = crash();
    event.detail.containers[1].name = 'n'.repeat(1950);
    const mentions = Array.from({ length: 60 }, (_, i) => ({ userGroup: `S${String(i).padStart(8, '0')}` }));
    const options: RenderOptions = { color: false, mentions: { error: mentions } };
    const message = renderMessage(parseEcsEvent(event), options);
    const summary = (message.blocks![1] as any).text.text as string;
    expect(summary.length).toBeLessThanOrEqual(3000);
    expect(summary.startsWith('<!subteam^S00000000>')).toBe(true);
    expectSafe(message, { mentions: mentions.map((m) => `<!subteam^${m.userGroup}>`) });
  });
});
