import { createPipeline, createWebhookSender, parseEcsEvent } from 'ecs-slack';
import { runStorm, type StormResult } from '../test/helpers/storm.js';

/**
 * The registry-outage storm (30 services x 15 failed pulls + one START_IMPAIRED each, one
 * cluster, 6 minutes) through the built package: `alerts` preset, grouping and pacing on, to a
 * loopback webhook limited as Slack is, on a simulated clock, with the handler's 60 s flush.
 */
export function stormMessages(): Promise<StormResult> {
  return runStorm({ createPipeline, createWebhookSender, parseEcsEvent }, 60);
}
