/**
 * The Amazon Q Developer sender: publishes custom notifications to the SNS topic that an Amazon
 * Q Developer channel configuration subscribes to, with the webhook sender's retry and error
 * semantics. `@aws-sdk/client-sns` is loaded on the first post, so the renderers of this entry
 * work without it.
 *
 * @module
 */
import type { PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import { ConfigError, DeliveryError } from '../../errors.js';
import type { AwsClientLike } from '../../internal/aws-client.js';
import { backoffDelay } from '../backoff.js';
import { errorName } from '../network-code.js';
import type { PostOptions } from '../sender.js';
import { WEBHOOK_DEFAULTS, retrySettings, type WebhookSenderOptions } from '../webhook.js';
import { AMAZON_Q_LIMITS } from '../../render/amazon-q/limits.js';
import type { AmazonQNotification } from '../../render/amazon-q/types.js';
import { describeSnsFailure, type SnsFailure } from './sns-failure.js';

/**
 * Where a published notification landed: SNS's message id.
 */
export interface PublishedNotification {
  /** The id SNS gave the message. */
  readonly messageId?: string;
}

/**
 * A destination in Amazon Q Developer's format: `format` tells a pipeline to render with
 * {@link renderAmazonQ} (or {@link renderAmazonQDecision}) instead of the Slack renderers, and
 * `post` publishes the notification. Throws a `DeliveryError` as a Slack sender does.
 */
export interface AmazonQSender {
  /** Always `amazon-q`: the renderer this destination needs. */
  readonly format: 'amazon-q';
  /**
   * Publishes a notification.
   *
   * @param notification - As the Amazon Q renderers return it.
   * @param options - `deadline`, when the call must be over (epoch milliseconds).
   * @returns SNS's message id.
   */
  post(notification: AmazonQNotification, options?: Pick<PostOptions, 'deadline'>): Promise<PublishedNotification>;
}

/**
 * Options of {@link createAmazonQSender}: the topic, an optional client, and the webhook
 * sender's retry settings with the same defaults (`WEBHOOK_DEFAULTS`: 5000 ms per attempt,
 * 3 attempts, a backoff of about 500 ms up to 4000, 10000 ms for the whole call). SNS sends no
 * `Retry-After`: throttling waits the backoff.
 */
export interface AmazonQSenderOptions extends Omit<WebhookSenderOptions, 'url'> {
  /** The SNS topic an Amazon Q Developer channel configuration subscribes to. */
  readonly topicArn: string;
  /**
   * Your SNS client. Give it `maxAttempts: 1`: the sender makes the attempts itself. Default: a
   * client for the topic's Region with `maxAttempts: 1` and the Lambda's credentials. An
   * `SNSClient` of `@aws-sdk/client-sns`, typed by its `send` alone ({@link AwsClientLike}).
   */
  readonly client?: AwsClientLike;
}

/** An SNS topic ARN: partition, Region, account and a topic name (standard or FIFO). */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/;

type Sdk = typeof import('@aws-sdk/client-sns');

function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/** One `Publish`, over at `timeoutMs` at the latest whatever the client does. */
async function publish(
  client: SNSClient,
  sdk: Sdk,
  input: PublishCommandInput,
  timeoutMs: number,
): Promise<string | undefined | SnsFailure> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<SnsFailure>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ status: undefined, retryable: true, what: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    const sent = client.send(new sdk.PublishCommand(input), { abortSignal: controller.signal }).then(
      (output) => output.MessageId,
      (error: unknown) => describeSnsFailure(error),
    );
    return await Promise.race([sent, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Creates an {@link AmazonQSender} that publishes notifications to an SNS topic with
 * `@aws-sdk/client-sns` (an optional peer dependency; the Lambda runtime provides it).
 *
 * @remarks Each attempt has its own timeout. Throttling, 5xx answers, network errors and timeouts are
 * retried after an exponential backoff with jitter; an `AuthorizationError`, an
 * `InvalidParameter`, a missing topic or a KMS key that cannot be used fails at once. It all stays
 * within `maxTotalMs` and the `deadline` of the call: when the next attempt or wait would end past
 * them, the call fails at once with a retryable `DeliveryError`, so a Lambda can hand the event
 * back instead of timing out. The error carries the HTTP `status`, `attempts` and `retryable`,
 * and names SNS's error and request id; never the SDK's message or a credential.
 *
 * @param options - The topic, an optional client and the retry settings.
 * @returns A sender whose `post` resolves with SNS's message id.
 * @throws ConfigError when `topicArn` is not an SNS topic ARN; RangeError when a numeric option
 *   is not a positive number.
 * @example
 * ```ts
 * const sender = createAmazonQSender({ topicArn: process.env.AMAZON_Q_TOPIC_ARN! });
 * await sender.post(renderAmazonQ(event), { deadline: Date.now() + context.getRemainingTimeInMillis() - 1000 });
 * ```
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
export function createAmazonQSender(options: AmazonQSenderOptions): AmazonQSender {
  const topic = TOPIC_ARN.exec(typeof options.topicArn === 'string' ? options.topicArn : '');
  if (topic === null) {
    throw new ConfigError('createAmazonQSender: topicArn is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)');
  }
  const region = topic[1] ?? '';
  const topicName = topic[2] ?? '';
  const { timeoutMs, maxAttempts, policy, maxTotalMs, wait, random, now } = retrySettings(
    'createAmazonQSender',
    options,
    WEBHOOK_DEFAULTS,
  );
  let loaded: Promise<{ sdk: Sdk; client: SNSClient }> | undefined;
  const load = (): Promise<{ sdk: Sdk; client: SNSClient }> => {
    loaded ??= import('@aws-sdk/client-sns').then(
      (sdk) => ({
        sdk,
        // Typed structurally in the options (no SDK in the declarations); only `send` is called.
        client: (options.client as SNSClient | undefined) ?? new sdk.SNSClient({ region, maxAttempts: 1 }),
      }),
      (error: unknown) => {
        loaded = undefined;
        const what = `@aws-sdk/client-sns could not be loaded (${errorName(error)})`;
        throw new DeliveryError(`Amazon Q notification not sent: ${what}`, { attempts: 0, retryable: false });
      },
    );
    return loaded;
  };
  type Fields = { status: number | undefined; attempts: number; retryable: boolean };
  const failed = (text: string, fields: Fields): DeliveryError =>
    new DeliveryError(`Amazon Q notification to SNS topic ${topicName} ${text}`, fields);

  return {
    format: 'amazon-q',
    async post(notification, postOptions) {
      const started = now();
      const end = Math.min(started + maxTotalMs, postOptions?.deadline ?? Number.POSITIVE_INFINITY);
      const message = JSON.stringify(notification);
      const bytes = Buffer.byteLength(message, 'utf8');
      if (bytes > AMAZON_Q_LIMITS.messageBytes) {
        const over = `is ${bytes} bytes, over SNS's ${AMAZON_Q_LIMITS.messageBytes}`;
        throw failed(over, { status: undefined, attempts: 0, retryable: false });
      }
      const { sdk, client } = await load();
      const input: PublishCommandInput = { TopicArn: options.topicArn, Message: message };
      for (let attempt = 1; ; attempt += 1) {
        const left = end - now();
        if (left <= 0) {
          const late = `not sent: the deadline passed before attempt ${attempt}`;
          throw failed(late, { status: undefined, attempts: attempt - 1, retryable: true });
        }
        const outcome = await publish(client, sdk, input, Math.min(timeoutMs, left));
        if (typeof outcome !== 'object') return outcome === undefined ? {} : { messageId: outcome };
        const fields = { status: outcome.status, attempts: attempt };
        if (!outcome.retryable) throw failed(`was refused: ${outcome.what}`, { ...fields, retryable: false });
        if (attempt >= maxAttempts) {
          throw failed(`failed after ${attemptsText(attempt)}: ${outcome.what}`, { ...fields, retryable: true });
        }
        const delay = backoffDelay(attempt, policy, random);
        if (delay >= end - now()) {
          const late = `a ${delay} ms backoff passes the deadline`;
          throw failed(`gave up after ${attemptsText(attempt)}: ${outcome.what}; ${late}`, {
            ...fields,
            retryable: true,
          });
        }
        await wait(delay);
      }
    },
  };
}
