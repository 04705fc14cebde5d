/**
 * What `classify` concludes about one event: the public contract of `classify`. Values are only
 * ever added, never renamed; the outcomes and severities are in `outcomes.ts`.
 *
 * @module
 */
import type { EcsEvent, EcsEventKind } from '../events/index.js';
import type { Identity } from './identity.js';
import type { ConsoleLinks } from './links.js';
import type { Outcome, OutcomeOf, Severity } from './outcomes.js';

export type { Outcome, Severity } from './outcomes.js';

/**
 * Where a task is in its lifecycle, from `lastStatus` and `desiredStatus`.
 *
 * - `starting`: PROVISIONING, PENDING or ACTIVATING while it should run
 * - `running`: RUNNING (including a RUNNING task whose stop was just decided)
 * - `stopping`: DEACTIVATING, STOPPING or DEPROVISIONING
 * - `stopped`: STOPPED
 */
export type TaskPhase = 'starting' | 'running' | 'stopping' | 'stopped';

/** What happened to a task: `OutcomeOf<'task'>`. */
export type TaskOutcome = OutcomeOf<'task'>;

/** What a service action event reports: `OutcomeOf<'service'>`. */
export type ServiceOutcome = OutcomeOf<'service'>;

/** What a deployment event reports: `OutcomeOf<'deployment'>`. */
export type DeploymentOutcome = OutcomeOf<'deployment'>;

/** What a container-instance event reports: `OutcomeOf<'container-instance'>`. */
export type InstanceOutcome = OutcomeOf<'container-instance'>;

/**
 * The family of a failure, refining `failed-to-start`, `health-check-failed` and placement
 * failures.
 *
 * @remarks
 * - `image-pull`: the image could not be pulled (not found, access denied, no route, rate limited, ...)
 * - `secrets`: Secrets Manager or SSM values could not be fetched
 * - `logging`: the log driver could not be set up (missing log group, no route to CloudWatch Logs)
 * - `network`: ENI provisioning, subnet addresses, no route to an AWS endpoint
 * - `volume`: an EFS or other volume could not be created or mounted
 * - `capacity`: not enough CPU, memory, ports, ENIs or Fargate capacity, or a quota
 * - `runtime`: the container runtime could not create, start or run the container
 * - `load-balancer`: the load balancer's target health checks failed
 * - `container-health`: the task definition's container health check failed
 * - `other`: a failure of a family not listed above
 */
export type Cause =
  | 'image-pull'
  | 'secrets'
  | 'logging'
  | 'network'
  | 'volume'
  | 'capacity'
  | 'runtime'
  | 'load-balancer'
  | 'container-health'
  | 'other';

/**
 * The container that explains a stop.
 */
export interface Culprit {
  /** Container name. */
  readonly name: string;
  /** Its exit code, when the runtime reported one. */
  readonly exitCode?: number;
  /** What the exit code usually means (`killed by SIGKILL`, `segmentation fault`, ...). */
  readonly exitMeaning?: string;
  /** Its failure reason, as AWS wrote it. */
  readonly reason?: string;
  /** Its image, when known. */
  readonly image?: string;
}

/**
 * What usually fixes a failure, from the stop-reason catalogue.
 */
export interface Hint {
  /** Stable id of the catalogue row, for example `image-pull-not-found` or `exit-137`. */
  readonly id: string;
  /** A short plain-language fix. */
  readonly fix: string;
  /** The AWS documentation page about it. */
  readonly docsUrl: string;
}

/**
 * Everything `classify` concludes about one event.
 */
export interface Classification {
  /** The event's kind. */
  readonly kind: EcsEventKind;
  /** What happened. */
  readonly outcome: Outcome;
  /** How bad it is. */
  readonly severity: Severity;
  /** Where the task is in its lifecycle (task events only). */
  readonly phase?: TaskPhase;
  /** The failure family, where it applies. */
  readonly cause?: Cause;
  /**
   * One plain sentence a human would write, never empty. Until a task is STOPPED it says the
   * task is stopping or being stopped, not that it stopped.
   */
  readonly summary: string;
  /**
   * The AWS text that explains the event (stopped reason, container reason, service or deployment
   * reason). Absent when AWS sent none, or a blank one.
   */
  readonly reason?: string;
  /**
   * The container that explains a task stop. Never an AWS-injected sidecar without an image (the
   * GuardDuty agent) when another container explains it.
   */
  readonly culprit?: Culprit;
  /** What usually fixes it. */
  readonly hint?: Hint;
  /** Account, Region, cluster, service, task, deployment. */
  readonly identity: Identity;
  /** AWS console links. */
  readonly links: ConsoleLinks;
  /**
   * The fields the event lacked or held unreadable (`detail.taskDefinitionArn`), when it was read
   * leniently with `salvageEcsEvent`: the classification is a best effort from the rest, and
   * messages name these fields. Absent for an event that parsed as it was.
   */
  readonly missing?: readonly string[];
}

/**
 * An event with its classification.
 */
export interface ClassifiedEvent {
  /** The parsed event. */
  readonly event: EcsEvent;
  /** Its classification. */
  readonly classification: Classification;
}
