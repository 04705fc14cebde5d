/**
 * Envelope completion: the fields trimmed samples and bare details lack (`id`, `time`, `account`,
 * `region`, `version`, `resources`), filled from the event itself before validation.
 *
 * @internal
 * @module
 */
import type { KnownEcsEventKind } from '../events/index.js';
import { parseArn } from '../internal/arn.js';
import { derivedEventId } from '../internal/hash.js';
import { isRecord } from '../internal/object.js';

/**
 * Fills envelope fields that trimmed samples and bare details lack, from the event itself.
 * Returns the input unchanged when nothing is missing.
 *
 * @internal
 */
export function completeEnvelope(
  raw: Record<string, unknown>,
  kind: KnownEcsEventKind | undefined,
): Record<string, unknown> {
  // The detail field holding the event's own ARN, which `resources[0]` repeats.
  const arnField = kind === 'task' ? 'taskArn' : kind === 'container-instance' ? 'containerInstanceArn' : undefined;
  if (
    typeof raw.id === 'string' &&
    raw.id !== '' &&
    typeof raw.time === 'string' &&
    typeof raw.account === 'string' &&
    typeof raw.region === 'string' &&
    typeof raw.version === 'string' &&
    Array.isArray(raw.resources) &&
    !(arnField !== undefined && missingDetailArn(raw.detail, arnField, raw.resources))
  ) {
    return raw;
  }
  const detail = raw.detail;
  // Without a detail object nothing can be derived from it, but the envelope is still completed
  // so that validation names what is wrong (`detail`), not the fields it would derive.
  const d: Record<string, unknown> = isRecord(detail) ? detail : {};
  const out: Record<string, unknown> = { ...raw };
  if (out.resources === undefined) {
    const own = arnField === undefined ? undefined : d[arnField];
    out.resources = typeof own === 'string' ? [own] : [];
  }
  const resource0 = Array.isArray(out.resources) ? (out.resources[0] as unknown) : undefined;
  if (arnField !== undefined && isRecord(detail) && d[arnField] === undefined && typeof resource0 === 'string') {
    out.detail = { ...d, [arnField]: resource0 };
  }
  if (out.account === undefined || out.region === undefined) {
    const arn = [resource0, d.clusterArn, d.taskArn, d.containerInstanceArn]
      .map((value) => (typeof value === 'string' ? parseArn(value) : undefined))
      .find((parsed) => parsed !== undefined && parsed.region !== '');
    if (out.account === undefined) out.account = arn?.account ?? '';
    if (out.region === undefined) out.region = arn?.region ?? '';
  }
  if (out.time === undefined) {
    const time = [d.updatedAt, d.createdAt, d.stoppedAt, d.startedAt].find((value) => typeof value === 'string');
    out.time = time ?? '';
  }
  if (out.version === undefined) out.version = '0';
  // An empty id names no delivery: shared, it would make every such event a duplicate of the first.
  if (out.id === undefined || out.id === '') out.id = derivedId(raw['detail-type'], detail);
  return out;
}

/**
 * A problem completing the envelope, reported as the record's parse error.
 *
 * @internal
 */
export class EnvelopeError extends Error {
  override name: string = 'EnvelopeError';
  readonly path: string;

  constructor(path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.path = path;
  }
}

/**
 * The id of an event that has none: a hash of its detail-type and detail, so duplicates share it.
 *
 * @throws EnvelopeError when the detail cannot be serialized: nested thousands of levels deep
 *   (`JSON.stringify` runs out of stack), too large for one string, or (from JavaScript rather
 *   than JSON) cyclic.
 */
function derivedId(detailType: unknown, detail: unknown): string {
  try {
    return derivedEventId(detailType, detail);
  } catch (error) {
    throw new EnvelopeError(
      'detail',
      `detail: ${serializeProblem(error)} to derive the event id (the event has no id)`,
      { cause: error },
    );
  }
}

/** Why `JSON.stringify` failed, in words: stack overflow, string length, or a value JSON lacks. */
function serializeProblem(error: unknown): string {
  if (!(error instanceof RangeError)) return 'not JSON (a cycle, or a BigInt)';
  return /call stack/i.test(error.message) ? 'nested too deeply' : 'too large';
}

function missingDetailArn(detail: unknown, field: string, resources: unknown[]): boolean {
  return isRecord(detail) && detail[field] === undefined && typeof resources[0] === 'string';
}
