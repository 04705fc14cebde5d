/**
 * A loopback Amazon SNS endpoint for the real `@aws-sdk/client-sns`: the AWS Query protocol the
 * SDK speaks for SNS (a form-encoded `POST /` with `Action=Publish&Version=2010-03-31&...`,
 * answered in XML), scripted per request: a message id, an SNS error, a reset or no answer.
 *
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @see https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
import { startScriptedServer, type RecordedRequest, type Reply, type ScriptedServer } from './slack-server.js';

/** One scripted answer of the SNS endpoint. */
export type SnsReply =
  /** `PublishResponse` with this message id. */
  | { readonly messageId: string }
  /** An `ErrorResponse`: HTTP status, SNS error code (`Throttled`, `AuthorizationError`, ...) and message. */
  | { readonly status: number; readonly code: string; readonly message?: string }
  | 'destroy'
  | 'hang';

/** A `Publish` as the endpoint received it. */
export interface PublishRequest {
  /** The form fields: `Action`, `Version`, `TopicArn`, `Message`, ... */
  readonly params: Readonly<Record<string, string>>;
  /** The raw request, headers included. */
  readonly raw: RecordedRequest;
}

/** A running SNS endpoint. */
export interface SnsServer {
  /** `http://127.0.0.1:PORT`: the SDK client's `endpoint`. */
  readonly origin: string;
  /** Every request so far, parsed. */
  readonly publishes: PublishRequest[];
  close(): Promise<void>;
}

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const xmlText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The XML SNS answers a successful `Publish` with. */
export function publishResponse(messageId: string, requestId: string): string {
  return `<PublishResponse xmlns="${NS}"><PublishResult><MessageId>${xmlText(messageId)}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`;
}

/** The XML of an SNS error (`Sender` for 4xx, `Receiver` for 5xx). */
export function errorResponse(status: number, code: string, message: string, requestId: string): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${xmlText(code)}</Code><Message>${xmlText(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/**
 * Starts the endpoint, answering request `i` with `script[i]` (the last entry repeats) or
 * `script(request, i)`. A request that is not a form-encoded `Publish` of API version
 * 2010-03-31 gets a 400 `InvalidAction`, whatever the script says.
 */
export async function startSnsServer(
  script: readonly SnsReply[] | ((request: PublishRequest, index: number) => SnsReply),
): Promise<SnsServer> {
  const publishes: PublishRequest[] = [];
  const server: ScriptedServer = await startScriptedServer((raw, index): Reply => {
    const params = Object.fromEntries(new URLSearchParams(raw.body));
    const request: PublishRequest = { params, raw };
    publishes.push(request);
    const requestId = `req-${index + 1}`;
    const headers = { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId };
    const isPublish =
      raw.method === 'POST' &&
      String(raw.headers['content-type']).startsWith('application/x-www-form-urlencoded') &&
      params.Action === 'Publish' &&
      params.Version === '2010-03-31';
    if (!isPublish)
      return { status: 400, headers, body: errorResponse(400, 'InvalidAction', 'not a Publish', requestId) };
    const reply = typeof script === 'function' ? script(request, index) : script[Math.min(index, script.length - 1)];
    if (reply === undefined) throw new Error('empty script');
    if (reply === 'destroy' || reply === 'hang') return reply;
    if ('messageId' in reply) return { status: 200, headers, body: publishResponse(reply.messageId, requestId) };
    return {
      status: reply.status,
      headers,
      body: errorResponse(reply.status, reply.code, reply.message ?? reply.code, requestId),
    };
  });
  return { origin: server.origin, publishes, close: () => server.close() };
}
