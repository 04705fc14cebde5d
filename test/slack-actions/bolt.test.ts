/**
 * `registerEcsSlackActions` on a real Bolt app (its HTTP receiver on 127.0.0.1), with Slack's
 * Web API answered by a local server and requests signed exactly as Slack signs them. The alert
 * is posted by the real pipeline through the Web API; a click mutes the service (the silence in
 * the pipeline's store, the message edited in place), and the pipeline then suppresses the
 * service (`silenced`) until the silence ends on the injected clock, when the summary goes in the
 * alert's thread. Bad signatures, stale requests, tampered values, users outside `allow` and
 * replays change nothing.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPipeline, createWebApiSender, parseEcsEvent, type PipelineLogEntry } from '../../src/index.js';
import { createSilences } from '../../src/policy/index.js';
import { createSlackActionsHandler, registerEcsSlackActions } from '../../src/slack-actions/index.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startFakeSlackApi, type FakeMessage, type FakeSlackApi } from '../helpers/slack-api.js';
import { blockActionsPayload, signedRequest } from '../helpers/slack-request.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const CHANNEL = 'C0FAKE0001';
const T0 = Date.parse('2026-11-20T14:00:00Z');

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi({ userGroups: { S0ONCALL01: ['U0CAROL01'] } });
});
afterAll(() => slack.close());

interface Setup {
  readonly store: MemoryStateStore;
  url: string;
  readonly logs: PipelineLogEntry[];
  readonly warnings: string[];
  now: number;
  readonly app: App;
}

let setup: Setup;
let events = 0;

beforeEach(async () => {
  const warnings: string[] = [];
  const logger = {
    debug: () => {},
    info: () => {},
    warn: (...m: unknown[]) => warnings.push(m.join(' ')),
    error: (...m: unknown[]) => warnings.push(m.join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
  const app = new App({
    token: 'xoxb-test-token',
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: slack.url },
    // The response waits for the listener, so each request's effects are done when it returns.
    processBeforeResponse: true,
    logger,
  });
  const store = new MemoryStateStore();
  setup = { store, logs: [], warnings, now: T0, app, url: '' };
  const current = setup;
  registerEcsSlackActions(app, {
    store,
    allow: ['U0ANA0001', 'S0ONCALL01'],
    signingSecret: SECRET,
    now: () => current.now,
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo | string | null };
  current.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterEach(() => setup.app.stop());

/** A new image-pull failure of the checkout service (distinct id and task, so never a duplicate). */
function pullFailure() {
  const event = loadFixture('task', 'synthetic-task-pull-not-found') as any;
  events++;
  event.id = `pull-${events}`;
  event.detail.taskArn = event.detail.taskArn.replace(/[0-9a-zA-Z]{32}$/, String(events).padStart(32, '0'));
  return parseEcsEvent(event);
}

/** The alert pipeline: interactive alerts through the Web API, silences read from the same store. */
function alerts() {
  const sender = createWebApiSender({
    client: new WebClient('xoxb-test-token', { slackApiUrl: slack.url }),
    channel: CHANNEL,
  });
  return createPipeline({
    sender,
    store: setup.store,
    clock: () => setup.now,
    render: { interactive: true, signingSecret: SECRET },
    logger: (entry) => setup.logs.push(entry),
    filter: { preset: 'alerts', foldWindowSeconds: false },
    // One alert per failure in the channel (no deployment card): the buttons are on each alert.
    threads: false,
  });
}

function button(message: FakeMessage, label: string): { actionId: string; value: string } {
  const blocks = [...(message.payload.blocks ?? []), ...((message.payload.attachments?.[0] as any)?.blocks ?? [])];
  for (const block of blocks as any[]) {
    for (const element of block.type === 'actions' ? block.elements : []) {
      if (element.text.text === label) return { actionId: element.action_id, value: element.value };
    }
  }
  throw new Error(`no button ${label}`);
}

let clicks = 0;
/** Posts a click on `label` of `message` to the Bolt app, signed (or not) as given. */
async function click(
  message: FakeMessage,
  label: string,
  options: { user?: string; secret?: string; at?: number; value?: (v: string) => string; actionTs?: string } = {},
) {
  const { actionId, value } = button(message, label);
  const payload = blockActionsPayload({
    user: options.user ?? 'U0ANA0001',
    channel: CHANNEL,
    message: { ts: message.ts, ...message.payload } as FakeMessage['payload'] & { ts: string },
    actionId,
    value: options.value === undefined ? value : options.value(value),
    actionTs: options.actionTs ?? `1795000000.${String(++clicks).padStart(6, '0')}`,
  });
  const seconds = Math.floor((options.at ?? Date.now()) / 1000);
  const request = signedRequest(payload, options.secret ?? SECRET, seconds);
  const response = await fetch(setup.url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, request };
}

const stored = async () => (await createSilences({ store: setup.store }).list(setup.now)).length;
const statusLine = (message: FakeMessage) =>
  JSON.stringify(message.payload).match(/ecs-slack-status[^}]*?"text":"([^"]*)"/)?.[1];

async function postAlert(): Promise<FakeMessage> {
  const before = slack.channelMessages().length;
  const result = await alerts().handle(pullFailure());
  expect(result.status).toBe('sent');
  const posted = slack.channelMessages();
  expect(posted.length).toBe(before + 1);
  return posted.at(-1) as FakeMessage;
}

describe('a mute from the alert', () => {
  it('stores the silence, edits the message in place, and the pipeline suppresses the service until it ends', async () => {
    const alert = await postAlert();
    setup.now = T0 + 60_000;
    const { status } = await click(alert, 'Mute 1h');
    expect(status).toBe(200);

    const [silence] = await createSilences({ store: setup.store }).list(setup.now);
    expect(silence).toMatchObject({
      author: 'U0ANA0001',
      reason: 'muted from Slack',
      endsAt: '2026-11-20T15:01:00.000Z',
      thread: { channel: CHANNEL, ts: alert.ts },
      match: {
        service: expect.any(String),
        cluster: expect.any(String),
        account: expect.any(String),
        region: expect.any(String),
      },
    });
    expect(silence?.match).not.toHaveProperty('cause');
    expect(alert.edits).toBe(1);
    expect(statusLine(alert)).toBe(':mute: Muted until 15:01 UTC by <@U0ANA0001> (example-api-v1)');
    expect(() => button(alert, 'Mute 1h')).toThrow();
    expect(button(alert, 'Unmute').actionId).toBe('ecs-slack-unmute');

    // A minute later (past the silences' 30 s reading), the next failure is silenced.
    setup.now = T0 + 2 * 60_000;
    const pipeline = alerts();
    const next = await pipeline.handle(pullFailure());
    expect(next.status).toBe('suppressed');
    expect(setup.logs.at(-1)?.reason).toBe('silenced');

    // The silence ends on time: the next failure alerts again, and the summary goes in the thread.
    setup.now = T0 + 61 * 60_000 - 1;
    expect((await alerts().handle(pullFailure())).status).toBe('suppressed');
    setup.now = T0 + 61 * 60_000 + 60_000;
    const later = alerts();
    await later.flush();
    const [summary] = slack.replies(alert.ts);
    expect(summary?.payload.text).toMatch(/2 events silenced by U0ANA0001 from 14:01 to 15:01 UTC: muted from Slack/);
    expect((await later.handle(pullFailure())).status).toBe('sent');
  });

  it('mutes the service and cause from the second row', async () => {
    const alert = await postAlert();
    await click(alert, 'Mute image-pull 4h');
    const [silence] = await createSilences({ store: setup.store }).list(setup.now);
    expect(silence?.match).toMatchObject({ cause: 'image-pull' });
    expect(silence?.endsAt).toBe('2026-11-20T18:00:00.000Z');
  });

  it('lets a member of an allowed user group mute', async () => {
    const alert = await postAlert();
    await click(alert, 'Mute 24h', { user: 'U0CAROL01' });
    expect(await stored()).toBe(1);
    expect(slack.calls.some((c) => c.method === 'usergroups.users.list' && c.args.usergroup === 'S0ONCALL01')).toBe(
      true,
    );
  });

  it('does not create a second silence when the same request is replayed', async () => {
    const alert = await postAlert();
    const first = await click(alert, 'Mute 1h', { actionTs: '1795000000.999999' });
    const replay = await fetch(setup.url, { method: 'POST', headers: first.request.headers, body: first.request.body });
    expect(replay.status).toBe(200);
    expect(await stored()).toBe(1);
    expect(alert.edits).toBe(1);
  });

  it('unmutes: the silence ends, the Mute buttons come back, and the service alerts again', async () => {
    const alert = await postAlert();
    await click(alert, 'Mute 1h');
    expect(await stored()).toBe(1);
    setup.now = T0 + 5 * 60_000;
    await click(alert, 'Unmute');
    expect(await stored()).toBe(0);
    expect(statusLine(alert)).toBe(':loud_sound: Unmuted by <@U0ANA0001>');
    expect(button(alert, 'Mute 1h').actionId).toBe('ecs-slack-mute-1h');
    setup.now = T0 + 6 * 60_000;
    expect((await alerts().handle(pullFailure())).status).toBe('sent');
  });

  it('acknowledges: the message says who, and nothing is silenced', async () => {
    const alert = await postAlert();
    await click(alert, 'Acknowledge');
    expect(statusLine(alert)).toBe(':eyes: Acknowledged by <@U0ANA0001>');
    expect(button(alert, 'Mute 4h').actionId).toBe('ecs-slack-mute-4h');
    expect(await stored()).toBe(0);
  });
});

describe('clicks that change nothing', () => {
  it.each([
    ['a wrong signature', { secret: 'not-the-signing-secret' }, 401],
    ['a stale timestamp (over 5 minutes)', { at: Date.now() - 6 * 60_000 }, 401],
    [
      'a tampered button value',
      { value: (v: string) => v.replace(/^(es1\.)(.)/, (_, p: string, c: string) => p + (c === 'e' ? 'f' : 'e')) },
      200,
    ],
    ['an unsigned button value', { value: () => JSON.stringify({ service: '*' }) }, 200],
  ] as const)('%s', async (_, options, status) => {
    const alert = await postAlert();
    const before = slack.calls.length;
    const response = await click(alert, 'Mute 24h', options);
    expect(response.status).toBe(status);
    expect(await stored()).toBe(0);
    expect(alert.edits).toBe(0);
    expect(slack.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    // Bolt turns a bad signature away itself; a value ecs-slack did not sign is refused after it.
    if (status === 200) expect(setup.warnings.join('\n')).toMatch(/refused a click whose button value is not one/);
  });

  it('a user outside allow: told so, to them alone', async () => {
    const alert = await postAlert();
    await click(alert, 'Mute 1h', { user: 'U0MALLORY' });
    expect(await stored()).toBe(0);
    expect(alert.edits).toBe(0);
    expect(slack.ephemeral.at(-1)).toMatchObject({
      channel: CHANNEL,
      user: 'U0MALLORY',
      text: expect.stringMatching(/not allowed/),
    });
  });
});

describe('createSlackActionsHandler: the Lambda behind a function URL (Bolt AwsLambdaReceiver)', () => {
  /** A function URL request (payload format 2.0), the body base64-encoded as Lambda delivers forms. */
  function functionUrlEvent(request: { body: string; headers: Record<string, string> }) {
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/',
      rawQueryString: '',
      headers: request.headers,
      requestContext: { http: { method: 'POST', path: '/' } },
      body: Buffer.from(request.body).toString('base64'),
      isBase64Encoded: true,
    };
  }

  it('mutes on a signed click and turns away a badly signed one', async () => {
    const alert = await postAlert();
    const handler = createSlackActionsHandler(async () => ({
      token: 'xoxb-test-token',
      signingSecret: SECRET,
      store: setup.store,
      allow: ['U0ANA0001'],
      clientOptions: { slackApiUrl: slack.url },
      now: () => setup.now,
    }));
    const { actionId, value } = button(alert, 'Mute 4h');
    const payload = blockActionsPayload({
      user: 'U0ANA0001',
      channel: CHANNEL,
      message: { ts: alert.ts, ...alert.payload },
      actionId,
      value,
      actionTs: '1795000001.000001',
    });
    const now = Math.floor(Date.now() / 1000);
    const forged = await handler(functionUrlEvent(signedRequest(payload, 'another-secret', now)) as never, {});
    expect(forged.statusCode).toBe(401);
    expect(await stored()).toBe(0);
    const signed = await handler(functionUrlEvent(signedRequest(payload, SECRET, now)) as never, {});
    expect(signed.statusCode).toBe(200);
    expect(await stored()).toBe(1);
    expect(statusLine(alert)).toMatch(/^:mute: Muted until 18:00 UTC by <@U0ANA0001>/);
  });
});
