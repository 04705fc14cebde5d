import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixture.js';
import { median } from './stats.js';

const RUNS = 20;

/** Wall time of one fresh `node` process running `code`, in milliseconds. */
function timeNode(code: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Cold import of the built package: median wall time of a fresh process that imports it, minus
 * the median of a bare `node` start, interleaved over {@link RUNS} runs.
 */
export function coldImport(): { importMs: number; bareNodeMs: number } {
  const entry = JSON.stringify(join(ROOT, 'dist/index.js'));
  const bare: number[] = [];
  const withImport: number[] = [];
  timeNode('0');
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeNode('0'));
    withImport.push(timeNode(`await import(${entry});`));
  }
  const bareNodeMs = median(bare);
  return { importMs: median(withImport) - bareNodeMs, bareNodeMs };
}

/**
 * Milliseconds from spawning `node args` to its first line on stdout, and that line. The
 * process is left to finish before the next run starts.
 */
function timeToFirstLine(args: readonly string[]): Promise<{ ms: number; line: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let ms = 0;
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (ms === 0 && chunk.includes('\n')) ms = Number(process.hrtime.bigint() - start) / 1e6;
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0 || ms === 0)
        reject(new Error(`node ${args.join(' ')} exited with ${status} before printing a line`));
      else resolve({ ms, line: out.slice(0, out.indexOf('\n')) });
    });
  });
}

/**
 * Cold start to the first rendered payload: a fresh `node` process running the bundled consumer
 * Lambda until it has rendered the payload of one STOPPED task event (it prints it instead of
 * posting it), minus a bare `node` process running an ES module that prints one line (so what
 * is left is the bundle's own cost, not Node's ES module loader): the median of {@link RUNS}
 * such differences, each from a bare run and a bundle run back to back.
 *
 * @param firstPayloadPath - The bundle of `bench/consumer/first-payload.ts`.
 * @param barePath - The ES module that only prints a line.
 */
export async function coldFirstPayload(
  firstPayloadPath: string,
  barePath: string,
): Promise<{ firstPayloadMs: number; bareNodeMs: number; payloadBytes: number }> {
  const bareArgs = [barePath];
  const bare: number[] = [];
  const bundle: number[] = [];
  let payload = '';
  await timeToFirstLine(bareArgs);
  for (let i = 0; i < RUNS; i++) {
    bare.push((await timeToFirstLine(bareArgs)).ms);
    const run = await timeToFirstLine([firstPayloadPath]);
    bundle.push(run.ms);
    payload = run.line;
  }
  const message = JSON.parse(payload) as { text?: unknown; blocks?: unknown };
  if (typeof message.text !== 'string' || !Array.isArray(message.blocks))
    throw new Error(`not a Slack payload: ${payload.slice(0, 80)}`);
  // The median of the pairwise differences: a pair runs back to back, so a slow spell of the
  // machine hits both of its runs, where two separate medians can each catch a different one.
  return {
    firstPayloadMs: median(bundle.map((ms, i) => ms - bare[i]!)),
    bareNodeMs: median(bare),
    payloadBytes: payload.length,
  };
}
