import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT: string = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The benchmark's event: a STOPPED Fargate service task (essential container exited, Envoy
 * sidecar), minified as EventBridge delivers it (3,375 bytes).
 */
export const STOPPED_TASK_TEXT: string = JSON.stringify(
  JSON.parse(
    readFileSync(
      join(ROOT, 'test/fixtures/events/task/task-stopped-essential-container-exited-fargate-sidecar.json'),
      'utf8',
    ),
  ),
);
