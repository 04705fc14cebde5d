/**
 * The built `ecs-slack` executable, run as a user runs it, without blocking this thread (so
 * loopback servers and dynalite in this process can answer it).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';

/** The built executable (`npm test` builds first). */
export const CLI: string = join(FIXTURES, '..', '..', 'dist', 'cli.js');

/** Runs the CLI with `args`, the environment plus `env`, and standard input closed. */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON lines of an output. */
export const jsonLines = (text: string): Array<Record<string, any>> =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);
