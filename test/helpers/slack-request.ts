/**
 * Requests as Slack sends them to an interactivity URL: a `block_actions` payload, form-encoded
 * (`payload=...`), signed with the app's signing secret (`v0=` HMAC-SHA256 of
 * `v0:timestamp:body`, in `x-slack-signature`, the time in `x-slack-request-timestamp`).
 */
import { createHmac } from 'node:crypto';

/** A click on a button of a message in a channel. */
export interface Click {
  readonly user: string;
  readonly channel: string;
  /** The message as Slack holds it: its `ts`, text, blocks and attachments. */
  readonly message: { ts: string; text?: string; blocks?: unknown[]; attachments?: unknown[] };
  readonly actionId: string;
  readonly value: string;
  /** Unique per click. */
  readonly actionTs: string;
}

/** The `block_actions` payload of a click. */
export function blockActionsPayload(click: Click): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: click.user, username: click.user.toLowerCase(), name: click.user.toLowerCase(), team_id: 'T0FAKE0001' },
    api_app_id: 'A0FAKE0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: click.message.ts, channel_id: click.channel, is_ephemeral: false },
    trigger_id: '1111.2222.abcd',
    team: { id: 'T0FAKE0001', domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: click.channel, name: 'ecs-alerts' },
    message: { type: 'message', user: 'U0BOT0001', bot_id: 'B0BOT0001', ...click.message },
    response_url: 'https://hooks.slack.com/actions/T0FAKE0001/1/abc',
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'ecs-slack-actions',
        value: click.value,
        text: { type: 'plain_text', text: 'Mute', emoji: true },
        action_ts: click.actionTs,
      },
    ],
  };
}

/** The body and headers of a signed request, as Slack sends it at `timestampSeconds`. */
export function signedRequest(
  payload: unknown,
  secret: string,
  timestampSeconds: number,
): { body: string; headers: Record<string, string> } {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const signature = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestampSeconds),
      'x-slack-signature': `v0=${signature}`,
    },
  };
}
