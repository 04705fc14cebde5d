/**
 * The `ecs-slack` executable.
 *
 * @internal
 * @module
 */
import { redact } from '../internal/redact.js';
import { EXIT_INVALID_INPUT } from './args.js';
import { writeLine } from './io.js';
import { runCli } from './run.js';

/** Set when writing to standard output failed for a reason other than a closed pipe. */
let outputFailed = false;

/**
 * A failed write. `EPIPE` (`ecs-slack demo | head`) is the reader saying it has seen enough: the
 * stream is closed, later lines are dropped (`writeLine`) and the run goes on to its true exit
 * code: `send` still delivers, and invalid input still exits 1. Any other error (`ENOSPC` on
 * a full disk) is a failure: one line on stderr and exit code 1, without a stack trace.
 */
function onWriteError(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || outputFailed) return;
  outputFailed = true;
  // The error event can come after the run has set its exit code.
  process.exitCode = Math.max(Number(process.exitCode ?? 0), EXIT_INVALID_INPUT);
  if (stream !== process.stderr)
    writeLine(process.stderr, redact(`ecs-slack: cannot write output (${error.code ?? error.message})`));
}

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => onWriteError(stream, error));
}

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = outputFailed ? Math.max(code, EXIT_INVALID_INPUT) : code;
