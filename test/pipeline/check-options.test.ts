/**
 * createHandler and createPipeline check every option when they are created: one ConfigError
 * naming the option, before anything is delivered, and never the option's value.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, createHandler, isConfigError } from '../../src/lambda/index.js';
import { createPipeline, type SlackSender } from '../../src/index.js';
import { MemoryStateStore } from '../../src/state/index.js';

const sender: SlackSender = { post: async () => ({}) };
const webApi = {
  client: { chat: { postMessage: async () => ({ ok: true }), update: async () => ({ ok: true }) } },
  channel: 'C0123456789',
};

/** The error `create` throws, which must be a ConfigError. */
function configError(create: () => unknown): ConfigError {
  try {
    create();
  } catch (error) {
    expect(isConfigError(error), String(error)).toBe(true);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

describe('createHandler: options are checked at creation', () => {
  it.each([
    [
      { sender, filter: { decide: async () => ({ action: 'suppress' }) } },
      'options.filter: expected a NoiseFilter (decide, commit, release, flush) or filter options, got an object without commit, release, flush',
    ],
    [
      { sender, filter: 'alerts' },
      'options.filter: expected a NoiseFilter (decide, commit, release, flush) or filter options, got string',
    ],
    [
      { sender, filter: { minSeverity: 'loud' } },
      'options.filter.minSeverity must be "info", "success", "warning", "error"',
    ],
    [
      { sender, filter: { preset: 'quiet' } },
      'options.filter: unknown filter preset "quiet"; use alerts, verbose or none',
    ],
    [
      { sender, filter: { foldWindowSeconds: 0 } },
      'options.filter: foldWindowSeconds must be a positive number of seconds, or false',
    ],
    [
      { sender, filter: { store: new Map() } },
      'options.filter.store: expected a StateStore (get, put, putIfHigher, update, take, list), got an object without put, putIfHigher',
    ],
    [
      { sender, store: {} },
      'options.store: expected a StateStore (get, put, putIfHigher, update, take, list), got an object without get, put, putIfHigher, update, take, list',
    ],
    [
      { sender: { send: async () => ({}) } },
      'options.sender: expected a SlackSender (post, and optionally update), got an object without post',
    ],
    [
      { sender: { post: async () => ({}), update: 'yes' } },
      'options.sender: expected a SlackSender (post, and optionally update), got an object whose update is not a function',
    ],
    [
      { webApi: { client: {}, channel: 'C0123456789' } },
      'options.webApi.client: expected a WebClient (chat.postMessage, chat.update), got an object',
    ],
    [{ webApi: { ...webApi, channel: ' ' } }, 'options.webApi.channel: expected a non-empty string, got string'],
    [{ webhookUrl: 42 }, 'options.webhookUrl: expected a string, got number'],
    [
      { sender, webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' },
      'options: give one destination, not sender and webhookUrl',
    ],
    [
      { sender, threads: true },
      'options.threads: deployment threads need a sender that can update messages (webApi, or a sender with update)',
    ],
    [{ sender, threads: 'yes' }, 'options.threads: expected true or false, got string'],
    [
      { sender, resolveSecret: 'arn:aws:secretsmanager:us-east-1:1:secret:x' },
      'options.resolveSecret: expected a function, got string',
    ],
    [{ sender, env: 'prod' }, 'options.env: expected an object, got string'],
    [
      { sender, kind: 'tasks' },
      'options.kind: expected one of "task", "service", "deployment", "container-instance", got another string',
    ],
    [
      { sender, flushIntervalSeconds: '60' },
      'options.flushIntervalSeconds: expected false or a number of at least 0, got string',
    ],
    [
      { sender, flushIntervalSeconds: true },
      'options.flushIntervalSeconds: expected false or a number of at least 0, got boolean',
    ],
    [{ sender, deadlineMarginMs: Number.NaN }, 'options.deadlineMarginMs: expected a number of at least 0, got number'],
    [
      { sender, render: { variant: 'tiny' } },
      'options.render.variant: expected one of "full", "compact", got another string',
    ],
    [{ sender, render: { title: 7 } }, 'options.render.title: expected a string or a function, got number'],
    [{ sender, logger: console }, 'options.logger: expected a function, got an object'],
    [{ sender, clock: Date.now() }, 'options.clock: expected a function, got number'],
    [{ sender, fliter: { preset: 'verbose' } }, 'options.fliter: unknown option'],
    [{ sender, onInvalid: 'ignore' }, 'options.onInvalid: expected one of "alert", "drop", "fail", got another string'],
    [
      { sender, dropInvalidRecords: true },
      "options.dropInvalidRecords: removed: use onInvalid: 'drop' for true, 'fail' for false",
    ],
  ])('%o', (options, message) => {
    const error = configError(() => createHandler(options as never));
    expect(error.message.startsWith(`createHandler: ${message}`), error.message).toBe(true);
    // One line, and never the value given.
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('secretsmanager');
  });

  it('a filter that is not one fails at creation, before anything is posted', () => {
    const posts: unknown[] = [];
    const recording: SlackSender = { post: async (message) => (posts.push(message), {}) };
    expect(() =>
      createHandler({ sender: recording, filter: { decide: async () => ({ action: 'notify' }) } as never }),
    ).toThrow(ConfigError);
    expect(posts).toEqual([]);
  });

  it('accepts what the types accept', () => {
    const store = new MemoryStateStore();
    for (const options of [
      {},
      {
        sender,
        filter: { preset: 'verbose' as const, clusters: { include: ['prod'] } },
        store,
        flushIntervalSeconds: false as const,
        deadlineMarginMs: 0,
        onInvalid: 'fail' as const,
      },
      {
        webApi,
        threads: true,
        render: { variant: 'compact' as const, mentions: { error: [{ userGroup: 'S0123ABCD' }] } },
      },
      {
        webhookUrl: '  ',
        env: { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x' },
        kind: 'task' as const,
      },
      {
        sender: { post: async () => ({}), update: async () => undefined },
        threads: true,
        logger: () => undefined,
        clock: Date.now,
      },
    ]) {
      expect(() => createHandler(options)).not.toThrow();
    }
  });

  it('rejects options that are not an object', () => {
    expect(configError(() => createHandler('alerts' as never)).message).toBe(
      'createHandler: expected an options object, got string',
    );
  });
});

describe('createPipeline: options are checked at creation', () => {
  it.each([
    [
      { sender, filter: { decide: async () => ({ action: 'suppress' }) } },
      'options.filter: expected a NoiseFilter (decide, commit, release, flush) or filter options, got an object without commit, release, flush',
    ],
    [{}, 'options.sender: required'],
    [{ sender, namespace: '' }, 'options.namespace: expected a non-empty string, got string'],
    [{ sender, threads: true }, 'options.threads: deployment threads need a sender that can update messages'],
    [{ sender, webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' }, 'options.webhookUrl: unknown option'],
  ])('%o', (options, message) => {
    const error = configError(() => createPipeline(options as never));
    expect(error.message.startsWith(`createPipeline: ${message}`), error.message).toBe(true);
    expect(error.message).not.toContain('hooks.slack.com');
  });
});
