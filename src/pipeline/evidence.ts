/**
 * Enrichment inside the pipeline: the enricher runs within the deadline less what delivery
 * needs, so a slow AWS never keeps an alert past the deadline, and an enricher that fails or
 * overruns costs the alert its evidence, never the alert.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { Enricher, Evidence } from '../render/evidence.js';

/** Time kept back from the deadline for delivering the alert, in milliseconds. */
export const DELIVERY_RESERVE_MS = 1000;
/** How long past its deadline an enricher may take to hand back what it found (out of the reserve). */
const GRACE_MS = 100;

const note = (text: string): Evidence => ({ links: {}, lines: [], notes: [text] });

/**
 * The evidence for an alert: `enrich` gets the deadline less {@link DELIVERY_RESERVE_MS} (its
 * own budget applies too); the wait ends shortly after whatever the enricher does, with a note
 * (`evidence unavailable: timeout`). Without a deadline, only the enricher's budget applies.
 *
 * @internal
 */
export async function evidenceWithin(
  enrich: Enricher,
  event: EcsEvent,
  classification: Classification,
  deadline: number | undefined,
): Promise<Evidence> {
  const end = deadline === undefined ? undefined : deadline - DELIVERY_RESERVE_MS;
  const work = Promise.resolve()
    .then(() => enrich(event, classification, end === undefined ? {} : { deadline: end }))
    .catch(() => note('evidence unavailable: error'));
  if (end === undefined) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Evidence>((resolve) => {
    timer = setTimeout(() => resolve(note('evidence unavailable: timeout')), Math.max(0, end + GRACE_MS - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
