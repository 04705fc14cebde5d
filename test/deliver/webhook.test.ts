import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_DEFAULTS } from '../../src/slack.js';
import {
  createPipeline,
  createWebhookSender,
  parseEcsEvent,
  type PipelineLogEntry,
  type SlackMessage,
  type WebhookSenderOptions,
} from '../../src/index.js';
import { webhookUrlProblem } from '../../src/deliver/webhook-url.js';
import { loadFixture } from '../helpers/fixtures.js';
import { deliveryFailure, expectNoSecret } from '../helpers/delivery-errors.js';
import { listenOnLoopback } from '../helpers/loopback.js';
import { startScriptedServer, type Reply, type ScriptedServer } from '../helpers/slack-server.js';

const SECRET_PATH = '/services/T0SECRET1/B0SECRET2/sEcReTwEbHoOkToKeN';

const message: SlackMessage = {
  text: 'api crashed: exit code 1',
  blocks: [
    { type: 'header', block_id: 'title', text: { type: 'plain_text', text: 'api crashed' } },
    { type: 'section', block_id: 'fields', fields: [{ type: 'mrkdwn', text: '*Exit code*\n1' }] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'us-east-1' }] },
  ],
};

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fake clock whose sleeps advance it, recording every requested wait. */
function fakeTime(): Required<Pick<WebhookSenderOptions, 'sleep' | 'now' | 'random'>> & { readonly sleeps: number[] } {
  let time = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

async function serve(script: readonly Reply[]): Promise<{ url: string; secrets: string[] }> {
  server = await startScriptedServer(script);
  const url = `${server.origin}${SECRET_PATH}`;
  return { url, secrets: [url, SECRET_PATH, 'sEcReTwEbHoOkToKeN', server.origin.replace('http://', '')] };
}

/** The secrets less the bare host, which a network error names (the URL and its path stay secret). */
const withoutHost = (secrets: readonly string[]): string[] => secrets.filter((secret) => !/^[\d.]+:\d+$/.test(secret));

describe('createWebhookSender: success', () => {
  it('posts exactly the JSON of the message and resolves to {} on 200 ok', async () => {
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    const sender = createWebhookSender({ url });
    await expect(sender.post(message)).resolves.toEqual({});
    expect(sender.update).toBeUndefined();
    const [request] = server?.requests ?? [];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(SECRET_PATH);
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.body).toBe(JSON.stringify(message));
    expect(request?.body).not.toContain('link_names');
  });

  it('passes thread_ts through for a thread reply', async () => {
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    await createWebhookSender({ url }).post(message, { threadTs: '1700000000.000100' });
    expect(JSON.parse(server?.requests[0]?.body ?? '')).toEqual({ ...message, thread_ts: '1700000000.000100' });
  });

  it('resolves the URL once, from an async function', async () => {
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    let calls = 0;
    const sender = createWebhookSender({
      url: async () => {
        calls += 1;
        return url;
      },
    });
    await sender.post(message);
    await sender.post(message);
    expect(calls).toBe(1);
    expect(server?.requests).toHaveLength(2);
  });
});

describe('createWebhookSender: retries', () => {
  it('retries a 500 after a jittered backoff and counts the attempts', async () => {
    const { url } = await serve([
      { status: 500, body: 'internal_error' },
      { status: 200, body: 'ok' },
    ]);
    const time = fakeTime();
    await expect(createWebhookSender({ url, ...time }).post(message)).resolves.toEqual({});
    expect(server?.requests).toHaveLength(2);
    expect(server?.requests[1]?.body).toBe(JSON.stringify(message));
    // Equal jitter around baseDelayMs 500: half of it plus random (0.5) times the other half.
    expect(time.sleeps).toEqual([375]);
  });

  it('retries a connection the server destroyed', async () => {
    const { url } = await serve(['destroy', { status: 200, body: 'ok' }]);
    const time = fakeTime();
    await expect(createWebhookSender({ url, ...time }).post(message)).resolves.toEqual({});
    expect(server?.requests).toHaveLength(2);
    expect(time.sleeps).toHaveLength(1);
  });

  it('gives up retryable on connections destroyed every time', async () => {
    const { url, secrets } = await serve(['destroy']);
    const error = await deliveryFailure(createWebhookSender({ url, ...fakeTime(), maxAttempts: 2 }).post(message));
    expect(server?.requests).toHaveLength(2);
    expect(error).toMatchObject({ status: undefined, attempts: 2, retryable: true });
    expect(error.message).toBe(
      `Slack webhook failed after 2 attempts: network error UND_ERR_SOCKET connecting to ${new URL(url).host}`,
    );
    // A network error names the host it tried (hooks.slack.com), never the path or its token.
    expectNoSecret(error, withoutHost(secrets));
  });

  it('backs off exponentially with jitter between attempts, then gives up retryable', async () => {
    const { url, secrets } = await serve([{ status: 503, body: 'service_unavailable' }]);
    const time = { ...fakeTime(), random: () => 0 };
    const error = await deliveryFailure(
      createWebhookSender({ url, ...time, maxAttempts: 4, maxDelayMs: 1500 }).post(message),
    );
    // Ceilings 500, 1000, then 2000 capped to 1500; random 0 gives the lower half of each.
    expect(time.sleeps).toEqual([250, 500, 750]);
    expect(error).toMatchObject({ status: 503, slackError: 'service_unavailable', attempts: 4, retryable: true });
    expect(error.message).toBe('Slack webhook failed after 4 attempts: HTTP 503 service_unavailable');
    expectNoSecret(error, secrets);
  });

  it('times out a hanging response, retries it, then gives up retryable', async () => {
    const { url, secrets } = await serve(['hang']);
    const started = Date.now();
    const error = await deliveryFailure(
      createWebhookSender({ url, ...fakeTime(), timeoutMs: 100, maxAttempts: 2 }).post(message),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server?.requests).toHaveLength(2);
    expect(error).toMatchObject({ status: undefined, slackError: undefined, attempts: 2, retryable: true });
    expect(error.message).toBe('Slack webhook failed after 2 attempts: timed out after 100 ms');
    expectNoSecret(error, secrets);
  });

  it("waits out a 429's Retry-After before trying again", async () => {
    const { url } = await serve([
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } },
      { status: 200, body: 'ok' },
    ]);
    const time = { ...fakeTime(), random: () => 0 };
    await expect(createWebhookSender({ url, ...time }).post(message)).resolves.toEqual({});
    expect(time.sleeps).toEqual([1000]);
    expect(server?.requests).toHaveLength(2);
  });

  it('adds at most baseDelayMs of jitter to Retry-After', async () => {
    const { url } = await serve([
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '2' } },
      { status: 200, body: 'ok' },
    ]);
    const time = { ...fakeTime(), random: () => 0.5 };
    await createWebhookSender({ url, ...time, baseDelayMs: 200 }).post(message);
    expect(time.sleeps).toEqual([2100]);
  });

  it('gives up at once, retryable, when Retry-After exceeds the budget', async () => {
    const { url, secrets } = await serve([{ status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } }]);
    const time = fakeTime();
    const error = await deliveryFailure(createWebhookSender({ url, ...time }).post(message));
    expect(time.sleeps).toEqual([]);
    expect(server?.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, slackError: 'rate_limited', attempts: 1, retryable: true });
    expect(error.message).toBe(
      `Slack webhook gave up after 1 attempt: HTTP 429 rate_limited; Retry-After 30 s exceeds the ${WEBHOOK_DEFAULTS.maxTotalMs} ms budget`,
    );
    expectNoSecret(error, secrets);
  });

  it('gives up when a backoff would end past the budget', async () => {
    const { url } = await serve([{ status: 502, body: '<html>Bad Gateway</html>' }]);
    const time = fakeTime();
    const error = await deliveryFailure(
      createWebhookSender({ url, ...time, maxTotalMs: 1000, maxAttempts: 10 }).post(message),
    );
    expect(time.sleeps).toEqual([375]);
    expect(error).toMatchObject({ status: 502, slackError: undefined, attempts: 2, retryable: true });
    expect(error.message).toMatch(/^Slack webhook gave up after 2 attempts: HTTP 502; a \d+ ms backoff exceeds/);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const { url, secrets } = await serve([{ status: 200 }]);
    await server?.close();
    const error = await deliveryFailure(createWebhookSender({ url, ...fakeTime(), maxAttempts: 2 }).post(message));
    expect(error).toMatchObject({ status: undefined, attempts: 2, retryable: true });
    // The code and where it tried to connect (127.0.0.1:port, hooks.slack.com), never the path.
    expect(error.message).toBe(
      `Slack webhook failed after 2 attempts: network error ECONNREFUSED connecting to ${new URL(url).host}`,
    );
    expect(new URL(url).pathname.length).toBeGreaterThan(10);
    // A network error names the host it tried (hooks.slack.com), never the path or its token.
    expectNoSecret(error, withoutHost(secrets));
  });
});

describe('createWebhookSender: a deadline', () => {
  it('cuts the attempt to a hanging Slack at the deadline and gives up retryable, not after its own 5 s', async () => {
    const { url, secrets } = await serve(['hang']);
    const started = Date.now();
    const error = await deliveryFailure(createWebhookSender({ url }).post(message, { deadline: started + 300 }));
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(WEBHOOK_DEFAULTS.timeoutMs / 5);
    expect(server?.requests).toHaveLength(1);
    expect(error).toMatchObject({ attempts: 1, retryable: true });
    expect(error.message).toMatch(
      /^Slack webhook gave up after 1 attempt: timed out after \d+ ms; a \d+ ms backoff exceeds the \d+ ms left before the deadline$/,
    );
    expectNoSecret(error, secrets);
  });

  it('does not start a backoff that would end past the deadline', async () => {
    const { url } = await serve([
      { status: 503, body: 'service_unavailable' },
      { status: 200, body: 'ok' },
    ]);
    const time = fakeTime();
    const error = await deliveryFailure(
      createWebhookSender({ url, ...time }).post(message, { deadline: time.now() + 400 }),
    );
    expect(time.sleeps).toEqual([]);
    expect(server?.requests).toHaveLength(1);
    expect(error.message).toBe(
      'Slack webhook gave up after 1 attempt: HTTP 503 service_unavailable; a 375 ms backoff exceeds the 400 ms left before the deadline',
    );
  });

  it('retries within the deadline as usual when there is time', async () => {
    const { url } = await serve([
      { status: 503, body: 'service_unavailable' },
      { status: 200, body: 'ok' },
    ]);
    const time = fakeTime();
    await expect(createWebhookSender({ url, ...time }).post(message, { deadline: time.now() + 5000 })).resolves.toEqual(
      {},
    );
    expect(time.sleeps).toEqual([375]);
  });

  it('sends nothing once the deadline has passed', async () => {
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    const time = fakeTime();
    const error = await deliveryFailure(
      createWebhookSender({ url, ...time }).post(message, { deadline: time.now() - 1 }),
    );
    expect(server?.requests).toHaveLength(0);
    expect(error).toMatchObject({ attempts: 0, retryable: true });
    expect(error.message).toBe('Slack webhook not sent: the deadline leaves no time for an attempt');
  });
});

describe('createWebhookSender: refusals', () => {
  it.each([
    [404, 'no_service'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
    [403, 'action_prohibited'],
    [400, 'invalid_payload'],
    [400, 'no_text'],
    [400, 'too_many_attachments'],
  ])('does not retry HTTP %i %s', async (status, body) => {
    const { url, secrets } = await serve([{ status, body }]);
    const time = fakeTime();
    const error = await deliveryFailure(createWebhookSender({ url, ...time }).post(message));
    expect(server?.requests).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
    expect(error).toMatchObject({ status, slackError: body, attempts: 1, retryable: false });
    expect(error.message).toBe(`Slack webhook rejected the message: HTTP ${status} ${body}`);
    expectNoSecret(error, secrets);
  });

  it('reports invalid_blocks without a hint as it is', async () => {
    const { url } = await serve([{ status: 400, body: 'invalid_blocks' }]);
    const error = await deliveryFailure(createWebhookSender({ url }).post(message));
    expect(error.message).toBe('Slack webhook rejected the message: HTTP 400 invalid_blocks');
  });

  it('names the block a plain-text JSON-pointer hint points at', async () => {
    const body = 'invalid_blocks\n[ERROR] must be more than 0 characters [json-pointer:/blocks/1/fields/0/text]';
    const { url, secrets } = await serve([{ status: 400, body }]);
    const error = await deliveryFailure(createWebhookSender({ url }).post(message));
    expect(error).toMatchObject({ status: 400, slackError: 'invalid_blocks', retryable: false });
    expect(error.message).toBe(
      'Slack webhook rejected the message: HTTP 400 invalid_blocks; block 1 (section, block_id "fields") at /blocks/1/fields/0/text: must be more than 0 characters',
    );
    expectNoSecret(error, secrets);
  });

  it('keeps a server that echoes the request path from leaking it, in the error and in the pipeline log', async () => {
    const echo = (path: string, index: number): Reply =>
      index % 2 === 0
        ? {
            status: 400,
            body: `invalid_blocks\n[ERROR] no hook at ${path} (hooks.slack.com${path}) [json-pointer:/blocks/1]`,
          }
        : {
            status: 400,
            body: JSON.stringify({
              ok: false,
              error: 'invalid_blocks',
              response_metadata: { messages: [`[ERROR] \\/${path.slice(1)} [json-pointer:/blocks/0]`] },
            }),
          };
    server = await startScriptedServer((request, index) => echo(request.path, index));
    const url = `${server.origin}${SECRET_PATH}`;
    const secrets = [SECRET_PATH, 'sEcReTwEbHoOkToKeN', 'T0SECRET1/B0SECRET2'];
    const sender = createWebhookSender({ url });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await deliveryFailure(sender.post(message));
      expect(error.message).toMatch(
        /^Slack webhook rejected the message: HTTP 400 invalid_blocks; block \d \(.*\) at \/blocks\/\d: /,
      );
      expect(error.message).toContain('[webhook path]');
      expectNoSecret(error, secrets);
    }
    const logged: PipelineLogEntry[] = [];
    const pipeline = createPipeline({ sender, filter: { preset: 'none' }, logger: (entry) => logged.push(entry) });
    const result = await pipeline.handle(parseEcsEvent(loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143')));
    expect(result.status).toBe('failed');
    expect(logged.map((entry) => entry.msg)).toEqual(['failed']);
    for (const secret of secrets) expect(JSON.stringify(logged)).not.toContain(secret);
  });

  it('names the block a JSON answer points at, inside an attachment too', async () => {
    const colored: SlackMessage = {
      text: message.text,
      attachments: [{ color: '#d00', blocks: message.blocks ?? [] }],
    };
    const body = JSON.stringify({
      ok: false,
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] failed to match all allowed schemas [json-pointer:/attachments/0/blocks/2]'],
      },
    });
    const { url } = await serve([{ status: 400, body, headers: { 'content-type': 'application/json' } }]);
    const error = await deliveryFailure(createWebhookSender({ url }).post(colored));
    expect(error.message).toBe(
      'Slack webhook rejected the message: HTTP 400 invalid_blocks; attachment 0 block 2 (context) at /attachments/0/blocks/2: failed to match all allowed schemas',
    );
  });

  it('neither follows nor retries a redirect, and keeps its Location out of the error', async () => {
    const { url, secrets } = await serve([
      { status: 301, headers: { location: `https://hooks.example${SECRET_PATH}` } },
    ]);
    const time = fakeTime();
    const error = await deliveryFailure(createWebhookSender({ url, ...time }).post(message));
    expect(server?.requests).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
    expect(error).toMatchObject({ status: 301, attempts: 1, retryable: false });
    expect(error.message).toBe('Slack webhook rejected the message: HTTP 301');
    expectNoSecret(error, [...secrets, 'hooks.example']);
  });

  it.each([408, 425])('retries HTTP %i like a 5xx', async (status) => {
    const { url } = await serve([{ status }, { status: 200 }]);
    const time = fakeTime();
    await expect(createWebhookSender({ url, ...time }).post(message)).resolves.toEqual({});
    expect(server?.requests).toHaveLength(2);
    expect(time.sleeps).toHaveLength(1);
  });

  it('reads no more of an error body than it keeps: an endless body still gives its status at once', async () => {
    // A 400 whose body never ends: reading it whole would hold it in memory until the timeout.
    const endless = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      const chunk = 'invalid_blocks '.repeat(1000);
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
    });
    const loopback = await listenOnLoopback(endless);
    try {
      const started = Date.now();
      const error = await deliveryFailure(
        createWebhookSender({ url: `${loopback.origin}${SECRET_PATH}`, timeoutMs: 5000 }).post(message),
      );
      expect(error).toMatchObject({ status: 400, attempts: 1, retryable: false });
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await loopback.close();
    }
  });

  it('does not echo an unexpected body', async () => {
    const { url } = await serve([{ status: 400, body: `<html>proxy error for ${SECRET_PATH}</html>` }]);
    const error = await deliveryFailure(createWebhookSender({ url }).post(message));
    expect(error).toMatchObject({ status: 400, slackError: undefined });
    expect(error.message).toBe('Slack webhook rejected the message: HTTP 400');
  });
});

describe('createWebhookSender: the URL', () => {
  it('needs sanitising: the raw fetch error names the host, the leak check sees it', async () => {
    const { url, secrets } = await serve([{ status: 200 }]);
    await server?.close();
    const raw: unknown = await fetch(url, { method: 'POST', body: '{}' }).catch((caught: unknown) => caught);
    expect(() => expectNoSecret(raw, secrets)).toThrow();
  });

  it('requires https, and takes plain http only to a loopback address', async () => {
    const secret = 'http://hooks.slack.com/services/T0/B0/sEcReT';
    const error = await deliveryFailure(createWebhookSender({ url: secret }).post(message));
    expect(error).toMatchObject({ retryable: false, attempts: 0 });
    expect(error.message).toBe('Slack webhook URL must use https (plain http only to a loopback address)');
    expectNoSecret(error, [secret, 'sEcReT']);
    for (const url of [
      'http://10.0.0.1/x',
      'http://127.0.0.1.example.com/x',
      'http://localhost.example/x',
      'http://[::2]/x',
      'ftp://127.0.0.1/x',
    ]) {
      expect(webhookUrlProblem(url), url).toBeDefined();
    }
    for (const url of [
      'https://hooks.slack.com/services/T/B/x',
      'http://127.0.0.1:8080/x',
      'http://127.1/x',
      'http://LOCALHOST/x',
      'http://[::1]:9/x',
    ]) {
      expect(webhookUrlProblem(url), url).toBeUndefined();
    }
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    await expect(createWebhookSender({ url }).post(message)).resolves.toEqual({});
  });

  it('keeps a malformed URL out of the error', async () => {
    const secret = 'htps:/hooks.example/services/sEcReT';
    const error = await deliveryFailure(createWebhookSender({ url: secret }).post(message));
    expect(error).toMatchObject({ retryable: false, attempts: 0 });
    expect(error.message).toBe('Slack webhook URL is not a valid https URL');
    expectNoSecret(error, [secret, 'sEcReT']);
  });

  it('wraps a failing resolver without its message, and resolves again on the next post', async () => {
    const { url } = await serve([{ status: 200, body: 'ok' }]);
    let calls = 0;
    const sender = createWebhookSender({
      url: () => {
        calls += 1;
        if (calls === 1) throw new TypeError(`cannot use ${url}`);
        return url;
      },
    });
    const error = await deliveryFailure(sender.post(message));
    expect(error).toMatchObject({ retryable: true, attempts: 0 });
    expect('cause' in error).toBe(false);
    expect(error.message).toBe('Slack webhook URL could not be resolved (TypeError)');
    expectNoSecret(error, [url, SECRET_PATH]);
    await expect(sender.post(message)).resolves.toEqual({});
    expect(calls).toBe(2);
  });

  it('rejects options that are not positive numbers', () => {
    expect(() => createWebhookSender({ url: 'https://example.com', maxAttempts: 0 })).toThrow(RangeError);
    expect(() => createWebhookSender({ url: 'https://example.com', maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => createWebhookSender({ url: 'https://example.com', timeoutMs: Number.NaN })).toThrow(RangeError);
  });
});
