/**
 * The classification vocabulary as runtime lists, for validating what a policy names. Each list
 * is the key set of a record typed by its union, so the compiler refuses a list that misses or
 * invents a value.
 *
 * @internal
 * @module
 */
import type { Cause } from '../classify/classification.js';
import {
  OUTCOMES as OUTCOME_RECORDS,
  type Outcome,
  SEVERITIES as SEVERITY_ORDER,
  type Severity,
} from '../classify/outcomes.js';
import type { EcsEventKind } from '../events/index.js';

const KIND_SET: Readonly<Record<EcsEventKind, true>> = {
  task: true,
  service: true,
  deployment: true,
  'container-instance': true,
  unknown: true,
};

const CAUSE_SET: Readonly<Record<Cause, true>> = {
  'image-pull': true,
  secrets: true,
  logging: true,
  network: true,
  volume: true,
  capacity: true,
  runtime: true,
  'load-balancer': true,
  'container-health': true,
  other: true,
};

/** Every event kind. @internal */
export const KINDS: readonly EcsEventKind[] = Object.keys(KIND_SET) as EcsEventKind[];
/** Every severity, least severe first. @internal */
export const SEVERITIES: readonly Severity[] = SEVERITY_ORDER;
/** Every cause family. @internal */
export const CAUSES: readonly Cause[] = Object.keys(CAUSE_SET) as Cause[];
/** Every outcome, from the outcome record. @internal */
export const OUTCOMES: readonly Outcome[] = Object.keys(OUTCOME_RECORDS) as Outcome[];

/**
 * What a destination may be named: letters, digits, `-`, `_` and `.`, at most 64.
 *
 * @internal
 */
export const DESTINATION_NAME: RegExp = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
