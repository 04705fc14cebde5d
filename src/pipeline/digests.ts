/**
 * The flush's digests at one destination: those whose fold window has closed, each sent on its
 * own or, for the services of one incident, as one message; a digest whose incident is still
 * gathering waits for the others, and those the deadline leaves no time for stay due.
 *
 * @internal
 * @module
 */
import type { DigestDecision, NoiseFilter } from '../filter/decision.js';
import { choicesFor, judged, type PipelineContext } from './context.js';
import type { Destination, DestinationOutcome } from './destination.js';
import { report } from './report.js';
import { resultOf } from './result.js';
import type { PipelineResult } from './types.js';

/**
 * Sends the due digests of one destination.
 *
 * @param context - The pipeline's parts.
 * @param destination - The destination.
 * @param deadline - When the flush must end, if ever.
 * @returns One result per digest.
 * @internal
 */
export async function flushDestination(
  context: PipelineContext,
  destination: Destination,
  deadline: number | undefined,
): Promise<PipelineResult[]> {
  const { policy, log, clock } = context;
  const results: PipelineResult[] = [];
  let due: { filter: NoiseFilter; digests: DigestDecision[] } | undefined;
  try {
    due = await destination.due(clock());
  } catch (error) {
    const choice = destination.name === undefined ? undefined : { destination: destination.name, route: 'flush' };
    report(log, undefined, undefined, choice, { status: 'failed', error });
    return [{ status: 'failed', error }];
  }
  const digests = await heldBack(clock, destination, due);
  const buckets = destination.grouping === undefined ? digests.map((d) => [d]) : destination.grouping.bucket(digests);
  for (const bucket of buckets) {
    if (bucket.length > 1) {
      results.push(...(await flushIncidentDigest(context, destination, due!.filter, bucket, deadline)));
      continue;
    }
    const found = bucket[0]!;
    const { event } = found.digest.latest;
    const c = judged(policy, event, found.digest.latest.classification);
    const decision: DigestDecision = { ...found, digest: { ...found.digest, latest: { event, classification: c } } };
    const choice =
      destination.name === undefined
        ? undefined
        : choicesFor(policy, c).find((ch) => ch?.destination === destination.name);
    const shown =
      destination.name === undefined ? undefined : (choice ?? { destination: destination.name, route: 'flush' });
    let outcome: DestinationOutcome;
    if (deadline !== undefined && Date.now() >= deadline) {
      // Released, the digest stays due: the next flush sends it.
      await due!.filter.release(decision, clock()).catch(() => undefined);
      outcome = { status: 'deferred', detail: 'digest not started: the deadline has passed' };
    } else {
      const mentions = choice?.mentions;
      const where = mentions === undefined ? destination.render : { ...destination.render, mentions };
      outcome = await destination.deliverAndSettle(due!.filter, decision, { render: where, deadline });
    }
    report(log, event.id, c, shown, outcome);
    results.push(resultOf(c, outcome));
  }
  return results;
}

/**
 * The due digests that go out now: a digest of a service in an incident with others waits,
 * released (its count kept), for theirs, so that the incident's digests go out as one.
 */
async function heldBack(
  clock: () => number,
  destination: Destination,
  due: { readonly filter: NoiseFilter; readonly digests: DigestDecision[] } | undefined,
): Promise<DigestDecision[]> {
  const windowSeconds = due?.filter.options.foldWindowSeconds;
  if (due === undefined || destination.grouping === undefined || windowSeconds === false) return due?.digests ?? [];
  const now = clock();
  const sending: DigestDecision[] = [];
  for (const digest of due.digests) {
    // The incident's state cannot be read: the digest goes out now, on its own if it must.
    const waits = await destination.grouping.waits(digest, now, windowSeconds! * 1000).catch(() => false);
    if (!waits) sending.push(digest);
    else if (
      !(await due.filter.release(digest, now).then(
        () => true,
        () => false,
      ))
    )
      sending.push(digest);
  }
  return sending;
}

/** Sends the digests of one incident as one message, and logs each. */
async function flushIncidentDigest(
  context: PipelineContext,
  destination: Destination,
  filter: NoiseFilter,
  bucket: DigestDecision[],
  deadline: number | undefined,
): Promise<PipelineResult[]> {
  const { policy, log, clock } = context;
  const shown = destination.name === undefined ? undefined : { destination: destination.name, route: 'flush' };
  let outcome: DestinationOutcome;
  if (deadline !== undefined && Date.now() >= deadline) {
    for (const decision of bucket) await filter.release(decision, clock()).catch(() => undefined);
    outcome = { status: 'deferred', detail: 'digest not started: the deadline has passed' };
  } else {
    outcome = await destination.deliverIncidentDigest(filter, bucket, { render: destination.render, deadline });
  }
  return bucket.map((decision) => {
    const { event } = decision.digest.latest;
    const c = judged(policy, event, decision.digest.latest.classification);
    report(log, event.id, c, shown, outcome);
    return resultOf(c, outcome);
  });
}
