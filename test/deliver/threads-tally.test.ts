/**
 * Tasks of a deployment whose announcement arrives after its first tasks, while an older
 * deployment of the service is the current one: they are tallied, and the card starts from it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, parseEcsEvent, type DeploymentThreads, type StateStore } from '../../src/index.js';
import { DEPLOYMENT_ID, deploymentScenario } from '../helpers/deployment-scenario.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { T0, cardFields, interceptedStore, observeScenario, threadsOn } from './threads-harness.js';

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

/** Announces an older deployment of the same service, which becomes the service's current one. */
async function olderDeploymentSeen(threads: DeploymentThreads): Promise<void> {
  const older = structuredClone(deploymentScenario()[0]!);
  older.id = 'older';
  older.time = '2025-02-17T00:00:00Z';
  older.detail.deploymentId = 'ecs-svc/1111111111111111111';
  older.detail.reason = 'ECS deployment ecs-svc/1111111111111111111 in progress.';
  const event = parseEcsEvent(older);
  await threads.observe(event, classify(event), T0);
}

const cardOf = (deploymentId: string) =>
  slack
    .channelMessages()
    .map(cardFields)
    .find((card) => card.Deployment === `\`${deploymentId}\``) ?? {};

describe('tasks that arrive before their deployment is announced', () => {
  it('are counted on the card that opens later', async () => {
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await olderDeploymentSeen(threads);
    await observeScenario(threads, [1, 2, 4]);
    expect(slack.channelMessages()).toHaveLength(1); // no card yet: it may be an old deployment
    await observeScenario(threads, [0, 5]);
    expect(slack.channelMessages()).toHaveLength(2);
    expect(cardOf(DEPLOYMENT_ID)).toMatchObject({ State: 'in-progress', 'Tasks started': '3', 'Tasks failed': '1' });
  });

  it('count once when they are delivered again', async () => {
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await olderDeploymentSeen(threads);
    await observeScenario(threads, [1, 2, 4, 1, 2, 4, 0, 1, 2, 4, 5, 5]);
    expect(cardOf(DEPLOYMENT_ID)).toMatchObject({ 'Tasks started': '3', 'Tasks failed': '1' });
  });

  it('are counted when the card opens between their tally and its check', async () => {
    let threads: DeploymentThreads | undefined;
    let opened = false;
    // Right before the task's count reaches the tally, the deployment's announcement opens the
    // card (and takes the tally, still empty).
    const store: StateStore = interceptedStore(new MemoryStateStore(), async (call) => {
      if (call.op !== 'update' || !call.scope.startsWith('tally#') || opened) return;
      opened = true;
      await observeScenario(threads!, [0]);
    });
    threads = threadsOn(slack.url, store);
    await olderDeploymentSeen(threads);
    await observeScenario(threads, [1]);
    expect(opened).toBe(true);
    expect(cardOf(DEPLOYMENT_ID)['Tasks started']).toBe('1');
  });

  it('of a deployment known to have finished are not counted, nor open a card', async () => {
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await olderDeploymentSeen(threads);
    await observeScenario(threads, [8, 1]);
    expect(slack.channelMessages()).toHaveLength(2);
    expect(cardOf(DEPLOYMENT_ID)).toMatchObject({ State: 'completed', 'Tasks started': '0' });
  });
});
