/**
 * Fixture events in the ECS API's shapes: a task event's detail as `DescribeTasks` returns it.
 */

/** The Task fields that are timestamps in the ECS API (Dates in the SDK, epoch seconds on the wire). */
export const TASK_TIMES: readonly string[] = [
  'connectivityAt',
  'createdAt',
  'executionStoppedAt',
  'pullStartedAt',
  'pullStoppedAt',
  'startedAt',
  'stoppedAt',
  'stoppingAt',
];

/**
 * A fixture event's detail as the ECS API has it: no `updatedAt` (an event-only field), and each
 * timestamp converted by `time` (to a Date for the SDK's `Task`, to epoch seconds for the wire).
 */
export function apiTask(event: Record<string, unknown>, time: (iso: string) => unknown): Record<string, unknown> {
  const { updatedAt: _eventOnly, ...task } = structuredClone(event.detail) as Record<string, unknown>;
  for (const field of TASK_TIMES) if (typeof task[field] === 'string') task[field] = time(task[field]);
  for (const container of (task.containers as Array<Record<string, unknown>> | undefined) ?? []) {
    for (const agent of (container.managedAgents as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof agent.lastStartedAt === 'string') agent.lastStartedAt = time(agent.lastStartedAt);
    }
  }
  return task;
}

/** A time as a Date (the SDK's `Task`). */
export const asDate = (iso: string): Date => new Date(iso);
/** A time as epoch seconds (the JSON wire format). */
export const asEpochSeconds = (iso: string): number => Date.parse(iso) / 1000;
