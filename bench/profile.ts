/**
 * A loop over the hot path (or one stage of it) on the built package, to profile with V8's
 * sampling profiler:
 *
 * ```sh
 * npm run build
 * node --cpu-prof --cpu-prof-dir=.tmp/profile --import tsx bench/profile.ts pipeline 300000
 * npx tsx bench/profile-summary.ts .tmp/profile
 * ```
 *
 * Stages: `pipeline` (unwrap + parse + classify + stateless filter + render + JSON.stringify, as
 * `pipelineVsJsonParse` measures it), `parse`, `classify`, `render`. Open the `.cpuprofile` in
 * Chrome DevTools (Performance, Load profile) for the call tree.
 */
import { applyStatelessRules, resolveFilterOptions } from 'ecs-slack/filter';
import { classify, parseEcsEvent, parseEcsEvents, renderMessage } from 'ecs-slack';
import { STOPPED_TASK_TEXT } from './fixture.js';

const [stage = 'pipeline', count = '300000'] = process.argv.slice(2);
const iterations = Number(count);
const rules = resolveFilterOptions({ preset: 'alerts' });
const raw: unknown = JSON.parse(STOPPED_TASK_TEXT);
const event = parseEcsEvent(raw);
const classification = classify(event);

const stages: Record<string, () => unknown> = {
  pipeline: () => {
    const [record] = parseEcsEvents(STOPPED_TASK_TEXT);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    const c = classify(record.data);
    if (applyStatelessRules(record.data, c, rules) !== 'pass') throw new Error('benchmark event was filtered out');
    return JSON.stringify(renderMessage(record.data, { classification: c }));
  },
  parse: () => parseEcsEvent(raw),
  classify: () => classify(event),
  render: () => renderMessage(event, { classification: classification }),
};
const run = stages[stage];
if (run === undefined || !Number.isSafeInteger(iterations) || iterations < 1) {
  throw new Error(`usage: bench/profile.ts [${Object.keys(stages).join('|')}] [iterations]`);
}

let kept = 0;
const start = performance.now();
for (let i = 0; i < iterations; i++) if (run() !== undefined) kept++;
const micros = ((performance.now() - start) * 1000) / iterations;
console.log(`${stage}: ${micros.toFixed(2)} µs per iteration over ${iterations} (${kept} results)`);
