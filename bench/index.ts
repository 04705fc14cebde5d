/**
 * `npm run bench`: the performance figures of ecs-slack, measured on the built package.
 *
 * A benchmark, not a test: it reports numbers and never fails on them. With `--json`, the last
 * line of output is one JSON object with every figure.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleConsumer } from './bundle.js';
import { coldFirstPayload, coldImport } from './cold-start.js';
import { STOPPED_TASK_TEXT } from './fixture.js';
import { hotPath } from './hot-path.js';
import { crashLoopMessages, heapGrowth, storeRequests } from './noise.js';
import { opsPerSecond } from './stats.js';
import { stormMessages } from './storm.js';

/** The budgets of issue 18: each figure must be at most this. */
const BUDGETS = {
  pipelineVsJsonFloor: 1.5,
  bundleGzipBytes: 20_480,
  coldFirstPayloadMs: 6,
  storeRequestsPerEvent: 1.2,
  heapGrowthBytes: 1_048_575,
  crashLoopMessages: 3,
  stormMessages: 6,
  storm429s: 0,
} as const;

const json = process.argv.includes('--json');
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const started = performance.now();

const hot = await hotPath();
const bundle = await bundleConsumer();
const cold = await coldFirstPayload(bundle.firstPayloadPath, bundle.barePath);
rmSync(dirname(bundle.handlerPath), { recursive: true, force: true });
const coldUnbundled = coldImport();
const crash = await crashLoopMessages();
const storm = await stormMessages();
const requests = await storeRequests();
const heap = heapGrowth();

const figures = {
  pipelineVsJsonFloor: round(hot.pipelineVsJsonFloor),
  bundleGzipBytes: bundle.gzipBytes,
  coldFirstPayloadMs: round(cold.firstPayloadMs, 1),
  storeRequestsPerEvent: round(requests.requestsPerEvent),
  heapGrowthBytes: heap.bytes,
  crashLoopMessages: crash.messages,
  stormMessages: storm.messages,
  storm429s: storm.refused,
};
const verdict = (key: keyof typeof BUDGETS) => (figures[key] <= BUDGETS[key] ? 'within budget' : 'OVER BUDGET');

console.log(`ecs-slack benchmark on ${process.version} (${process.platform}-${process.arch})`);
console.log(`event: STOPPED Fargate task, ${STOPPED_TASK_TEXT.length} bytes\n`);
console.log('stage'.padEnd(42), 'ns/op'.padStart(10), 'ops/s'.padStart(12));
for (const stage of hot.stages) {
  console.log(
    stage.name.padEnd(42),
    stage.nsPerOp.toFixed(0).padStart(10),
    String(opsPerSecond(stage.nsPerOp)).padStart(12),
  );
}
console.log('\nside by side, in interleaved rounds:');
console.log('handler'.padEnd(42), 'ns/op'.padStart(10), 'ops/s'.padStart(12), 'x JSON.parse'.padStart(14));
for (const contender of hot.contenders) {
  console.log(
    contender.name.padEnd(42),
    contender.nsPerOp.toFixed(0).padStart(10),
    String(opsPerSecond(contender.nsPerOp)).padStart(12),
    contender.vsJsonParse.toFixed(2).padStart(14),
  );
}
console.log(`\nunwrap + parse vs JSON.parse: ${hot.unwrapParseVsJsonParse.toFixed(2)}x`);
console.log(`whole pipeline vs JSON.parse: ${hot.pipelineVsJsonParse.toFixed(2)}x`);
console.log(
  `whole pipeline vs its floor (JSON.parse of the event + JSON.stringify of its message): ${figures.pipelineVsJsonFloor}x (budget ${BUDGETS.pipelineVsJsonFloor}: ${verdict('pipelineVsJsonFloor')})`,
);
console.log(
  `consumer Lambda bundle (esbuild, minified, ESM, @aws-sdk/* external): ${bundle.bytes} bytes, ${figures.bundleGzipBytes} gzipped (budget ${BUDGETS.bundleGzipBytes}: ${verdict('bundleGzipBytes')})`,
);
console.log(`  minified bytes by part: ${bundle.parts.map(([part, bytes]) => `${part} ${bytes}`).join(', ')}`);
console.log(
  `  compared (gzipped, no budget): parse + classify + render + fetch alone ${bundle.compared.core}; createHandler with a webhook and nothing else ${bundle.compared.webhook}`,
);
console.log(
  `cold start to the first payload (${cold.payloadBytes} bytes): ${figures.coldFirstPayloadMs} ms beyond a bare node start (${cold.bareNodeMs.toFixed(1)} ms) (budget ${BUDGETS.coldFirstPayloadMs}: ${verdict('coldFirstPayloadMs')})`,
);
console.log(`cold import of the unbundled package: ${coldUnbundled.importMs.toFixed(1)} ms beyond a bare node start`);
console.log(
  `crash loop (500 failures in 10 min, alerts preset): ${crash.messages} messages (budget ${BUDGETS.crashLoopMessages}: ${verdict('crashLoopMessages')}): ${crash.texts.join(' | ')}`,
);
console.log(
  `storm (30 services x 15 failed pulls + START_IMPAIRED, one cluster, 6 min, alerts preset, grouping and pacing): ${storm.messages} messages (budget ${BUDGETS.stormMessages}: ${verdict('stormMessages')}), ${storm.refused} answered 429 (budget 0: ${verdict('storm429s')}), services not named: ${storm.unnamed.length}, not delivered: ${storm.notDelivered}, first alert after ${storm.firstAlertSeconds} s, last message after ${storm.lastMessageSeconds} s: ${storm.texts.map((t) => t.slice(0, 80)).join(' | ')}`,
);
console.log(
  `DynamoDB requests per event, crash loop on the DynamoDB store (dynalite): ${figures.storeRequestsPerEvent} (${requests.requests} requests for ${requests.events} events: ${Object.entries(
    requests.byCommand,
  )
    .map(([command, n]) => `${command.replace(/Command$/, '')} ${n}`)
    .join(
      ', ',
    )}; ${requests.readUnits} read and ${requests.writeUnits} write units; ${requests.messages} messages, ${requests.digestCount} in digests) (budget ${BUDGETS.storeRequestsPerEvent}: ${verdict('storeRequestsPerEvent')})`,
);
console.log(
  `heap growth over ${heap.events.toLocaleString('en')} events: ${heap.bytes} bytes (budget under 1 MB: ${verdict('heapGrowthBytes')}), ${heap.seconds} s`,
);
console.log(`benchmark took ${Math.round((performance.now() - started) / 1000)} s`);

if (json) {
  const timing = (ns: number) => ({ nsPerOp: round(ns, 0), opsPerSecond: opsPerSecond(ns) });
  console.log(
    JSON.stringify({
      node: process.version,
      eventBytes: STOPPED_TASK_TEXT.length,
      ...figures,
      budgets: BUDGETS,
      withinBudgets: Object.fromEntries(
        Object.keys(BUDGETS).map((key) => [key, verdict(key as keyof typeof BUDGETS) === 'within budget']),
      ),
      stages: Object.fromEntries(hot.stages.map((stage) => [stage.name, timing(stage.nsPerOp)])),
      baselines: Object.fromEntries(
        hot.contenders.map((contender) => [
          contender.name,
          { ...timing(contender.nsPerOp), vsJsonParse: round(contender.vsJsonParse) },
        ]),
      ),
      unwrapParseVsJsonParse: round(hot.unwrapParseVsJsonParse),
      pipelineVsJsonParse: round(hot.pipelineVsJsonParse),
      bundleBytes: bundle.bytes,
      bundleParts: Object.fromEntries(bundle.parts),
      coreBundleGzipBytes: bundle.compared.core,
      webhookBundleGzipBytes: bundle.compared.webhook,
      storeRequests: {
        requests: requests.requests,
        events: requests.events,
        byCommand: requests.byCommand,
        readUnits: requests.readUnits,
        writeUnits: requests.writeUnits,
      },
      payloadBytes: cold.payloadBytes,
      bareNodeMs: round(cold.bareNodeMs, 1),
      coldImportUnbundledMs: round(coldUnbundled.importMs, 1),
      heapSeconds: heap.seconds,
      stormFirstAlertSeconds: storm.firstAlertSeconds,
      stormLastMessageSeconds: storm.lastMessageSeconds,
      stormUnnamedServices: storm.unnamed.length,
      stormNotDelivered: storm.notDelivered,
    }),
  );
}
