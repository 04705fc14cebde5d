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
import { matchStopCode, matchStopReason, presentText, type StopReasonRow } from './stop-reasons.js';
import type { Cause, Culprit, Hint, TaskOutcome, TaskPhase } from './classification.js';
import { outcomeRecord } from './outcomes.js';
import type { Verdict } from './verdict.js';
import { clip, shortId } from './text.js';

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
  // A blank reason says nothing: treated as absent.
  const reason = presentText(detail.stoppedReason);
  const reasonRow = matchStopReason(reason);
  const code = detail.stopCode;
  const codeRow = matchStopCode(code);
  if (codeRow?.outcome === 'spot-interrupted' || reasonRow?.outcome === 'spot-interrupted') {
    return { outcome: 'spot-interrupted', row: codeRow ?? reasonRow, reason };
  }
  const oom = evidence.find((item) => item.row?.outcome === 'out-of-memory');
  if (oom !== undefined)
    return { outcome: 'out-of-memory', culprit: oom.container, row: oom.row, reason: oom.container.reason };
  if (reasonRow?.outcome === 'out-of-memory') {
    const killed = detail.containers.filter((c) => c.exitCode === 137);
    return {
      outcome: 'out-of-memory',
      culprit: pickCulprit(killed.length > 0 ? killed : detail.containers),
      row: reasonRow,
      reason,
    };
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
  return {
    outcome: phase === 'stopped' ? 'stopped' : 'stopping',
    reason,
    row: reasonRow,
    culprit: withReason(detail.containers),
  };
}

/** Catalogue rows that only say "it failed to start", without why. */
const GENERIC_START_ROWS = new Set(['task-failed-to-start']);

const isSpecificStartRow = (row: StopReasonRow | undefined): boolean =>
  row?.outcome === 'failed-to-start' && !GENERIC_START_ROWS.has(row.id);

/**
 * A start failure. The most specific explanation wins: the task's reason, else a container's
 * reason, else whatever else there is (a catalogue row with a cause, a generic text), with the
 * container that failed (a reason or a non-zero exit) as the culprit.
 */
function startFailure(
  evidence: readonly ContainerEvidence[],
  reasonRow: StopReasonRow | undefined,
  reason: string | undefined,
): StopFinding {
  const containers = evidence.map((item) => item.container);
  const specific = reasonRow !== undefined && isSpecificStartRow(reasonRow) ? reasonRow : undefined;
  const fromContainer = startCulprit(evidence, specific);
  if (specific !== undefined) {
    return {
      outcome: 'failed-to-start',
      cause: specific.cause,
      row: specific,
      reason,
      culprit: fromContainer?.container ?? withReason(containers),
    };
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
  // A row that names a cause (`CannotInspectContainerError`: runtime), else a generic one.
  const row =
    reasonRow?.cause !== undefined ? reasonRow : evidence.find((item) => item.row?.outcome === 'failed-to-start')?.row;
  // A container that ran and exited non-zero (`Essential container in task exited` before RUNNING)
  // explains the failure as well as a reason does.
  const failed = containers.filter((c) => hasText(c.reason) || (c.exitCode !== undefined && c.exitCode !== 0));
  return { outcome: 'failed-to-start', cause: row?.cause ?? 'other', row, reason, culprit: pickCulprit(failed) };
}

/**
 * The container whose reason explains a start failure precisely: one with an image before an
 * AWS-injected sidecar without one (quirk: the GuardDuty agent, listed first, fails too when the
 * task cannot start), then one whose reason is the task's own, then the first.
 */
function startCulprit(
  evidence: readonly ContainerEvidence[],
  taskRow: StopReasonRow | undefined,
): ContainerEvidence | undefined {
  return bestBy(evidence, (item) =>
    isSpecificStartRow(item.row)
      ? (item.container.image !== undefined ? 2 : 0) + (item.row === taskRow ? 1 : 0)
      : undefined,
  );
}

/** The item with the highest score, the first on a tie; items scored `undefined` never count. */
function bestBy<T>(items: readonly T[], score: (item: T) => number | undefined): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const item of items) {
    const value = score(item);
    if (value !== undefined && value > bestScore) {
      best = item;
      bestScore = value;
    }
  }
  return best;
}

/**
 * Reads the exit codes after an essential container exited, in one pass.
 *
 * Containers with an image decide; an AWS-injected sidecar without one (the GuardDuty agent) is
 * blamed only when none of them failed or exited 0. Among them, in order: a non-zero exit other than
 * a stop signal is `crashed`; an exit 0 with every other exit 0 or 143 is `completed` (ECS stopped
 * the rest with SIGTERM after the essential container finished); an exit 0 next to a 137 is
 * `stopped` (a warning naming the killed container: the event does not say which one was
 * essential, so it may be a finished job whose sidecar ignored SIGTERM, or a killed essential
 * container); 137 or 143 alone is `crashed`. An exit code that is missing is not a 0: a task
 * with one is not `completed`.
 */
function fromExitCodes(containers: readonly Container[], reason: string | undefined, phase: TaskPhase): StopFinding {
  let anyImage = false;
  let zero = false;
  let zeroWithImage = false;
  let missing = false;
  let missingWithImage = false;
  let culprit: Container | undefined;
  let culpritScore = 0;
  for (const container of containers) {
    const code = container.exitCode;
    const image = container.image !== undefined;
    if (image) anyImage = true;
    if (code === undefined) {
      missing = true;
      if (image) missingWithImage = true;
    } else if (code === 0) {
      zero = true;
      if (image) zeroWithImage = true;
    } else {
      // Image first, then own exit over SIGKILL over SIGTERM, then a reason; the first on a tie.
      const score = (image ? 8 : 0) + (code === 137 ? 4 : code === 143 ? 2 : 6) + (hasText(container.reason) ? 1 : 0);
      if (score > culpritScore) {
        culprit = container;
        culpritScore = score;
      }
    }
  }
  // Without any image (trimmed events), every container counts as one with an image.
  if (
    culprit !== undefined &&
    (culprit.image !== undefined || !anyImage) &&
    !SIGNAL_EXITS.has(culprit.exitCode as number)
  ) {
    return { outcome: 'crashed', culprit, reason };
  }
  if (anyImage ? zeroWithImage : zero) {
    // Exit 0 next to a missing exit code: not known to have succeeded.
    if (anyImage ? missingWithImage : missing) return { outcome: phase === 'stopped' ? 'stopped' : 'stopping', reason };
    // Exit 0 next to a SIGKILL (137): the job finished and ECS killed a sidecar that ignored SIGTERM,
    // or the essential container was killed and a sidecar exited 0 after it. The event does not say
    // which container was essential, so it is a warning naming the killed one, never a success.
    if (culprit !== undefined && culprit.exitCode === 137 && (culprit.image !== undefined || !anyImage)) {
      return { outcome: phase === 'stopped' ? 'stopped' : 'stopping', culprit, reason };
    }
    return { outcome: 'completed', reason };
  }
  if (culprit !== undefined) return { outcome: 'crashed', culprit, reason };
  // No failing exit code anywhere: absence is not success.
  return { outcome: phase === 'stopped' ? 'stopped' : 'stopping', reason };
}

/**
 * The container most likely to explain a stop: one with an image (never an AWS-injected sidecar
 * without one, when another container is there), then one whose exit is not a stop signal.
 */
function pickCulprit(containers: readonly Container[]): Container | undefined {
  return bestBy(
    containers,
    (container) =>
      (container.image !== undefined ? 4 : 0) +
      (hasText(container.reason) ? 2 : 0) +
      (container.exitCode !== undefined && container.exitCode !== 0 && !SIGNAL_EXITS.has(container.exitCode) ? 1 : 0),
  );
}

function withReason(containers: readonly Container[]): Container | undefined {
  return pickCulprit(containers.filter((c) => hasText(c.reason)));
}

/** Whether a reason says something: a blank one counts as none. */
function hasText(text: string | undefined): boolean {
  return presentText(text) !== undefined;
}

function finish(partial: StopFinding, phase: TaskPhase, detail: TaskStateChangeDetail, identity: Identity): Verdict {
  const { outcome } = partial;
  const culprit = partial.culprit === undefined ? undefined : toCulprit(partial.culprit);
  const severity = outcomeRecord(outcome).severity;
  // Hints say what fixes a problem: routine and successful outcomes get none.
  const hint = severity === 'warning' || severity === 'error' ? hintFor(partial, culprit) : undefined;
  const cause = outcomeRecord(outcome).cause === true ? (partial.cause ?? 'other') : partial.cause;
  // Absent parts stay `undefined` here: `classify` copies only the present ones.
  const summary = summarize(outcome, phase, detail, identity, culprit, partial.reason);
  return { outcome, severity, phase, summary, cause, reason: partial.reason, culprit, hint };
}

/**
 * The catalogue row's hint, else the culprit's exit code's for a crash, a start failure or a stop
 * nothing else explains. A non-zero exit says more than the generic `Task failed to start` row.
 */
function hintFor(finding: StopFinding, culprit: Culprit | undefined): Hint | undefined {
  const { row, outcome } = finding;
  const exit = culprit?.exitCode;
  const exitExplains = exit !== undefined && exit !== 0 && outcomeRecord(outcome).exitHint === true;
  if (row !== undefined && !(exitExplains && GENERIC_START_ROWS.has(row.id))) {
    return { id: row.id, fix: row.fix, docsUrl: row.docsUrl };
  }
  return exitExplains ? exitHint(exit) : undefined;
}

function toCulprit(container: Container): Culprit {
  const meaning = exitMeaning(container.exitCode);
  return {
    name: container.name,
    ...(container.exitCode === undefined ? {} : { exitCode: container.exitCode }),
    ...(meaning === undefined ? {} : { exitMeaning: meaning }),
    ...(container.reason === undefined || !hasText(container.reason) ? {} : { reason: container.reason }),
    ...(container.image === undefined ? {} : { image: container.image }),
  };
}

/** What to call the task in a sentence: `task 1a2b3c4d of web`. */
function taskName(identity: Identity): string {
  const id = identity.taskId === undefined ? 'task' : `task ${shortId(identity.taskId)}`;
  const owner = identity.service ?? identity.group?.replace(/^family:/, '') ?? identity.taskDefinitionFamily;
  return owner === undefined ? id : `${id} of ${owner}`;
}

/**
 * The summary sentence. Until the task is STOPPED it says the task is stopping or being stopped,
 * never that it stopped (quirk: the reason and stop code arrive while it is still RUNNING).
 */
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
  const stopped = phase === 'stopped';
  // "was stopped by ..." / "is being stopped by ...".
  const wasStopped = stopped ? 'was stopped' : 'is being stopped';
  switch (outcome) {
    case 'starting':
      return `${Task} is starting (${detail.lastStatus})`;
    case 'running':
      return `${Task} is running`;
    case 'stopping':
      return `${Task} is stopping${because}`;
    case 'completed':
      return `${Task} completed: its essential container exited 0`;
    case 'crashed': {
      if (culprit === undefined) return `${Task} crashed${because}`;
      const then = stopped ? `${task} stopped` : `${task} is stopping`;
      return culprit.exitCode === undefined
        ? `${culprit.name} failed and ${then}`
        : `${culprit.name} exited with code ${culprit.exitCode}${culprit.exitMeaning === undefined ? '' : ` (${culprit.exitMeaning})`} and ${then}`;
    }
    case 'out-of-memory':
      return culprit === undefined
        ? `${Task} ran out of memory and ${wasStopped}`
        : `${culprit.name} ran out of memory${culprit.exitCode === undefined ? '' : ` (exit ${culprit.exitCode})`} and ${stopped ? `was stopped (${task})` : `${task} is being stopped`}`;
    case 'failed-to-start':
      return `${Task} failed to start${because}`;
    case 'health-check-failed':
      return `${Task} failed its ${detail.stoppedReason?.includes('container health') ? 'container' : 'load balancer'} health checks and ${wasStopped}`;
    case 'deployment-replaced': {
      const deployment = /\(deployment ([^)\s]+)\)/.exec(detail.stoppedReason ?? '')?.[1];
      return `${Task} ${wasStopped} by ${deployment === undefined ? 'a deployment' : `deployment ${deployment}`} (routine replacement or scale-in)`;
    }
    case 'scaled-in':
      return `${Task} ${wasStopped} by a scale-in`;
    case 'stopped-by-user':
      return `${Task} ${wasStopped} by a user${reason === undefined || reason === 'Task stopped by user' ? '' : because}`;
    case 'spot-interrupted':
      return stopped
        ? `${Task} was stopped by a Spot interruption`
        : `Spot capacity is being reclaimed: ${task} will stop within two minutes`;
    case 'infrastructure':
      return `${Task} ${wasStopped} by AWS${because}`;
    case 'stopped':
      return `${Task} stopped${because || ' for an unknown reason'}`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
