import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { classify, createNoiseFilter, parseEcsEvent } from 'ecs-slack';
import { crashLoop } from '../test/helpers/crash-loop.js';

/**
 * Slack messages the `alerts` preset sends for the crash-loop scenario: 500 task failures of one
 * service in 10 minutes, 50 duplicate deliveries, routine deployment stops and a stale RUNNING,
 * plus the scheduled flush afterwards.
 */
export async function crashLoopMessages(): Promise<{ messages: number; texts: string[]; digestCount: number }> {
  const filter = createNoiseFilter({ preset: 'alerts' });
  const texts: string[] = [];
  let digestCount = 0;
  let last = 0;
  for (const { event, now } of crashLoop()) {
    const parsed = parseEcsEvent(event);
    const decision = await filter.decide(parsed, classify(parsed), now);
    last = now;
    if (decision.action === 'notify') texts.push(decision.classification.summary);
    if (decision.action === 'digest') digestCount += decision.digest.count;
    if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
  }
  for (const digest of await filter.flush(last + 3_600_000)) {
    texts.push(`digest: ${digest.digest.count} more`);
    digestCount += digest.digest.count;
  }
  return { messages: texts.length, texts, digestCount };
}

/**
 * Heap growth over 1,000,000 events through parse, classify, the `alerts` noise filter with the
 * default memory store, and render, measured in a fresh process with `--expose-gc`.
 */
export function heapGrowth(): { bytes: number; events: number; seconds: number } {
  const script = fileURLToPath(new URL('./heap-worker.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`heap worker failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { bytes: number; events: number; seconds: number };
}
