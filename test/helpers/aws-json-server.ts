/**
 * A loopback server speaking the AWS JSON 1.1 protocol (`POST /`, `X-Amz-Target: <prefix>.<Op>`,
 * `application/x-amz-json-1.1`), for driving the real AWS SDK clients in tests. Each operation
 * answers from a handler: a JSON body, an AWS error (`__type`), or no answer at all. Every call is
 * recorded, so tests can count requests per operation and read what was sent.
 *
 * Targets: ECS `AmazonEC2ContainerServiceV20141113`, CloudWatch Logs `Logs_20140328`, and any
 * other JSON 1.1 service by its prefix.
 */
import type { RecordedRequest } from './slack-server.js';
import { startScriptedServer, type Reply } from './slack-server.js';

/** The target prefix of Amazon ECS. */
export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
/** The target prefix of CloudWatch Logs. */
export const LOGS_TARGET = 'Logs_20140328';

/** Static credentials for test clients: never real, never sent beyond 127.0.0.1. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDLOOPBACKTEST', secretAccessKey: 'loopback-test-secret' } as const;

/** What a handler answers. */
export type AwsReply =
  /** A 200 with this JSON body. */
  | { readonly json: unknown }
  /** An AWS error: `__type` and `message`, status 400 unless given. */
  | { readonly error: string; readonly message?: string; readonly status?: number }
  /** Never answer: the client's abort signal or timeout has to fire. */
  | 'hang';

/** A recorded call. */
export interface AwsCall {
  /** `AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition`, ... */
  readonly target: string;
  /** The operation (`DescribeTaskDefinition`). */
  readonly operation: string;
  /** The parsed request body. */
  readonly input: Record<string, unknown>;
  /** The raw request. */
  readonly request: RecordedRequest;
}

/** Handlers by operation name (`DescribeTaskDefinition`, `GetLogEvents`, ...). */
export type AwsHandlers = Readonly<Record<string, (input: Record<string, unknown>, call: AwsCall) => AwsReply>>;

/** A running AWS JSON server. */
export interface AwsJsonServer {
  /** `http://127.0.0.1:PORT`, for a client's `endpoint`. */
  readonly origin: string;
  /** Every call so far, in order. */
  readonly calls: AwsCall[];
  /** How many calls of an operation were made. */
  count(operation: string): number;
  /** Stops the server, dropping open connections (hanging ones too). */
  close(): Promise<void>;
}

/**
 * Starts the server. An operation without a handler answers `UnknownOperationException`; a
 * request that is not a JSON 1.1 `POST /` answers 400 `SerializationException`.
 */
export async function startAwsJsonServer(handlers: AwsHandlers): Promise<AwsJsonServer> {
  const calls: AwsCall[] = [];
  const json = (status: number, body: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${calls.length}` },
    body: JSON.stringify(body),
  });
  const server = await startScriptedServer((request) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const contentType = String(request.headers['content-type'] ?? '');
    if (request.method !== 'POST' || request.path !== '/' || !contentType.startsWith('application/x-amz-json-1.1')) {
      return json(400, { __type: 'SerializationException', message: 'expected an AWS JSON 1.1 POST /' });
    }
    const operation = target.slice(target.indexOf('.') + 1);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(request.body || '{}') as Record<string, unknown>;
    } catch {
      return json(400, { __type: 'SerializationException', message: 'body is not JSON' });
    }
    const call: AwsCall = { target, operation, input, request };
    calls.push(call);
    const handler = handlers[operation];
    if (handler === undefined) return json(400, { __type: 'UnknownOperationException', message: operation });
    const reply = handler(input, call);
    if (reply === 'hang') return 'hang';
    if ('error' in reply)
      return json(reply.status ?? 400, { __type: reply.error, message: reply.message ?? reply.error });
    return json(200, reply.json);
  });
  return {
    origin: server.origin,
    calls,
    count: (operation) => calls.filter((call) => call.operation === operation).length,
    close: () => server.close(),
  };
}
