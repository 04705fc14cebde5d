import { spawnSync } from 'node:child_process';
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
