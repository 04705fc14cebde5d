/**
 * Deployment events that arrive late: a card never leaves a final state, and a deployment event
 * older than the one that set the state leaves it alone, though it may move *Started* earlier.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, parseEcsEvent } from '../../src/index.js';
import { deploymentScenario } from '../helpers/deployment-scenario.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { T0, cardFields, observeScenario, threadsOn } from './threads-harness.js';

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

const epochOf = (i: number) => String(Date.parse(deploymentScenario()[i]!.time as string) / 1000);
const card = () => {
  expect(slack.channelMessages()).toHaveLength(1);
  return cardFields(slack.channelMessages()[0]);
};

describe('deployment events out of order', () => {
  it('a late IN_PROGRESS after COMPLETED keeps the card completed, and moves Started to its time', async () => {
    await observeScenario(threadsOn(slack.url, new MemoryStateStore()), [8, 0]);
    expect(card()).toMatchObject({ State: 'completed', Started: epochOf(0), Updated: epochOf(8) });
    expect(card().Latest).toContain('completed.');
  });

  it('a late rolling-back after COMPLETED keeps the card completed, with the completion as reason', async () => {
    await observeScenario(threadsOn(slack.url, new MemoryStateStore()), [0, 8, 7]);
    expect(card()).toMatchObject({ State: 'completed', Started: epochOf(0), Updated: epochOf(8) });
    expect(card().Latest).toContain('completed.');
  });

  it('a late IN_PROGRESS after a rollback keeps it rolling back, and moves Started to its time', async () => {
    await observeScenario(threadsOn(slack.url, new MemoryStateStore()), [7, 0]);
    expect(card()).toMatchObject({ State: 'rolling-back', Started: epochOf(0), Updated: epochOf(7) });
    expect(card().Latest).toContain('rolling back');
  });

  it('in order, each deployment event still sets the state', async () => {
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await observeScenario(threads, [0]);
    expect(card().State).toBe('in-progress');
    await observeScenario(threads, [7]);
    expect(card().State).toBe('rolling-back');
    await observeScenario(threads, [8]);
    expect(card()).toMatchObject({ State: 'completed', Started: epochOf(0), Updated: epochOf(8) });
  });

  it('a final state arriving before an older non-final one still wins', async () => {
    const failed = structuredClone(deploymentScenario()[8]!);
    Object.assign(failed, { id: 'failed-early', time: deploymentScenario()[1]!.time });
    Object.assign(failed.detail, {
      eventName: 'SERVICE_DEPLOYMENT_FAILED',
      eventType: 'ERROR',
      reason: 'ECS deployment failed: tasks failed to start.',
    });
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await observeScenario(threads, [7]);
    const event = parseEcsEvent(failed);
    await threads.observe(event, classify(event), T0);
    expect(card().State).toBe('failed');
    expect(card().Latest).toContain('tasks failed to start');
  });

  it('a late task event is counted, without moving Updated back or replacing a newer reason', async () => {
    await observeScenario(threadsOn(slack.url, new MemoryStateStore()), [0, 7, 5]);
    expect(card()).toMatchObject({ State: 'rolling-back', 'Tasks failed': '1', Updated: epochOf(7) });
    expect(card().Latest).toContain('rolling back');
  });
});
