/**
 * What container exit codes usually mean, and what to do about them.
 *
 * @module
 */
import { knowledgeCenter } from './aws-docs.js';

const KC_STOPPED = knowledgeCenter('ecs-task-stopped');

/**
 * One row of the exit-code table.
 *
 * @internal
 */
export interface ExitCodeRow {
  /** Short meaning, for a summary line: `killed by SIGKILL`. */
  readonly meaning: string;
  /** What usually fixes it. */
  readonly fix: string;
}

/**
 * Exit codes with a conventional meaning. Other codes are application-defined.
 *
 * @internal
 */
export const EXIT_CODES: Readonly<Record<number, ExitCodeRow>> = {
  0: { meaning: 'success', fix: 'The process finished normally.' },
  1: {
    meaning: 'application error',
    fix: "The application failed. Its logs say why: look at the container's log stream around the stop time.",
  },
  126: {
    meaning: 'command not executable',
    fix: 'The command was found but cannot run: check file permissions and the image platform (amd64 vs arm64).',
  },
  127: {
    meaning: 'command not found',
    fix: 'The entrypoint or command does not exist in the image. Check the command in the task definition and the image contents.',
  },
  134: {
    meaning: 'aborted by SIGABRT',
    fix: 'The process aborted itself, often on a failed assertion or a runtime panic. Look at the last lines of its logs.',
  },
  137: {
    meaning: 'killed by SIGKILL',
    fix: 'The container was killed: usually out of memory (raise its memory limit), or it did not stop within stopTimeout after SIGTERM.',
  },
  139: {
    meaning: 'segmentation fault',
    fix: 'The process crashed on an invalid memory access, often a native library or an image built for another platform.',
  },
  143: {
    meaning: 'terminated by SIGTERM',
    fix: 'The container was asked to stop and did. It is usually the consequence of ECS stopping the task, not the cause.',
  },
  255: {
    meaning: 'fatal error',
    fix: 'The process failed with an out-of-range exit status. Its logs say why.',
  },
};

/**
 * The meaning of an exit code, or `undefined` for application-defined codes.
 *
 * @internal
 */
export function exitMeaning(code: number | undefined): string | undefined {
  return code === undefined ? undefined : EXIT_CODES[code]?.meaning;
}

/**
 * The hint for a crash with this exit code.
 *
 * @internal
 */
export function exitHint(code: number): { id: string; fix: string; docsUrl: string } {
  const row = EXIT_CODES[code];
  return {
    id: row === undefined ? 'exit-code' : `exit-${code}`,
    fix: row?.fix ?? `Exit code ${code} is defined by the application: its logs and documentation say what it means.`,
    docsUrl: KC_STOPPED,
  };
}
