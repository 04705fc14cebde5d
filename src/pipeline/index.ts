/**
 * `createPipeline`: parse, classify, filter, render and deliver, with every decision settled and
 * logged; with a policy, per destination. The Lambda handler is a thin layer over it; use it
 * directly in your own handlers.
 *
 * @module
 */
import { checkPipelineOptions } from './check-options.js';
import { salvageEcsEvent } from '../parse/lenient.js';
import { createPipelineContext } from './context.js';
import { flushPipeline } from './flush.js';
import { errorLine } from './log.js';
import type { Pipeline, PipelineOptions } from './types.js';
import { runEvent } from './run.js';

export { jsonLineLogger, type PipelineLogEntry, type PipelineLogger } from './log.js';
export type { FlushOptions, HandleOptions, Pipeline, PipelineOptions, PipelineResult } from './types.js';

/**
 * Composes the pipeline: classify (with the policy's severities), route, filter (with its state),
 * render, deliver (to the channel, into a deployment's thread, or to Amazon Q), settle and log.
 *
 * @param options - Sender (or policy and destinations), filter, store, rendering, threads,
 *   silences, logger and clock.
 * @returns The pipeline.
 * @throws `ConfigError` naming the option, for an option of the wrong shape (a filter without
 *   `commit`, an unknown option name, threads with a sender that cannot update messages, an
 *   invalid policy, a policy destination without a sender).
 * @example
 * ```ts
 * const pipeline = createPipeline({ sender: createWebhookSender({ url }) });
 * for (const record of parseEcsEvents(input)) {
 *   if (record.success) await pipeline.handle(record.data, { id: record.id });
 * }
 * ```
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  checkPipelineOptions(options);
  const context = createPipelineContext(options);
  const { log, onInvalid } = context;

  return {
    async handle(event, handleOptions = {}) {
      if (typeof handleOptions !== 'object' || handleOptions === null) {
        throw new TypeError(
          'pipeline.handle: the second argument is an options object: handle(event, { id, deadline })',
        );
      }
      return runEvent(context, event, { id: handleOptions.id ?? event.id, deadline: handleOptions.deadline });
    },

    async handleRecord(record, recordOptions = {}) {
      const deadline = recordOptions.deadline;
      if (record.success) return runEvent(context, record.data, { id: record.id, deadline });
      const salvaged = onInvalid === 'alert' && record.input !== undefined ? salvageEcsEvent(record.input) : undefined;
      if (salvaged !== undefined)
        return runEvent(context, salvaged.event, { id: record.id, deadline, missing: salvaged.missing });
      const drop = onInvalid === 'drop';
      log({ level: 'warn', msg: drop ? 'dropped' : 'invalid', id: record.id, detail: errorLine(record.error) });
      return { status: drop ? 'dropped' : 'invalid', error: record.error };
    },

    async flush(flushOptions = {}) {
      return flushPipeline(context, flushOptions.deadline);
    },
  };
}
