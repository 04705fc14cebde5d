/**
 * The checks of `createPipeline`'s and `createHandler`'s options, made when they are created: a
 * wrong option is one `ConfigError` naming it, before anything is delivered, rather than a
 * `TypeError` from deep inside after the first post (`filter.commit is not a function`).
 *
 * @module
 * @internal
 */
import { ConfigError } from '../errors.js';
import { checkFilterOptions } from '../filter/check-options.js';
import { resolveFilterOptions } from '../filter/presets.js';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import { styleProblem } from '../render/options.js';

/** What is wrong with one option's value, without its name; `undefined` when nothing is. */
type Rule = (value: unknown) => string | undefined;

/** A value as messages name it: its type, never its content (it may be a secret). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FILTER_METHODS = ['decide', 'commit', 'release', 'flush'] as const;
const STORE_METHODS = ['get', 'put', 'putIfHigher', 'update', 'take', 'list'] as const;

/** An object with these methods (`optional` ones may be absent). */
function methods(what: string, required: readonly string[], optional: readonly string[] = []): Rule {
  return (value) => {
    if (!isObject(value) && typeof value !== 'function') return `expected ${what}, got ${describe(value)}`;
    const o = value as Record<string, unknown>;
    const missing = required.filter((name) => typeof o[name] !== 'function');
    const wrong = optional.filter((name) => o[name] !== undefined && typeof o[name] !== 'function');
    if (missing.length > 0) return `expected ${what}, got an object without ${missing.join(', ')}`;
    if (wrong.length > 0) return `expected ${what}, got an object whose ${wrong.join(', ')} is not a function`;
    return undefined;
  };
}

/** A rule from a test and what it expects. */
function rule(test: (value: unknown) => boolean, expected: string): Rule {
  return (value) => (test(value) ? undefined : `expected ${expected}, got ${describe(value)}`);
}

const fn = rule((v) => typeof v === 'function', 'a function');
const bool = rule((v) => typeof v === 'boolean', 'true or false');
const text = rule((v) => typeof v === 'string', 'a string');
const nonEmpty = rule((v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string');
const record = rule(isObject, 'an object');
/** Milliseconds or seconds: a finite number, at least 0. */
const duration = rule((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a number of at least 0');

function oneOf(allowed: readonly string[]): Rule {
  const list = allowed.map((item) => `"${item}"`).join(', ');
  return (value) => {
    if (allowed.includes(value as string)) return undefined;
    return `expected one of ${list}, got ${typeof value === 'string' ? 'another string' : describe(value)}`;
  };
}

const sender = methods('a SlackSender (post, and optionally update)', ['post'], ['update']);
/** The senders of a policy's destinations, by name. */
const senders: Rule = (value) => {
  if (!isObject(value)) return `expected the senders of the policy's destinations by name, got ${describe(value)}`;
  for (const [name, one] of Object.entries(value)) {
    const problem = sender(one);
    if (problem !== undefined) return `.${name}: ${problem}`;
  }
  return undefined;
};
const store = methods(`a StateStore (${STORE_METHODS.join(', ')})`, STORE_METHODS);

/** Style overrides per severity: each a shortcode emoji, a `#RRGGBB` colour and a short label. */
const styles: Rule = (value) => {
  if (!isObject(value)) return `expected styles per severity, got ${describe(value)}`;
  for (const [severity, style] of Object.entries(value)) {
    if (!['error', 'warning', 'success', 'info'].includes(severity))
      return `.${severity}: unknown severity (error, warning, success, info)`;
    if (!isObject(style)) return `.${severity}: expected { emoji, color, label }, got ${describe(style)}`;
    const problem = styleProblem(style);
    if (problem !== undefined) return `.${severity}.${problem}`;
  }
  return undefined;
};

/** Checks the fields of the render options that ecs-slack reads. */
const render: Rule = (value) => {
  if (!isObject(value)) return `expected render options, got ${describe(value)}`;
  const fields: Record<string, Rule> = {
    color: bool,
    variant: oneOf(['full', 'compact']),
    mentions: record,
    title: rule((v) => typeof v === 'string' || typeof v === 'function', 'a string or a function'),
    fields: rule((v) => Array.isArray(v) || typeof v === 'function', 'an array or a function'),
    logLink: fn,
    buttons: bool,
    interactive: bool,
    signingSecret: rule((v) => typeof v === 'string' && v !== '', 'a non-empty string'),
    styles: styles,
  };
  for (const [name, rule] of Object.entries(fields)) {
    const problem = value[name] === undefined ? undefined : rule(value[name]);
    if (problem !== undefined) return problem.startsWith('.') ? `.${name}${problem}` : `.${name}: ${problem}`;
  }
  // Without the secret the buttons could not be signed: refused here rather than left out unseen.
  if (value['interactive'] === true && value['signingSecret'] === undefined)
    return ".interactive: needs signingSecret (the Slack app's signing secret) to sign the buttons";
  return undefined;
};

/** A whole NoiseFilter, or filter options checked as `createNoiseFilter` checks them. */
function filter(caller: string): Rule {
  const expected = `expected a NoiseFilter (${FILTER_METHODS.join(', ')}) or filter options`;
  return (value) => {
    if (!isObject(value)) return `${expected}, got ${describe(value)}`;
    // Any filter method means a filter was meant: it must have them all.
    if (FILTER_METHODS.some((name) => name in value)) {
      const missing = FILTER_METHODS.filter((name) => typeof value[name] !== 'function');
      return missing.length === 0 ? undefined : `${expected}, got an object without ${missing.join(', ')}`;
    }
    try {
      checkFilterOptions(value, caller, 'options.filter');
      resolveFilterOptions(value as NoiseFilterOptions);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // checkFilterOptions names the path itself; resolveFilterOptions does not.
      throw new ConfigError(message.startsWith(`${caller}: `) ? message : `${caller}: options.filter: ${message}`, {
        cause: error,
      });
    }
    const inner = value.store === undefined ? undefined : store(value.store);
    return inner === undefined ? undefined : `.store: ${inner}`;
  };
}

/** The Web API destination: a client with the two chat methods, and a channel (with a policy, its own). */
const webApi: Rule = (value) => {
  if (!isObject(value)) return `expected { client, channel }, got ${describe(value)}`;
  const client = value.client as { chat?: unknown } | null | undefined;
  const chat = isObject(client) || typeof client === 'function' ? client.chat : undefined;
  if (methods('', ['postMessage', 'update'])(chat) !== undefined) {
    const lacking = chat === undefined ? '' : ' whose chat lacks them';
    return `.client: expected a WebClient (chat.postMessage, chat.update), got ${describe(client)}${lacking}`;
  }
  const channel = value.channel === undefined ? undefined : nonEmpty(value.channel);
  return channel === undefined ? undefined : `.channel: ${channel}`;
};

/** Amazon Q: an SNS topic ARN (checked by the sender) and the sender's settings. */
const amazonQ: Rule = (value) => {
  if (!isObject(value)) return `expected { topicArn }, got ${describe(value)}`;
  const topic = value.topicArn === undefined ? undefined : nonEmpty(value.topicArn);
  return topic === undefined ? undefined : `.topicArn: ${topic}`;
};

/** The rules both take. */
function shared(caller: string): Record<string, Rule> {
  return {
    filter: filter(caller),
    store,
    render,
    threads: bool,
    onInvalid: oneOf(['alert', 'drop', 'fail']),
    logger: fn,
    clock: fn,
    storeRetry: rule((v) => v === false || isObject(v), 'false or { attempts, baseDelayMs, maxDelayMs }'),
    group: rule((v) => v === false || isObject(v), 'false or { groupBy, groupWaitSeconds, groupIntervalSeconds }'),
    pace: rule((v) => v === false || isObject(v), 'false or { perSecond, burst, now, sleep }'),
  };
}

/** Options that were removed, and what replaces them. */
const REPLACED: Readonly<Record<string, string>> = {
  dropInvalidRecords:
    "removed: use onInvalid: 'drop' for true, 'fail' for false (the default, 'alert', alerts on ECS events with fields missing)",
};

function check(options: unknown, caller: string, rules: Record<string, Rule>): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isObject(options)) throw new ConfigError(`${caller}: expected an options object, got ${describe(options)}`);
  for (const [name, value] of Object.entries(options)) {
    const replaced = REPLACED[name];
    if (replaced !== undefined) throw new ConfigError(`${caller}: options.${name}: ${replaced}`);
    const rule = rules[name];
    if (rule === undefined)
      throw new ConfigError(
        `${caller}: options.${name}: unknown option (known: ${Object.keys(rules).sort().join(', ')})`,
      );
    const problem = value === undefined ? undefined : rule(value);
    if (problem !== undefined)
      throw new ConfigError(`${caller}: options.${name}${problem.startsWith('.') ? '' : ': '}${problem}`);
  }
  return options;
}

/** Deployment threads edit messages: the sender must be able to. */
function checkThreads(o: Record<string, unknown>, caller: string, canUpdate: boolean): void {
  if (o.threads === true && !canUpdate) {
    throw new ConfigError(
      `${caller}: options.threads: deployment threads need a sender that can update messages (webApi, or a sender with update)`,
    );
  }
}

/**
 * Checks `createPipeline`'s options.
 *
 * @param options - What the caller gave.
 * @throws `ConfigError` naming the first wrong option.
 * @internal
 */
export function checkPipelineOptions(options: unknown): void {
  const caller = 'createPipeline';
  const o = check(options, caller, {
    ...shared(caller),
    sender,
    namespace: nonEmpty,
    remainingMs: fn,
    enrich: fn,
    policy: record,
    destinations: senders,
    silences: rule((v) => v === false || isObject(v), 'false or silences (createSilences)'),
  });
  if (o.policy !== undefined) {
    checkPolicyOptions(o, caller);
    return;
  }
  if (o.destinations !== undefined)
    throw new ConfigError(`${caller}: options.destinations: only with a policy (options.policy)`);
  if (o.sender === undefined)
    throw new ConfigError(
      `${caller}: options.sender: required (createWebhookSender(...), createWebApiSender(...) or your own)`,
    );
  checkThreads(o, caller, typeof (o.sender as { update?: unknown }).update === 'function');
}

/** With a policy: the senders come with its destinations, and each destination makes its own filters. */
function checkPolicyOptions(o: Record<string, unknown>, caller: string): void {
  if (o.sender !== undefined)
    throw new ConfigError(`${caller}: options.sender: not with a policy; give each destination's in destinations`);
  const given = o.filter as Record<string, unknown> | undefined;
  if (given !== undefined && FILTER_METHODS.some((name) => name in given))
    throw new ConfigError(
      `${caller}: options.filter: with a policy, give filter options, not a NoiseFilter (each destination has its own)`,
    );
}

/**
 * Checks `createHandler`'s options. The Slack destination from the environment is not an
 * option: it is read on the first invocation.
 *
 * @param options - What the caller gave.
 * @throws `ConfigError` naming the first wrong option.
 * @internal
 */
export function checkHandlerOptions(options: unknown): void {
  const caller = 'createHandler';
  const o = check(options, caller, {
    ...shared(caller),
    sender,
    namespace: nonEmpty,
    webApi,
    webhookUrl: text,
    resolveSecret: fn,
    env: record,
    kind: oneOf(['task', 'service', 'deployment', 'container-instance']),
    flushIntervalSeconds: rule((v) => v === false || duration(v) === undefined, 'false or a number of at least 0'),
    deadlineMarginMs: duration,
    enrich: rule(
      (v) => typeof v === 'boolean' || typeof v === 'function' || isObject(v),
      'true, false, createEnricher options or an enricher',
    ),
    amazonQ,
    policy: rule((v) => isObject(v) || typeof v === 'string', 'a policy object or its JSON text'),
    silences: rule((v) => v === false || isObject(v), 'false or silences (createSilences)'),
  });
  // A blank webhookUrl means "from the environment", like a blank SLACK_WEBHOOK_URL.
  const given = (name: string): boolean => {
    const value = o[name] as Record<string, unknown> | undefined;
    if (value === undefined) return false;
    if (name === 'webhookUrl') return String(value).trim() !== '';
    if (name === 'webApi') return value.channel !== undefined;
    if (name === 'amazonQ') return value.topicArn !== undefined;
    return true;
  };
  const destinations = ['sender', 'webApi', 'webhookUrl', 'amazonQ'].filter(given);
  if (o.policy !== undefined && destinations.length > 0)
    throw new ConfigError(
      `${caller}: options.${destinations[0]}: not with a policy, whose destinations say where alerts go (webApi: the client only; amazonQ: no topicArn)`,
    );
  if (destinations.length > 1)
    throw new ConfigError(`${caller}: options: give one destination, not ${destinations.join(' and ')}`);
  if (o.policy === undefined && o.webApi !== undefined && (o.webApi as Record<string, unknown>).channel === undefined)
    throw new ConfigError(`${caller}: options.webApi.channel: required without a policy`);
  if (
    o.policy === undefined &&
    o.amazonQ !== undefined &&
    (o.amazonQ as Record<string, unknown>).topicArn === undefined
  )
    throw new ConfigError(`${caller}: options.amazonQ.topicArn: required without a policy`);
  if (o.policy !== undefined) checkPolicyOptions(o, caller);
  const canUpdate =
    o.policy !== undefined ||
    o.webApi !== undefined ||
    typeof (o.sender as { update?: unknown } | undefined)?.update === 'function';
  checkThreads(o, caller, canUpdate);
}
