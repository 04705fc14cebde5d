/**
 * `interactive`: alerts about a service carry Acknowledge and Mute buttons (a second row for the
 * alert's cause), whose values are signed and verify only under the same secret and unchanged;
 * no buttons without it, without a secret, or for an alert of no service.
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { classify, createPipeline, parseEcsEvent, renderMessage, type SlackMessage } from '../../src/index.js';
import { signAction, verifyAction } from '../../src/render/action-value.js';
import { validateMessage } from '../helpers/block-kit.js';
import { allFixtures, parsedFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const SECRET = 'test-signing-secret-0123456789abcdef';
const interactive = { interactive: true, signingSecret: SECRET } as const;

function allBlocks(message: SlackMessage): KnownBlock[] {
  return [...(message.blocks ?? []), ...((message.attachments?.[0]?.blocks ?? []) as KnownBlock[])];
}

function actionRows(message: SlackMessage): ActionsBlock[] {
  return allBlocks(message).filter(
    (b): b is ActionsBlock => b.type === 'actions' && (b.block_id ?? '').startsWith('ecs-slack-actions'),
  );
}

describe('interactive alerts', () => {
  it('carry Acknowledge and Mute 1h / 4h / 24h, and a row muting the cause when there is one', () => {
    const event = parsedFixture('task', 'synthetic-task-pull-not-found');
    const message = renderMessage(event, interactive);
    const rows = actionRows(message);
    const labels = rows.map((row) => row.elements.map((e) => (e as Button).text.text));
    expect(labels).toEqual([
      ['Acknowledge', 'Mute 1h', 'Mute 4h', 'Mute 24h'],
      ['Mute image-pull 1h', 'Mute image-pull 4h', 'Mute image-pull 24h'],
    ]);
    expect(validateMessage(message)).toEqual([]);
    // The buttons sit in the attachment, before the closing context line.
    const inAttachment = (message.attachments?.[0]?.blocks ?? []) as KnownBlock[];
    expect(inAttachment.at(-1)?.type).toBe('context');
    expect(inAttachment.at(-2)?.block_id).toBe('ecs-slack-actions-cause');
    const mute4h = rows[0]?.elements[2] as Button;
    expect(verifyAction(mute4h.value, SECRET)).toEqual({
      action: 'mute',
      hours: 4,
      withCause: false,
      target: {
        service: expect.any(String),
        cluster: expect.any(String),
        account: event.account,
        region: event.region,
        cause: 'image-pull',
      },
    });
  });

  it('keep every fixture valid and safe, and never show the secret', () => {
    for (const fixture of allFixtures()) {
      const event = parseEcsEvent(fixture.event);
      for (const options of [
        interactive,
        { ...interactive, color: false },
        { ...interactive, variant: 'compact' as const },
      ]) {
        const message = renderMessage(event, options);
        expectSafe(message);
        expect(JSON.stringify(message)).not.toContain(SECRET);
        // Only an alert about a service can be muted from Slack.
        expect(actionRows(message).length > 0).toBe(classify(event).identity.service !== undefined);
      }
    }
  });

  it('have no buttons when interactive is off or no secret is given', () => {
    const event = parsedFixture('task', 'synthetic-task-pull-not-found');
    expect(actionRows(renderMessage(event))).toEqual([]);
    expect(actionRows(renderMessage(event, { interactive: true }))).toEqual([]);
    expect(actionRows(renderMessage(event, { signingSecret: SECRET }))).toEqual([]);
  });

  it('are refused by createPipeline without a signing secret', () => {
    const sender = { post: async () => ({}) };
    expect(() => createPipeline({ sender, render: { interactive: true } })).toThrow(/interactive: needs signingSecret/);
  });
});

describe('button values', () => {
  const target = { service: 'checkout', cluster: 'prod', account: '111122223333', region: 'eu-west-1' };

  it('verify only unchanged and under the same secret', () => {
    const value = signAction({ action: 'mute', target, hours: 1, withCause: false }, SECRET);
    expect(verifyAction(value, SECRET)).toEqual({ action: 'mute', target, hours: 1, withCause: false });
    expect(verifyAction(value, 'another-secret')).toBeUndefined();
    const [prefix, body, signature] = value.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), s: '*' }),
    ).toString('base64url');
    expect(verifyAction(`${prefix}.${forged}.${signature}`, SECRET)).toBeUndefined();
    expect(verifyAction(`${prefix}.${body}.${signature.slice(1)}`, SECRET)).toBeUndefined();
    expect(verifyAction(`${value}.x`, SECRET)).toBeUndefined();
    expect(verifyAction('{"service":"checkout"}', SECRET)).toBeUndefined();
    expect(verifyAction(undefined, SECRET)).toBeUndefined();
  });

  it('refuse a signed value that holds a glob or an unknown duration', () => {
    const glob = signAction({ action: 'ack', target: { service: 'prod-*' } }, SECRET);
    expect(verifyAction(glob, SECRET)).toBeUndefined();
    const odd = signAction({ action: 'mute', target, hours: 2 as 1, withCause: false }, SECRET);
    expect(verifyAction(odd, SECRET)).toBeUndefined();
    const noCause = signAction({ action: 'mute', target, hours: 1, withCause: true }, SECRET);
    expect(verifyAction(noCause, SECRET)).toBeUndefined();
  });

  it('fit a button value (2,000 characters) with the longest names', () => {
    const long = {
      service: 's'.repeat(255),
      cluster: 'c'.repeat(255),
      account: '111122223333',
      region: 'ap-southeast-5',
    };
    const value = signAction(
      { action: 'unmute', target: { ...long, cause: 'container-health' }, silenceId: 'x'.repeat(64) },
      SECRET,
    );
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(verifyAction(value, SECRET)?.action).toBe('unmute');
  });
});
