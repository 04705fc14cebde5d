/**
 * The smallest Lambda that does the job at all, for comparison with the consumer: parse, classify,
 * render and post each event with `fetch`. No noise filter, store, retries, pacing or policy.
 * `npm run bench` reports its size as `coreBundleGzipBytes` (not a budget).
 */
import { classify, parseEcsEvents, renderMessage } from 'ecs-slack';

/** The Lambda entry point: one webhook post per valid event. */
export async function handler(event: unknown): Promise<void> {
  for (const record of parseEcsEvents(event)) {
    if (!record.success) continue;
    const message = renderMessage(record.data, { classification: classify(record.data) });
    await fetch(process.env.SLACK_WEBHOOK_URL ?? '', { method: 'POST', body: JSON.stringify(message) });
  }
}
