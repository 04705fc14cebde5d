import type { ChatPostMessageArguments, ChatUpdateArguments } from '@slack/web-api';
import type { IncomingWebhookSendArguments } from '@slack/webhook';
import { describe, expectTypeOf, it } from 'vitest';
import { parseEcsEvent, renderDigest, renderMessage, type ExtraField } from '../../src/index.js';
import { date, renderDeploymentCard, text, trusted, type Mrkdwn } from '../../src/slack.js';

describe('rendered payloads', () => {
  const message = renderMessage(parseEcsEvent({}));

  it('spread straight into IncomingWebhook.send and chat.postMessage / chat.update', () => {
    expectTypeOf(message).toExtend<IncomingWebhookSendArguments>();
    expectTypeOf({ channel: 'C0123', ...message }).toExtend<ChatPostMessageArguments>();
    expectTypeOf({ channel: 'C0123', ts: '1.2', ...message }).toExtend<ChatUpdateArguments>();
    expectTypeOf(
      renderDeploymentCard({ deploymentId: 'x', state: 'completed', tasksStarted: 0, tasksFailed: 0 }),
    ).toEqualTypeOf(message);
    expectTypeOf(renderDigest).returns.toEqualTypeOf(message);
  });

  it('plain strings are not Mrkdwn: only the helpers and trusted() make it', () => {
    expectTypeOf<string>().not.toExtend<Mrkdwn>();
    expectTypeOf(text('x')).toExtend<Mrkdwn>();
    expectTypeOf(trusted('*x*')).toExtend<Mrkdwn>();
  });

  it('an extra field takes markup as mrkdwn, never as value (where it would be escaped)', () => {
    expectTypeOf({ label: 'Team', value: 'payments' }).toExtend<ExtraField>();
    expectTypeOf({ label: 'Seen', mrkdwn: date('2020-03-16T15:37:04Z') }).toExtend<ExtraField>();
    expectTypeOf({ label: 'Owner', value: trusted('*x*') }).not.toExtend<ExtraField>();
    expectTypeOf({ label: 'Owner', mrkdwn: '*x*' }).not.toExtend<ExtraField>();
  });
});
