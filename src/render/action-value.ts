/**
 * The values of the alert buttons (Acknowledge, Mute, Unmute): what the click asks for and which
 * service it is about, signed with HMAC-SHA256 under the Slack app's signing secret. The server
 * rebuilds a silence from a value only once its signature checks out, so a value changed on the
 * way (or made up) mutes nothing.
 *
 * @internal
 * @module
 */
import { nodeCrypto } from '../internal/node-crypto.js';
import type { Cause } from '../classify/classification.js';

/**
 * The hours a Mute button silences for.
 *
 * @internal
 */
export const MUTE_HOURS = [1, 4, 24] as const;

/** One of {@link MUTE_HOURS}. @internal */
export type MuteHours = (typeof MUTE_HOURS)[number];

/**
 * The service an alert is about, as its buttons carry it: the silence matches these exactly.
 *
 * @internal
 */
export interface AlertTarget {
  readonly service: string;
  readonly cluster?: string;
  readonly account?: string;
  readonly region?: string;
  /** The failure family; only a "this service and cause" mute uses it. */
  readonly cause?: Cause;
}

/**
 * What a button asks for.
 *
 * @internal
 */
export type AlertAction =
  | { readonly action: 'ack'; readonly target: AlertTarget }
  | {
      readonly action: 'mute';
      readonly target: AlertTarget;
      readonly hours: MuteHours;
      /** Mute only the alert's cause of this service. */
      readonly withCause: boolean;
    }
  | { readonly action: 'unmute'; readonly target: AlertTarget; readonly silenceId: string };

/** The version prefix of a value: a value of another shape is refused, never guessed at. */
const PREFIX = 'es1';
/** A name as a silence may hold it: no glob character, no control character, at most 255. */
const NAME = /^[^*?\u0000-\u001f]{1,255}$/;
const SILENCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CAUSE = /^[a-z-]{1,40}$/;

function mac(secret: string, body: string): Buffer {
  return nodeCrypto().createHmac('sha256', secret).update(`${PREFIX}.${body}`).digest();
}

/**
 * A button's value: the action, base64url JSON, signed (HMAC-SHA256 under `secret`).
 * At most about 1,200 characters (names of 255), within a button value's 2,000.
 *
 * @internal
 */
export function signAction(action: AlertAction, secret: string): string {
  const { target } = action;
  const wire: Record<string, unknown> = { a: action.action, s: target.service };
  if (target.cluster !== undefined) wire['c'] = target.cluster;
  if (target.account !== undefined) wire['ac'] = target.account;
  if (target.region !== undefined) wire['r'] = target.region;
  if (target.cause !== undefined) wire['k'] = target.cause;
  if (action.action === 'mute') {
    wire['h'] = action.hours;
    if (action.withCause) wire['w'] = 1;
  }
  if (action.action === 'unmute') wire['i'] = action.silenceId;
  const body = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
  return `${PREFIX}.${body}.${mac(secret, body).toString('base64url')}`;
}

const optionalName = (value: unknown): value is string | undefined =>
  value === undefined || (typeof value === 'string' && NAME.test(value));

/**
 * The action of a button's value, when its signature under `secret` is right and it holds what a
 * signed value holds; otherwise `undefined` (tampered, unsigned, signed with another secret).
 *
 * @internal
 */
export function verifyAction(value: unknown, secret: string): AlertAction | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  const [prefix, body, signature, ...rest] = value.split('.');
  if (prefix !== PREFIX || body === undefined || signature === undefined || rest.length > 0) return undefined;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !nodeCrypto().timingSafeEqual(given, expected)) return undefined;
  let wire: Record<string, unknown>;
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { a, s, c, ac, r, k, h, w, i } = wire;
  if (typeof s !== 'string' || !NAME.test(s) || !optionalName(c) || !optionalName(ac) || !optionalName(r))
    return undefined;
  if (k !== undefined && !(typeof k === 'string' && CAUSE.test(k))) return undefined;
  const target: AlertTarget = {
    service: s,
    ...(c === undefined ? {} : { cluster: c }),
    ...(ac === undefined ? {} : { account: ac }),
    ...(r === undefined ? {} : { region: r }),
    ...(k === undefined ? {} : { cause: k as Cause }),
  };
  if (a === 'ack') return { action: 'ack', target };
  if (a === 'mute' && MUTE_HOURS.includes(h as MuteHours) && (w === undefined || w === 1)) {
    if (w === 1 && target.cause === undefined) return undefined;
    return { action: 'mute', target, hours: h as MuteHours, withCause: w === 1 };
  }
  if (a === 'unmute' && typeof i === 'string' && SILENCE_ID.test(i)) return { action: 'unmute', target, silenceId: i };
  return undefined;
}
