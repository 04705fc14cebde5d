/**
 * What each kind's classifier concludes, before `classify` adds identity and links.
 *
 * @internal
 * @module
 */
import type {
  Cause,
  Culprit,
  DeploymentOutcome,
  Hint,
  InstanceOutcome,
  ServiceOutcome,
  TaskOutcome,
  TaskPhase,
} from './classification.js';
import type { Severity } from './outcomes.js';

/**
 * The kind-specific part of a task classification.
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

/**
 * The kind-specific part of a service or deployment classification.
 *
 * @internal
 */
export type ServiceVerdict = Omit<Verdict, 'outcome' | 'phase'> & {
  readonly outcome: ServiceOutcome | DeploymentOutcome;
};

/**
 * The kind-specific part of a container-instance classification.
 *
 * @internal
 */
export interface InstanceVerdict {
  readonly outcome: InstanceOutcome;
  readonly severity: Severity;
  readonly summary: string;
  readonly reason?: string;
  readonly hint?: Hint;
}
