/**
 * Two Lambdas editing one card at once: an edit that Slack applies after a newer one must not
 * leave the card showing the older revision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, parseEcsEvent } from '../../src/index.js';
import { deploymentScenario } from '../helpers/deployment-scenario.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { T0, cardFields, observeScenario, startSlowSlackApi, threadsOn, type SlowSlackApi } from './threads-harness.js';

let slack: FakeSlackApi;
let slow: SlowSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
  slow = await startSlowSlackApi(slack.url);
});
afterEach(async () => {
  await slow.close();
  await slack.close();
});

describe('concurrent edits of a card', () => {
  it('an edit that lands after a newer one is followed by the newest revision', async () => {
    const store = new MemoryStateStore();
    const [a, b] = [threadsOn(slow.url, store), threadsOn(slack.url, store)];
    await observeScenario(b, [0]);
    const held = slow.holdNextUpdate();
    const running = parseEcsEvent(deploymentScenario()[1]!);
    const first = a.observe(running, classify(running), T0); // its edit (1 started) is held
    await held.arrived;
    await observeScenario(b, [2]); // edits the card to 2 started, and marks it shown
    expect(cardFields(slack.channelMessages()[0])['Tasks started']).toBe('2');
    held.release(); // the stale edit lands last
    await first;
    expect(slack.channelMessages()).toHaveLength(1);
    expect(cardFields(slack.channelMessages()[0])['Tasks started']).toBe('2');
  });

  it('without a race, each event edits the card once', async () => {
    const threads = threadsOn(slow.url, new MemoryStateStore());
    await observeScenario(threads, [0, 1, 2]);
    expect(slack.channelMessages()[0]!.edits).toBe(3);
  });
});
