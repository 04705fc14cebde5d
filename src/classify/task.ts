/**
 * Task events: why did this task stop, or where is it in its lifecycle.
 *
 * The evidence is read in order: desired vs last status, the stop code, the stopped reason,
 * then the containers' reasons and exit codes.
 *
 * @module
 */
import type { Container, TaskStateChangeDetail } from '../events/task-state-change.js';
import type { TaskEvent } from '../events/index.js';
import { exitHint, exitMeaning } from './exit-codes.js';
import type { Identity } from './identity.js';
import { matchStopCode, matchStopReason, type StopReasonRow } from './stop-reasons.js';
import type { Cause, Culprit, Hint, Severity, TaskOutcome, TaskPhase } from './types.js';
import { clip, shortId } from './text.js';

/**
 * The kind-specific part of a classification.
 *
 * @internal
 */
export interface Verdict {
  readonly outcome: TaskOutcome;
  readonly severity: Severity;
  readonly phase: TaskPhase;
  readonly summary: string;
  readonly cause?: Cause;
  readonly reason?: string;
  readonly culprit?: Culprit;
  readonly hint?: Hint;
}

const SEVERITY: Readonly<Record<TaskOutcome, Severity>> = {
  starting: 'info',
  running: 'info',
  stopping: 'info',
  completed: 'success',
  crashed: 'error',
  'out-of-memory': 'error',
  'failed-to-start': 'error',
  'health-check-failed': 'error',
  'deployment-replaced': 'info',
  'scaled-in': 'info',
  'stopped-by-user': 'info',
  'spot-interrupted': 'warning',
  infrastructure: 'warning',
  stopped: 'warning',
};

const STARTING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
const STOPPING = new Set(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);
/** Exit codes that follow a stop signal ECS sent, rather than explain a stop. */
const SIGNAL_EXITS = new Set([137, 143]);

function phaseOf(detail: TaskStateChangeDetail): TaskPhase {
  const last = detail.lastStatus;
  if (last === 'STOPPED' || last === 'DELETED') return 'stopped';
  if (STOPPING.has(last)) return 'stopping';
  if (STARTING.has(last)) return detail.desiredStatus === 'STOPPED' ? 'stopping' : 'starting';
  return 'running';
}

/** A container reason matched to its catalogue row. */
interface ContainerEvidence {
  readonly container: Container;
  readonly row: StopReasonRow | undefined;
}

interface StopFinding {
  readonly outcome: TaskOutcome;
  readonly cause?: Cause;
  readonly culprit?: Container;
  readonly row?: StopReasonRow;
  readonly reason?: string;
}

/**
 * Classifies a task event.
 *
 * @internal
 */
export function classifyTask(event: TaskEvent, identity: Identity): Verdict {
  const detail = event.detail;
  const phase = phaseOf(detail);
  const stopDecided = detail.desiredStatus === 'STOPPED' || phase === 'stopped' || phase === 'stopping';
  const partial = stopDecided ? stopOutcome(detail, phase) : { outcome: phase as TaskOutcome };
  return finish(partial, phase, detail, identity);
}

/** Why a task is stopping or stopped; the reasons are read only for such tasks. */
function stopOutcome(detail: TaskStateChangeDetail, phase: TaskPhase): StopFinding {
  const evidence: ContainerEvidence[] = detail.containers.map((container) => ({
    container,
    row: matchStopReason(container.reason),
  }));
  const reasonRow = matchStopReason(detail.stoppedReason);
  const code = detail.stopCode;
  const reason = detail.stoppedReason;
  const codeRow = matchStopCode(code);
  if (codeRow?.outcome === 'spot-interrupted' || reasonRow?.outcome === 'spot-interrupted') {
    return { outcome: 'spot-interrupted', row: codeRow ?? reasonRow, reason };
  }
  const oom = evidence.find((item) => item.row?.outcome === 'out-of-memory');
  if (oom !== undefined) return { outcome: 'out-of-memory', culprit: oom.container, row: oom.row, reason: oom.container.reason };
  if (reasonRow?.outcome === 'out-of-memory') {
    const killed = detail.containers.filter((c) => c.exitCode === 137);
    return { outcome: 'out-of-memory', culprit: pickCulprit(killed.length > 0 ? killed : detail.containers), row: reasonRow, reason };
  }
  if (code === 'TaskFailedToStart') return startFailure(evidence, reasonRow, reason);
  if (code === 'UserInitiated') return { outcome: 'stopped-by-user', reason };
  if (reasonRow?.outcome !== undefined) {
    if (reasonRow.outcome === 'failed-to-start') return startFailure(evidence, reasonRow, reason);
    return { outcome: reasonRow.outcome, cause: reasonRow.cause, row: reasonRow, reason };
  }
  if (codeRow?.outcome !== undefined) return { outcome: codeRow.outcome, row: codeRow, reason };
  const startFailed = evidence.find((item) => item.row?.outcome === 'failed-to-start');
  if (startFailed !== undefined) return startFailure(evidence, reasonRow, reason);
  if (code === 'EssentialContainerExited' || reasonRow?.id === 'essential-container-exited') {
    return fromExitCodes(detail.containers, reason, phase);
  }
  return { outcome: phase === 'stopped' ? 'stopped' : 'stopping', reason, row: reasonRow, culprit: withReason(detail.containers) };
}

/** Catalogue rows that only say "it failed to start", without why. */
const GENERIC_START_ROWS = new Set(['task-failed-to-start']);

const isSpecificStartRow = (row: StopReasonRow | undefined): boolean =>
  row?.outcome === 'failed-to-start' && !GENERIC_START_ROWS.has(row.id);

/**
 * A start failure. The most specific explanation wins: the task's reason, else a container's
 * reason, else whatever generic text there is.
 */
function startFailure(evidence: readonly ContainerEvidence[], reasonRow: StopReasonRow | undefined, reason: string | undefined): StopFinding {
  const containers = evidence.map((item) => item.container);
  const fromContainer = evidence.find((item) => isSpecificStartRow(item.row));
  if (reasonRow !== undefined && isSpecificStartRow(reasonRow)) {
    return { outcome: 'failed-to-start', cause: reasonRow.cause, row: reasonRow, reason, culprit: fromContainer?.container ?? withReason(containers) };
  }
  if (fromContainer?.row !== undefined) {
    return {
      outcome: 'failed-to-start',
      cause: fromContainer.row.cause,
      culprit: fromContainer.container,
      row: fromContainer.row,
      reason: fromContainer.container.reason,
    };
  }
  const generic = reasonRow?.outcome === 'failed-to-start' ? reasonRow : evidence.find((item) => item.row?.outcome === 'failed-to-start')?.row;
  return { outcome: 'failed-to-start', cause: generic?.cause ?? 'other', row: generic, reason, culprit: withReason(containers) };
}

/** Reads the exit codes after an essential container exited. */
function fromExitCodes(containers: readonly Container[], reason: string | undefined, phase: TaskPhase): StopFinding {
  const exited = containers.filter((c) => c.exitCode !== undefined);
  const failing = exited.filter((c) => c.exitCode !== 0);
  const own = failing.filter((c) => !SIGNAL_EXITS.has(c.exitCode as number));
  if (own.length > 0) return { outcome: 'crashed', culprit: pickCulprit(own), reason };
  const killed = failing.filter((c) => c.exitCode === 137);
  if (killed.length > 0) return { outcome: 'crashed', culprit: pickCulprit(killed), reason };
  const succeeded = exited.some((c) => c.exitCode === 0);
  // Only SIGTERM exits after another container finished: sidecars stopped after the job ended.
  if (succeeded) return { outcome: 'completed', reason };
  if (failing.length > 0) return { outcome: 'crashed', culprit: pickCulprit(failing), reason };
  // No exit code anywhere: absence is not success.
  return { outcome: phase === 'stopped' ? 'stopped' : 'stopping', reason };
}

/**
 * The container most likely to explain a stop: one with an image (never an AWS-injected sidecar
 * without one, when another container is there), then one whose exit is not a stop signal.
 */
function pickCulprit(containers: readonly Container[]): Container | undefined {
  let best: Container | undefined;
  let bestScore = -1;
  for (const container of containers) {
    const score =
      (container.image !== undefined ? 4 : 0) +
      (container.reason !== undefined ? 2 : 0) +
      (container.exitCode !== undefined && container.exitCode !== 0 && !SIGNAL_EXITS.has(container.exitCode) ? 1 : 0);
    if (score > bestScore) {
      best = container;
      bestScore = score;
    }
  }
  return best;
}

function withReason(containers: readonly Container[]): Container | undefined {
  return pickCulprit(containers.filter((c) => c.reason !== undefined));
}

function finish(partial: StopFinding, phase: TaskPhase, detail: TaskStateChangeDetail, identity: Identity): Verdict {
  const { outcome } = partial;
  const culprit = partial.culprit === undefined ? undefined : toCulprit(partial.culprit);
  const severity = SEVERITY[outcome];
  // Hints say what fixes a problem: routine and successful outcomes get none.
  const hint = severity === 'warning' || severity === 'error' ? hintFor(partial, culprit) : undefined;
  const cause = outcome === 'failed-to-start' || outcome === 'health-check-failed' ? (partial.cause ?? 'other') : partial.cause;
  const verdict: Mutable<Verdict> = { outcome, severity, phase, summary: summarize(outcome, phase, detail, identity, culprit, partial.reason) };
  if (cause !== undefined) verdict.cause = cause;
  if (partial.reason !== undefined) verdict.reason = partial.reason;
  if (culprit !== undefined) verdict.culprit = culprit;
  if (hint !== undefined) verdict.hint = hint;
  return verdict;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function hintFor(finding: StopFinding, culprit: Culprit | undefined): Hint | undefined {
  if (finding.row !== undefined) {
    return { id: finding.row.id, fix: finding.row.fix, docsUrl: finding.row.docsUrl };
  }
  return finding.outcome === 'crashed' && culprit?.exitCode !== undefined ? exitHint(culprit.exitCode) : undefined;
}

function toCulprit(container: Container): Culprit {
  const meaning = exitMeaning(container.exitCode);
  const culprit: Mutable<Culprit> = { name: container.name };
  if (container.exitCode !== undefined) culprit.exitCode = container.exitCode;
  if (meaning !== undefined) culprit.exitMeaning = meaning;
  if (container.reason !== undefined) culprit.reason = container.reason;
  if (container.image !== undefined) culprit.image = container.image;
  return culprit;
}

/** What to call the task in a sentence: `task 1a2b3c4d of web`. */
function taskName(identity: Identity): string {
  const id = identity.taskId === undefined ? 'task' : `task ${shortId(identity.taskId)}`;
  const owner = identity.service ?? identity.group?.replace(/^family:/, '') ?? identity.taskDefinitionFamily;
  return owner === undefined ? id : `${id} of ${owner}`;
}

function summarize(
  outcome: TaskOutcome,
  phase: TaskPhase,
  detail: TaskStateChangeDetail,
  identity: Identity,
  culprit: Culprit | undefined,
  reason: string | undefined,
): string {
  const task = taskName(identity);
  const Task = capital(task);
  const because = reason === undefined ? '' : `: ${clip(reason, 160)}`;
  switch (outcome) {
    case 'starting':
      return `${Task} is starting (${detail.lastStatus})`;
    case 'running':
      return `${Task} is running`;
    case 'stopping':
      return `${Task} is stopping${because}`;
    case 'completed':
      return `${Task} completed: its essential container exited 0`;
    case 'crashed':
      if (culprit === undefined) return `${Task} crashed${because}`;
      return culprit.exitCode === undefined
        ? `${culprit.name} failed and ${task} stopped`
        : `${culprit.name} exited with code ${culprit.exitCode}${culprit.exitMeaning === undefined ? '' : ` (${culprit.exitMeaning})`} and ${task} stopped`;
    case 'out-of-memory':
      return culprit === undefined
        ? `${Task} ran out of memory and was stopped`
        : `${culprit.name} ran out of memory${culprit.exitCode === undefined ? '' : ` (exit ${culprit.exitCode})`} and was stopped (${task})`;
    case 'failed-to-start':
      return `${Task} failed to start${because}`;
    case 'health-check-failed':
      return `${Task} failed its ${detail.stoppedReason?.includes('container health') ? 'container' : 'load balancer'} health checks and was ${phase === 'stopped' ? 'stopped' : 'stopping'}`;
    case 'deployment-replaced': {
      const deployment = /\(deployment ([^)\s]+)\)/.exec(detail.stoppedReason ?? '')?.[1];
      return `${Task} was stopped by ${deployment === undefined ? 'a deployment' : `deployment ${deployment}`} (routine replacement or scale-in)`;
    }
    case 'scaled-in':
      return `${Task} was stopped by a scale-in`;
    case 'stopped-by-user':
      return `${Task} was stopped by a user${reason === undefined || reason === 'Task stopped by user' ? '' : because}`;
    case 'spot-interrupted':
      return phase === 'stopped'
        ? `${Task} was stopped by a Spot interruption`
        : `Spot capacity is being reclaimed: ${task} will stop within two minutes`;
    case 'infrastructure':
      return `${Task} was stopped by AWS${because}`;
    case 'stopped':
      return `${Task} stopped${because || ' for an unknown reason'}`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
