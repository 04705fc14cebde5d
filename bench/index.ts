/**
 * `npm run bench`: the performance figures of ecs-slack, measured on the built package.
 *
 * A benchmark, not a test: it reports numbers and never fails on them. With `--json`, the last
 * line of output is one JSON object with every figure.
 */
import { coldImport } from './cold-start.js';
import { STOPPED_TASK_TEXT } from './fixture.js';
import { hotPath } from './hot-path.js';
import { crashLoopMessages, heapGrowth } from './noise.js';
import { opsPerSecond } from './stats.js';

const json = process.argv.includes('--json');
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const hot = await hotPath();
const cold = coldImport();
const crash = await crashLoopMessages();
const heap = heapGrowth();

console.log(`ecs-slack benchmark on ${process.version} (${process.platform}-${process.arch})`);
console.log(`event: STOPPED Fargate task, ${STOPPED_TASK_TEXT.length} bytes\n`);
console.log('stage'.padEnd(42), 'ns/op'.padStart(10), 'ops/s'.padStart(12));
for (const stage of hot.stages) {
  console.log(stage.name.padEnd(42), stage.nsPerOp.toFixed(0).padStart(10), String(opsPerSecond(stage.nsPerOp)).padStart(12));
}
console.log(`\nunwrap + parse vs JSON.parse: ${hot.unwrapParseVsJsonParse.toFixed(2)}x`);
console.log(`whole pipeline vs JSON.parse: ${hot.pipelineVsJsonParse.toFixed(2)}x (budget 2.2)`);
console.log(`crash loop (500 failures in 10 min, alerts preset): ${crash.messages} messages (budget 3): ${crash.texts.join(' | ')}`);
console.log(`heap growth over ${heap.events.toLocaleString('en')} events: ${heap.bytes} bytes (budget 1 MB), ${heap.seconds} s`);
console.log(`cold import of the package: ${cold.importMs.toFixed(1)} ms beyond a bare node start (${cold.bareNodeMs.toFixed(1)} ms)`);

if (json) {
  console.log(
    JSON.stringify({
      node: process.version,
      eventBytes: STOPPED_TASK_TEXT.length,
      stages: Object.fromEntries(
        hot.stages.map((stage) => [stage.name, { nsPerOp: round(stage.nsPerOp, 0), opsPerSecond: opsPerSecond(stage.nsPerOp) }]),
      ),
      unwrapParseVsJsonParse: round(hot.unwrapParseVsJsonParse),
      pipelineVsJsonParse: round(hot.pipelineVsJsonParse),
      crashLoopMessages: crash.messages,
      heapGrowthBytes: heap.bytes,
      coldImportMs: round(cold.importMs, 1),
      bareNodeMs: round(cold.bareNodeMs, 1),
    }),
  );
}
