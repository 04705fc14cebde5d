/**
 * Settling in steps: every step runs even when an earlier one failed, so that one failed write
 * keeps none of the others from being saved or undone.
 *
 * @internal
 * @module
 */

/**
 * Runs every step (skipping `undefined` and `false` ones) even when some fail, then throws the
 * first failure.
 *
 * @param steps - The steps, in order.
 * @returns Once every step has run.
 * @throws The first step's failure, if any failed.
 * @internal
 */
export async function settleAll(steps: ReadonlyArray<(() => Promise<unknown>) | undefined | false>): Promise<void> {
  let failure: { error: unknown } | undefined;
  for (const step of steps) {
    if (!step) continue;
    try {
      await step();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
}
