/**
 * The invocation's time budget: Lambda's remaining time minus a safety margin, and a guard that
 * returns before Lambda ends the invocation whatever is still running.
 *
 * @module
 * @internal
 */

/** The safety margin's default, in milliseconds. */
export const DEFAULT_DEADLINE_MARGIN_MS = 1000;

/**
 * The invocation's budget: `deadline` is when work must be done (no post runs past it), `guard`
 * when the handler returns whatever is still running (between the deadline and Lambda's end).
 *
 * @internal
 */
export interface Budget {
  /** Epoch milliseconds (`Date.now`) by which every post ends and no record starts. */
  readonly deadline: number;
  /** Epoch milliseconds at which the handler stops waiting and hands back what is unfinished. */
  readonly guard: number;
}

/**
 * Reads the budget from Lambda's context: the remaining time, less the margin (at most half of
 * the remaining time, so a short timeout still leaves time for work). `undefined` without a
 * context that tells the remaining time (a handler called directly, in a test or a script).
 *
 * @param context - Lambda's context, or anything.
 * @param marginMs - Time kept back for settling, logging and returning.
 * @returns The budget, or `undefined`.
 * @internal
 */
export function budgetOf(context: unknown, marginMs: number): Budget | undefined {
  const read = (context as { getRemainingTimeInMillis?: unknown } | null | undefined)?.getRemainingTimeInMillis;
  if (typeof read !== 'function') return undefined;
  const remaining = Number(read.call(context));
  if (!Number.isFinite(remaining)) return undefined;
  const now = Date.now();
  const margin = Math.min(marginMs, Math.max(0, remaining) / 2);
  const deadline = now + remaining - margin;
  return { deadline, guard: deadline + margin / 2 };
}

/**
 * Waits for `work`, or until the guard time, whichever comes first. Should `work` fail after the
 * guard time, nothing waits for it any more and its failure is ignored.
 *
 * @param work - What the invocation is doing.
 * @param budget - The budget, or `undefined` to wait for `work` alone.
 * @returns `work`'s value, or `late` when the guard time came first.
 * @internal
 */
export async function withinBudget<T>(
  work: Promise<T>,
  budget: Budget | undefined,
): Promise<{ late: false; value: T } | { late: true }> {
  if (budget === undefined) return { late: false, value: await work };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ late: true }>((resolve) => {
    timer = setTimeout(() => resolve({ late: true }), Math.max(0, budget.guard - Date.now()));
  });
  try {
    return await Promise.race([work.then((value) => ({ late: false as const, value })), late]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}
