/**
 * The `ecs-slack` executable.
 *
 * @internal
 * @module
 */
import { runCli } from './run.js';

// `ecs-slack demo | head`: a closed pipe is the reader saying it has seen enough, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
