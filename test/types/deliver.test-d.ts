import type { ChatPostMessageArguments, ChatPostMessageResponse, ChatUpdateArguments } from '@slack/web-api';
import { WebClient } from '@slack/web-api';
import type { IncomingWebhookSendArguments } from '@slack/webhook';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createWebApiSender,
  createWebhookSender,
  type PostedMessage,
  type SlackChatClient,
  type SlackMessage,
  type SlackSender,
} from '../../src/index.js';
import type {
  ChatPostMessageRequest,
  ChatPostMessageResult,
  ChatUpdateRequest,
  WebApiSender,
} from '../../src/slack.js';

declare const message: SlackMessage;

describe('the Web API sender and @slack/web-api', () => {
  it('accepts a real WebClient as its client', () => {
    expectTypeOf(new WebClient('xoxb-token')).toExtend<SlackChatClient>();
    expectTypeOf(createWebApiSender).toBeCallableWith({ client: new WebClient('xoxb-token'), channel: 'C0123456789' });
  });

  it('sends arguments chat.postMessage and chat.update accept, and reads what they return', () => {
    expectTypeOf<ChatPostMessageRequest>().toExtend<ChatPostMessageArguments>();
    expectTypeOf<ChatUpdateRequest>().toExtend<ChatUpdateArguments>();
    expectTypeOf<ChatPostMessageResponse>().toExtend<ChatPostMessageResult>();
  });

  it('lets a SlackMessage spread into chat.postMessage and chat.update', () => {
    const client = new WebClient('xoxb-token');
    expectTypeOf(client.chat.postMessage).toBeCallableWith({ channel: 'C0123456789', ...message });
    expectTypeOf(client.chat.postMessage).toBeCallableWith({ channel: 'C0123456789', thread_ts: '1.2', ...message });
    expectTypeOf(client.chat.update).toBeCallableWith({ channel: 'C0123456789', ts: '1.2', ...message });
  });
});

describe('SlackMessage and @slack/webhook', () => {
  it('is an IncomingWebhookSendArguments', () => {
    expectTypeOf<SlackMessage>().toExtend<IncomingWebhookSendArguments>();
    expectTypeOf<SlackMessage & { thread_ts: string }>().toExtend<IncomingWebhookSendArguments>();
  });
});

describe('the sender contract', () => {
  it('types both senders as SlackSender, the Web API one with a required update', () => {
    expectTypeOf(createWebhookSender({ url: 'https://hooks.slack.com/services/x' })).toEqualTypeOf<SlackSender>();
    expectTypeOf(createWebhookSender).toBeCallableWith({ url: async () => 'https://hooks.slack.com/services/x' });
    expectTypeOf<WebApiSender>().toExtend<SlackSender>();
    expectTypeOf<WebApiSender['update']>().toEqualTypeOf<
      (channel: string, ts: string, message: SlackMessage) => Promise<void>
    >();
    expectTypeOf<SlackSender['post']>().returns.resolves.toEqualTypeOf<PostedMessage>();
  });
});
