/**
 * Decision receipts: what the noise filter holds for a decision until it is settled. Callers see
 * an opaque {@link DecisionReceipt} and hand it back; only the filter reads what it holds.
 *
 * @module
 */
import type { StateKey } from '../state/store.js';

declare const RECEIPT: unique symbol;

/**
 * What the filter holds for a notify or digest decision until it is settled: pass the decision
 * back to {@link NoiseFilter.commit} or {@link NoiseFilter.release} as it is. Opaque.
 */
export interface DecisionReceipt {
  /** Opaque: only the filter that issued the receipt reads it. */
  readonly [RECEIPT]: true;
}

/**
 * A receipt from what it holds.
 *
 * @internal
 */
export function toReceipt(state: ReceiptState): DecisionReceipt {
  return state as unknown as DecisionReceipt;
}

/**
 * What a receipt holds.
 *
 * @internal
 */
export function receiptState(receipt: DecisionReceipt): ReceiptState {
  return receipt as unknown as ReceiptState;
}

/**
 * What a receipt holds: state written when deciding that `commit` makes permanent and `release`
 * undoes.
 *
 * @internal
 */
export interface ReceiptState {
  /** Claims to confirm on commit, and on release to drop (notify) or confirm (digest: its event is already counted). */
  readonly claims: readonly StateKey[];
  /** A problem marker taken for a recovery, to put back on release. */
  readonly recoveredFrom?: ReceiptMarker;
  /** A digest's fold window, to credit back on release. */
  readonly digestOf?: ReceiptWindow;
  /** The fold window whose first alert this is, to hand back on release. */
  readonly alertOf?: StateKey;
  /** When that fold window started (epoch ms): release hands back this window's alert, never a newer window's. */
  readonly alertStart?: number;
  /** A problem this notification marks on its service, for a later recovery. */
  readonly problem?: ReceiptProblem;
  /** Steady-state bookkeeping for `changes`. */
  readonly steady?: ReceiptSteady;
}

/**
 * A record taken when deciding, with its value.
 *
 * @internal
 */
export interface ReceiptMarker {
  /** Where it lived. */
  readonly key: StateKey;
  /** What it held. */
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * The fold window a digest came from.
 *
 * @internal
 */
export interface ReceiptWindow {
  /** The window's key. */
  readonly key: StateKey;
  /** Repeats the digest reports. */
  readonly count: number;
  /** When those repeats began (ISO-8601). */
  readonly since: string;
}

/**
 * A problem to mark on a service once its alert is delivered.
 *
 * @internal
 */
export interface ReceiptProblem {
  /** The service's problem marker. */
  readonly key: StateKey;
  /** The problem's outcome. */
  readonly outcome: string;
}

/**
 * Whether a service is steady once this notification is delivered.
 *
 * @internal
 */
export interface ReceiptSteady {
  /** The service's steady flag. */
  readonly key: StateKey;
  /** The flag's new value. */
  readonly steady: boolean;
}
