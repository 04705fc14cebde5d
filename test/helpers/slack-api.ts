/**
 * A local HTTP server on 127.0.0.1 that speaks enough of Slack's Web API for a real `WebClient`:
 * `chat.postMessage` and `chat.update`, with messages, threads and edits kept in memory, and
 * scripted failures (429 with `Retry-After`, 500) on chosen calls; for Bolt apps also `auth.test`,
 * `chat.postEphemeral` (kept) and `usergroups.users.list` (from the options).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback.js';

/** A message as the fake workspace holds it. */
export interface FakeMessage {
  readonly ts: string;
  readonly channel: string;
  readonly threadTs?: string;
  /** The payload of the latest post or update. */
  payload: { text?: string; blocks?: unknown[]; attachments?: unknown[] };
  /** How many times it was updated. */
  edits: number;
}

/** One call as received. */
export interface FakeCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** The status answered. */
  readonly status: number;
  /** The `Authorization` header the client sent (`Bearer xoxb-...`). */
  readonly authorization?: string;
}

/** An ephemeral message as posted. */
export interface FakeEphemeral {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
}

/** Options of {@link startFakeSlackApi}. */
export interface FakeSlackApiOptions {
  /** The members of each user group, for `usergroups.users.list`. */
  readonly userGroups?: Readonly<Record<string, readonly string[]>>;
}

/** A running fake Slack Web API. */
export interface FakeSlackApi {
  /** Every `chat.postEphemeral`, in order. */
  readonly ephemeral: FakeEphemeral[];
  /** Base URL for `new WebClient(token, { slackApiUrl })`, ending in `/api/`. */
  readonly url: string;
  /** Every message, in posting order (replies included). */
  readonly messages: FakeMessage[];
  /** Every call, in order, with the status answered. */
  readonly calls: FakeCall[];
  /** Messages in the channel (not replies). */
  channelMessages(): FakeMessage[];
  /** Replies in the thread of `ts`. */
  replies(ts: string): FakeMessage[];
  /** Makes call number `n` (0-based, counting every call) fail with this status. */
  failCall(n: number, status: 429 | 500): void;
  /** Stops the server. */
  close(): Promise<void>;
}

function argsOf(req: IncomingMessage, body: string): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = (key === 'blocks' || key === 'attachments') && value.startsWith('[') ? JSON.parse(value) : value;
  }
  return args;
}

/** Starts the fake Slack Web API. */
export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const messages: FakeMessage[] = [];
  const ephemeral: FakeEphemeral[] = [];
  const calls: FakeCall[] = [];
  const failures = new Map<number, 429 | 500>();
  let clock = 1_700_000_000;
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const args = argsOf(req, Buffer.concat(chunks).toString('utf8'));
      const failure = failures.get(calls.length);
      const authorization = req.headers.authorization;
      if (failure !== undefined) {
        calls.push({ method, args, status: failure, authorization });
        if (failure === 429) return reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        return reply(res, 500, { ok: false, error: 'internal_error' });
      }
      calls.push({ method, args, status: 200, authorization });
      const payload = {
        text: args.text as string | undefined,
        blocks: args.blocks as unknown[] | undefined,
        attachments: args.attachments as unknown[] | undefined,
      };
      if (method === 'chat.postMessage') {
        const ts = `${clock++}.000100`;
        const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
        messages.push({
          ts,
          channel: String(args.channel),
          ...(threadTs === undefined ? {} : { threadTs }),
          payload,
          edits: 0,
        });
        return reply(res, 200, { ok: true, channel: 'C0FAKE0001', ts, message: {} });
      }
      if (method === 'chat.update') {
        const target = messages.find((m) => m.ts === args.ts);
        if (target === undefined) return reply(res, 200, { ok: false, error: 'message_not_found' });
        target.payload = payload;
        target.edits++;
        return reply(res, 200, { ok: true, channel: 'C0FAKE0001', ts: target.ts });
      }
      if (method === 'auth.test')
        return reply(res, 200, { ok: true, user_id: 'U0BOT0001', bot_id: 'B0BOT0001', team_id: 'T0FAKE0001' });
      if (method === 'chat.postEphemeral') {
        ephemeral.push({ channel: String(args.channel), user: String(args.user), text: String(args.text) });
        return reply(res, 200, { ok: true, message_ts: `${clock++}.000200` });
      }
      if (method === 'usergroups.users.list') {
        const users = options.userGroups?.[String(args.usergroup)];
        if (users === undefined) return reply(res, 200, { ok: false, error: 'no_such_subteam' });
        return reply(res, 200, { ok: true, users });
      }
      return reply(res, 200, { ok: false, error: 'unknown_method' });
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: `${loopback.origin}/api/`,
    messages,
    ephemeral,
    calls,
    channelMessages: () => messages.filter((m) => m.threadTs === undefined),
    replies: (ts) => messages.filter((m) => m.threadTs === ts),
    failCall: (n, status) => failures.set(n, status),
    close: () => loopback.close(),
  };
}
