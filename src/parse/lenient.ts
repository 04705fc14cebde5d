/**
 * The lenient reading of an ECS event that strict parsing refused: AWS documentation examples
 * and real captures omit fields such as `taskDefinitionArn` or `containers`. What is there is
 * kept, what is missing is filled from the event itself where it can be (identity from
 * `resources` and the ARNs, a task's status from its stop fields) and left blank otherwise, and
 * every field that was missing or unreadable is named. `parseEcsEvent` stays strict.
 *
 * @module
 */
import type { EventIssue } from '../events/explain.js';
import { DETAIL_TYPES, type EcsEvent, type KnownEcsEventKind } from '../events/index.js';
import { parseArn } from '../internal/arn.js';
import { isRecord } from '../internal/object.js';
import { safeParseEcsEvent } from './index.js';
import { formatPath, valueAt } from './issues.js';

/**
 * An event read leniently: valid by the schemas now, with the fields it lacked named.
 */
export interface SalvagedEvent {
  /** The event, its missing required fields filled (blank when nothing tells their value). */
  readonly event: EcsEvent;
  /**
   * The fields that were missing, or unreadable and dropped (`detail.version (unreadable)`), as
   * paths (`detail.taskDefinitionArn`, `detail.containers[0].name`); empty when strict parsing
   * accepted the event as it was.
   */
  readonly missing: readonly string[];
}

/** Rounds of repair: each fixes every issue the check reports, and a fix can only reveal issues below it. */
const MAX_ROUNDS = 6;

/** The kind of a known detail-type. */
function kindOf(detailType: string): KnownEcsEventKind | undefined {
  return (Object.entries(DETAIL_TYPES) as Array<[KnownEcsEventKind, string]>).find(
    ([, known]) => known === detailType,
  )?.[0];
}

/**
 * Reads an Amazon ECS event of a known detail-type that strict parsing refused, as far as it
 * can: missing required fields are filled from the event where it tells them (the cluster from
 * the task or service ARN, a task's status from its stop code and times) and blank otherwise;
 * unreadable optional fields are dropped. Classify the result as usual, and show `missing`.
 *
 * @param input - The event as received (one EventBridge event, not a batch).
 * @returns The event and the fields it lacked, or `undefined` when it is not an `aws.ecs` event
 *   of a known detail-type or cannot be read at all.
 * @example
 * ```ts
 * const result = safeParseEcsEvent(input);
 * const salvaged = result.success ? undefined : salvageEcsEvent(input);
 * if (salvaged) console.log(classify(salvaged.event).summary, 'missing', salvaged.missing);
 * ```
 */
export function salvageEcsEvent(input: unknown): SalvagedEvent | undefined {
  if (!isRecord(input) || input.source !== 'aws.ecs' || typeof input['detail-type'] !== 'string') return undefined;
  const kind = kindOf(input['detail-type']);
  if (kind === undefined) return undefined;
  let draft: Record<string, unknown>;
  try {
    draft = structuredClone(input);
  } catch {
    return undefined; // not JSON-like (functions, nested too deep to copy)
  }
  const missing: string[] = [];
  const note = (path: string): void => {
    if (!missing.includes(path) && !missing.includes(`${path} (unreadable)`)) missing.push(path);
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = safeParseEcsEvent(draft);
    if (result.success) return { event: result.data, missing };
    const issues = (result.error.cause as { issues?: EventIssue[] } | undefined)?.issues;
    if (issues === undefined || !repair(draft, issues, kind, note)) return undefined;
  }
  return undefined;
}

/** Fixes each issue in `draft`; `false` when one cannot be fixed. */
function repair(
  draft: Record<string, unknown>,
  issues: readonly EventIssue[],
  kind: KnownEcsEventKind,
  note: (path: string) => void,
): boolean {
  const dropped: Array<{ list: unknown[]; index: number }> = [];
  for (const issue of issues) {
    const path = issue.path;
    const key = path.at(-1);
    const parent = valueAt(draft, path.slice(0, -1));
    if (key === undefined || typeof key === 'symbol' || !(isRecord(parent) || Array.isArray(parent))) return false;
    const container = parent as Record<string | number, unknown>;
    const name = formatPath(path);
    if (container[key] !== undefined) {
      // Present but unreadable: an item of a list is dropped, a field removed (and filled on the
      // next round should it be required).
      note(`${name} (unreadable)`);
      if (Array.isArray(parent) && typeof key === 'number') dropped.push({ list: parent, index: key });
      else delete container[key];
      continue;
    }
    const fill = derived(kind, draft, path) ?? blank(issue);
    if (fill === undefined) return false;
    container[key] = fill;
    note(name);
  }
  // From the last index down, so the earlier ones still point at their items.
  for (const { list, index } of dropped.sort((a, b) => b.index - a.index)) list.splice(index, 1);
  return true;
}

/** The empty value of the type expected, or `undefined` for an issue that is not a type. */
function blank(issue: EventIssue): unknown {
  if (issue.code !== 'invalid_type') return undefined;
  switch (issue.expected) {
    case 'string':
      return '';
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return undefined;
  }
}

/** A missing required field's value, derived from the rest of the event where it can be. */
function derived(kind: KnownEcsEventKind, draft: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  if (path.length !== 2 || path[0] !== 'detail') return undefined;
  const d = draft.detail as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const resource = Array.isArray(draft.resources) ? text(draft.resources[0]) : undefined;
  switch (path[1]) {
    case 'clusterArn':
      return clusterArnOf([text(d.taskArn), text(d.containerInstanceArn), resource]);
    case 'containerInstanceArn':
      return kind === 'container-instance' ? resource : undefined;
    case 'lastStatus':
      // A stop time says the task stopped; without it nothing says where it is.
      return kind === 'task' && text(d.stoppedAt) !== undefined ? 'STOPPED' : undefined;
    case 'desiredStatus': {
      if (kind !== 'task') return undefined;
      const stopFields = [d.stopCode, d.stoppedReason, d.stoppingAt, d.stoppedAt].some(
        (value) => text(value) !== undefined,
      );
      const stopStatus = ['STOPPED', 'STOPPING', 'DEACTIVATING', 'DEPROVISIONING'].includes(String(d.lastStatus));
      return stopFields || stopStatus ? 'STOPPED' : undefined;
    }
    case 'agentConnected':
      // Unknown: not reported as a disconnection, which the event does not say.
      return true;
    case 'deploymentId':
      return /\becs-svc\/\d+/.exec(typeof d.reason === 'string' ? d.reason : '')?.[0];
    case 'updatedAt':
      return text(draft.time);
    default:
      return undefined;
  }
}

/** The cluster ARN inside the first long-form task, container-instance or service ARN. */
function clusterArnOf(arns: ReadonlyArray<string | undefined>): string | undefined {
  for (const arn of arns) {
    const parsed = parseArn(arn);
    if (parsed === undefined || parsed.segments.length < 2 || parsed.segments[0] === '') continue;
    if (!['task', 'container-instance', 'service'].includes(parsed.resourceType)) continue;
    return `arn:${parsed.partition}:ecs:${parsed.region}:${parsed.account}:cluster/${parsed.segments[0]}`;
  }
  return undefined;
}
