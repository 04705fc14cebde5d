/**
 * Reading Slack's answer to a refused message: its error string, and the JSON-pointer hints
 * (`[json-pointer:/blocks/3/text]`) that say which block it disliked.
 *
 * Nothing read here is echoed unchecked: the error string must look like one of Slack's
 * identifiers, and hints are reduced to a pointer and Slack's short reason.
 *
 * @module
 * @internal
 */
import type { SlackMessage } from '../render/slack-message.js';

/**
 * What Slack said when it refused a message.
 *
 * @internal
 */
export interface SlackRejection {
  /** Slack's error string (`invalid_blocks`, `no_service`, ...), when it gave a well-formed one. */
  readonly error: string | undefined;
  /** Validation messages that may carry JSON-pointer hints. */
  readonly messages: readonly string[];
}

/** Slack's error strings are short snake_case identifiers; anything else is not trusted. */
const SLACK_ERROR = /^[a-z][a-z0-9_]{0,79}$/;
/** A plain-text answer starts with the error string, maybe followed by details. */
const LEADING_ERROR = /^([a-z][a-z0-9_]{0,79})(?=$|[\s:])/;
const POINTER = /\[json-pointer:(\/[^\]\s]*)\]/;
const MAX_REASON = 160;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function slackError(value: unknown): string | undefined {
  return typeof value === 'string' && SLACK_ERROR.test(value) ? value : undefined;
}

/**
 * Reads a Web API result (`{ ok: false, error, errors, response_metadata: { messages } }`),
 * as a WebClient's `error.data` or a parsed response body carries it.
 *
 * @param data - The parsed result; anything else yields an empty rejection.
 * @returns The error string and the validation messages.
 * @example
 * ```ts
 * rejectionFromResult({ ok: false, error: 'invalid_blocks', errors: ['... [json-pointer:/blocks/0/text]'] });
 * ```
 * @see https://docs.slack.dev/apis/web-api/#responses
 * @internal
 */
export function rejectionFromResult(data: unknown): SlackRejection {
  if (typeof data !== 'object' || data === null) return { error: undefined, messages: [] };
  const result = data as { error?: unknown; errors?: unknown; response_metadata?: { messages?: unknown } };
  return {
    error: slackError(result.error),
    messages: [...strings(result.errors), ...strings(result.response_metadata?.messages)],
  };
}

/**
 * Reads the body of a webhook answer: plain text (`invalid_blocks`, sometimes followed by
 * details) or, from some Slack endpoints, a Web API style JSON result.
 *
 * @param body - The response body as text.
 * @returns The error string and the lines that may carry hints.
 * @example
 * ```ts
 * rejectionFromBody('invalid_blocks'); // { error: 'invalid_blocks', messages: [] }
 * ```
 * @see https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks#handling-errors
 * @internal
 */
export function rejectionFromBody(body: string): SlackRejection {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      return rejectionFromResult(JSON.parse(text));
    } catch {
      // Not JSON after all: read it as plain text.
    }
  }
  const lines = text.split(/\r?\n/);
  return {
    error: LEADING_ERROR.exec(lines[0] ?? '')?.[1],
    messages: lines.filter((line) => POINTER.test(line)),
  };
}

function index(segment: string | undefined): number | undefined {
  return segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : undefined;
}

/** Finds the block a pointer lands in: `/blocks/N/...` or `/attachments/M/blocks/N/...`. */
function blockAt(message: SlackMessage, segments: readonly string[]): { label: string; block: unknown } | undefined {
  const [first, second, third, fourth] = segments;
  const top = index(second);
  if (first === 'blocks' && top !== undefined) {
    return { label: `block ${top}`, block: message.blocks?.[top] };
  }
  const nested = index(fourth);
  if (first === 'attachments' && top !== undefined && third === 'blocks' && nested !== undefined) {
    return { label: `attachment ${top} block ${nested}`, block: message.attachments?.[top]?.blocks?.[nested] };
  }
  return undefined;
}

function describeBlock(label: string, block: unknown): string {
  if (typeof block !== 'object' || block === null) return `${label} (not in the payload)`;
  const { type, block_id: blockId } = block as { type?: unknown; block_id?: unknown };
  const kind = typeof type === 'string' ? type : 'unknown type';
  return typeof blockId === 'string' ? `${label} (${kind}, block_id ${JSON.stringify(blockId)})` : `${label} (${kind})`;
}

/**
 * Names the part of the message Slack pointed at, from the first JSON-pointer hint: the block
 * index, its `type` and `block_id` taken from the payload that was sent, the pointer itself and
 * Slack's short reason.
 *
 * @param rejection - What Slack said.
 * @param message - The payload that was sent.
 * @returns For example `block 3 (section, block_id "fields") at /blocks/3/text: must be more
 *   than 0 characters`, or `undefined` when Slack gave no hint.
 * @example
 * ```ts
 * describeRejectedPart({ error: 'invalid_blocks', messages: ['[ERROR] bad [json-pointer:/blocks/0]'] }, message);
 * ```
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @internal
 */
export function describeRejectedPart(rejection: SlackRejection, message: SlackMessage): string | undefined {
  for (const line of rejection.messages) {
    const match = POINTER.exec(line);
    if (match?.[1] === undefined) continue;
    const pointer = match[1];
    const segments = pointer.split('/').slice(1);
    const reason = line
      .replace(POINTER, '')
      .replace(/^\s*\[(ERROR|WARN)\]\s*/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_REASON);
    const found = blockAt(message, segments);
    const where = found === undefined ? `at ${pointer}` : `${describeBlock(found.label, found.block)} at ${pointer}`;
    return reason === '' ? where : `${where}: ${reason}`;
  }
  return undefined;
}
