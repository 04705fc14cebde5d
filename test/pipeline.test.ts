import { describe, expect, it } from 'vitest';
import { createPipeline, DeliveryError, MemoryStateStore, parseEcsEvent, StateStoreError, type SlackSender, type StateKey } from '../src/index.js';
import { loadFixture } from './helpers/fixtures.js';

/** A memory store whose `take` (what releasing claims uses) fails, as a throttled table would. */
class FailingTakeStore extends MemoryStateStore {
  override async take(_key: StateKey, _now: number): Promise<never> {
    throw new StateStoreError('state store take: throttled', { operation: 'take' });
  }
}

describe('createPipeline', () => {
  it('reports the delivery error when releasing the claims fails too', async () => {
    const sender: SlackSender = {
      post: async () => {
        throw new DeliveryError('Slack webhook answered HTTP 500', { status: 500, retryable: true });
      },
    };
    const pipeline = createPipeline({ sender, store: new FailingTakeStore(), logger: () => undefined, clock: () => Date.parse('2020-03-16T15:40:00Z') });
    const result = await pipeline.handle(parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar')));
    expect(result.status).toBe('failed');
    expect(result.error).toBeInstanceOf(DeliveryError);
  });
});
