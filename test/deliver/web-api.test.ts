import { LogLevel, WebClient, type Logger } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebApiSender, type SlackChatClient, type SlackMessage } from '../../src/index.js';
import type { ChatPostMessageRequest, ChatUpdateRequest } from '../../src/slack.js';
import { deliveryFailure, expectNoSecret } from '../helpers/delivery-errors.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

const TOKEN = 'xoxb-111-222-sEcReTbOtToKeN';

const message: SlackMessage = {
  text: 'Deployment ecs-svc/123 started',
  blocks: [
    { type: 'header', block_id: 'title-1', text: { type: 'plain_text', text: 'Deploying api' } },
    { type: 'section', block_id: 'progress-1', text: { type: 'mrkdwn', text: '0 of 3 tasks running' } },
  ],
};

/** A fake client recording its calls; `fail` makes the next call throw what it returns. */
function fakeClient(fail?: () => unknown): SlackChatClient & {
  readonly posts: ChatPostMessageRequest[];
  readonly updates: ChatUpdateRequest[];
} {
  const posts: ChatPostMessageRequest[] = [];
  const updates: ChatUpdateRequest[] = [];
  return {
    posts,
    updates,
    chat: {
      postMessage: async (args) => {
        posts.push(args);
        if (fail) throw fail();
        return { ok: true, channel: 'C0123456789', ts: `1700000000.00010${posts.length}` };
      },
      update: async (args) => {
        updates.push(args);
        if (fail) throw fail();
        return { ok: true };
      },
    },
  };
}

/** WebClient errors as `@slack/web-api` 8 builds them (class name, `code` and fields). */
function slackError(code: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(`An API error occurred (token ${TOKEN})`), { code, ...fields });
}

describe('createWebApiSender with a fake client', () => {
  it('posts the message to the channel and returns channel and ts', async () => {
    const client = fakeClient();
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    await expect(sender.post(message)).resolves.toEqual({ channel: 'C0123456789', ts: '1700000000.000101' });
    expect(client.posts).toEqual([{ channel: 'C0123456789', ...message }]);
  });

  it('passes thread_ts for a reply', async () => {
    const client = fakeClient();
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    const parent = await sender.post(message);
    await sender.post(message, { threadTs: parent.ts });
    expect(client.posts[1]).toEqual({ channel: 'C0123456789', ...message, thread_ts: '1700000000.000101' });
  });

  it('passes reply_broadcast with thread_ts when asked, and never without a thread', async () => {
    const client = fakeClient();
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    await sender.post(message, { threadTs: '1700000000.000101', replyBroadcast: true });
    await sender.post(message, { replyBroadcast: true });
    expect(client.posts).toEqual([
      { channel: 'C0123456789', ...message, thread_ts: '1700000000.000101', reply_broadcast: true },
      { channel: 'C0123456789', ...message },
    ]);
  });

  it('updates a message in place with chat.update', async () => {
    const client = fakeClient();
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    await sender.update('C0123456789', '1700000000.000101', message);
    expect(client.updates).toEqual([{ channel: 'C0123456789', ts: '1700000000.000101', ...message }]);
  });

  it('turns a platform error into a DeliveryError with slackError', async () => {
    const client = fakeClient(() =>
      slackError('slack_webapi_platform_error', { data: { ok: false, error: 'channel_not_found' } }),
    );
    const error = await deliveryFailure(createWebApiSender({ client, channel: 'C0123456789' }).post(message));
    expect(error).toMatchObject({ slackError: 'channel_not_found', status: undefined, attempts: 1, retryable: false });
    expect(error.message).toBe('Slack chat.postMessage rejected the message: channel_not_found');
    expect('cause' in error).toBe(false);
    expectNoSecret(error, [TOKEN, 'sEcReTbOtToKeN']);
  });

  it('names the block an invalid_blocks error points at', async () => {
    const data = {
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be more than 0 characters [json-pointer:/blocks/1/text/text]'],
      response_metadata: { messages: ['[ERROR] must be more than 0 characters [json-pointer:/blocks/1/text/text]'] },
    };
    const client = fakeClient(() => slackError('slack_webapi_platform_error', { data }));
    const error = await deliveryFailure(
      createWebApiSender({ client, channel: 'C0123456789' }).update('C1', '1.2', message),
    );
    expect(error.message).toBe(
      'Slack chat.update rejected the message: invalid_blocks; block 1 (section, block_id "progress-1") at /blocks/1/text/text: must be more than 0 characters',
    );
  });

  it.each([
    [
      'rate limited',
      slackError('slack_webapi_rate_limited_error', { retryAfter: 30 }),
      { status: 429, slackError: 'ratelimited', retryable: true },
      'rate limited; Retry-After 30 s',
    ],
    [
      'HTTP 503',
      slackError('slack_webapi_http_error', { statusCode: 503, headers: { authorization: `Bearer ${TOKEN}` } }),
      { status: 503, retryable: true },
      'HTTP 503',
    ],
    [
      'HTTP 400',
      slackError('slack_webapi_http_error', { statusCode: 400 }),
      { status: 400, retryable: false },
      'HTTP 400',
    ],
    [
      'a network error',
      slackError('slack_webapi_request_error', {
        original: Object.assign(new TypeError(`fetch failed ${TOKEN}`), { cause: { code: 'ECONNRESET' } }),
      }),
      { status: undefined, retryable: true },
      'network error ECONNRESET',
    ],
    [
      'internal_error',
      slackError('slack_webapi_platform_error', { data: { ok: false, error: 'internal_error' } }),
      { slackError: 'internal_error', retryable: true },
      'internal_error',
    ],
    [
      'anything else',
      new RangeError(`bad ${TOKEN}`),
      { status: undefined, slackError: undefined, retryable: false },
      'unexpected RangeError',
    ],
  ])('wraps %s without the token', async (_name, thrown, fields, detail) => {
    const client = fakeClient(() => thrown);
    const error = await deliveryFailure(createWebApiSender({ client, channel: 'C0123456789' }).post(message));
    expect(error).toMatchObject(fields);
    expect(error.message).toBe(`Slack chat.postMessage failed: ${detail}`);
    expectNoSecret(error, [TOKEN, 'sEcReTbOtToKeN']);
  });

  it('does not call chat.postMessage once the deadline leaves no time, and says it may be retried', async () => {
    const client = fakeClient();
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    const error = await deliveryFailure(sender.post(message, { deadline: Date.now() + 10 }));
    expect(client.posts).toHaveLength(0);
    expect(error).toMatchObject({ attempts: 0, retryable: true });
    await expect(sender.post(message, { deadline: Date.now() + 60_000 })).resolves.toMatchObject({
      channel: 'C0123456789',
    });
    expect(client.posts).toHaveLength(1);
  });

  it('treats an { ok: false } result from a client that does not throw as a failure', async () => {
    const client: SlackChatClient = {
      chat: {
        postMessage: async () => ({ ok: false, error: 'not_in_channel' }),
        update: async () => ({ ok: false, error: 'cant_update_message' }),
      },
    };
    const sender = createWebApiSender({ client, channel: 'C0123456789' });
    expect(await deliveryFailure(sender.post(message))).toMatchObject({
      slackError: 'not_in_channel',
      retryable: false,
    });
    expect(await deliveryFailure(sender.update('C1', '1.2', message))).toMatchObject({
      slackError: 'cant_update_message',
    });
  });
});

describe('createWebApiSender with a real WebClient on 127.0.0.1', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const silent: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    setLevel: () => undefined,
    getLevel: () => LogLevel.ERROR,
    setName: () => undefined,
  };

  it('posts, replies in the thread, updates, and reports channel_not_found without the token', async () => {
    server = await startScriptedServer((request) => {
      const form = new URLSearchParams(request.body);
      if (request.path === '/api/chat.update')
        return { status: 200, body: JSON.stringify({ ok: true, ts: form.get('ts') }) };
      if (form.get('channel') === 'C_GONE') {
        return { status: 200, body: JSON.stringify({ ok: false, error: 'channel_not_found' }) };
      }
      const ts = form.has('thread_ts') ? '1700000000.000200' : '1700000000.000100';
      return { status: 200, body: JSON.stringify({ ok: true, channel: form.get('channel'), ts }) };
    });
    const client = new WebClient(TOKEN, {
      slackApiUrl: `${server.origin}/api/`,
      retryConfig: { retries: 0 },
      logger: silent,
    });
    const sender = createWebApiSender({ client, channel: 'C0123456789' });

    const parent = await sender.post(message);
    expect(parent).toEqual({ channel: 'C0123456789', ts: '1700000000.000100' });
    expect(await sender.post(message, { threadTs: parent.ts })).toEqual({
      channel: 'C0123456789',
      ts: '1700000000.000200',
    });
    await sender.update('C0123456789', '1700000000.000100', message);

    const [post, reply, update] = server.requests.map((request) => ({
      path: request.path,
      auth: request.headers.authorization,
      form: Object.fromEntries(new URLSearchParams(request.body)),
    }));
    expect(post).toMatchObject({ path: '/api/chat.postMessage', auth: `Bearer ${TOKEN}` });
    expect(post?.form).toMatchObject({
      channel: 'C0123456789',
      text: message.text,
      blocks: JSON.stringify(message.blocks),
    });
    expect(post?.form).not.toHaveProperty('link_names');
    expect(reply?.form).toMatchObject({ thread_ts: '1700000000.000100' });
    expect(update).toMatchObject({
      path: '/api/chat.update',
      form: { channel: 'C0123456789', ts: '1700000000.000100' },
    });

    const gone = createWebApiSender({ client, channel: 'C_GONE' });
    const error = await deliveryFailure(gone.post(message));
    expect(error).toMatchObject({ slackError: 'channel_not_found', retryable: false });
    expect(error.message).toBe('Slack chat.postMessage rejected the message: channel_not_found');
    expectNoSecret(error, [TOKEN, 'sEcReTbOtToKeN', server.origin]);
  });
});
