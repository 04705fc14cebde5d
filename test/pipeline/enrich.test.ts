/**
 * createPipeline({ enrich }): the real enricher (real SDK clients against the loopback AWS JSON
 * server) runs once per alert sent, never for suppressed events or digests, and within the
 * deadline less what delivery needs: a hanging AWS never keeps the alert past the deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEnricher, type Enricher } from '../../src/aws/index.js';
import { createPipeline, createWebhookSender, type PipelineLogEntry } from '../../src/index.js';
import type { AwsJsonServer } from '../helpers/aws-json-server.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';
import {
  CRASH_GROUP,
  CRASH_STREAM,
  HOSTILE_LOG,
  HOSTILE_SECRETS,
  clientsFor,
  crash,
  startFakeAws,
  type FakeAwsOptions,
} from '../aws/harness.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
let aws: AwsJsonServer | undefined;
let slack: ScriptedServer | undefined;
afterEach(async () => {
  await Promise.all([aws?.close(), slack?.close()]);
  aws = undefined;
  slack = undefined;
});

/** A pipeline posting to a loopback webhook, enriching from a loopback AWS. */
async function setUp(fake: FakeAwsOptions = {}, enrich?: Enricher, budgetMs = 1500) {
  aws = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG }, ...fake });
  slack = await startScriptedServer([{ status: 200, body: 'ok' }]);
  const logs: PipelineLogEntry[] = [];
  const clock = { now: T0 };
  const pipeline = createPipeline({
    sender: createWebhookSender({ url: `${slack.origin}/services/T000/B000/XXXX` }),
    enrich: enrich ?? createEnricher({ ...clientsFor(aws), budgetMs }),
    filter: { foldWindowSeconds: 60 },
    logger: (entry) => logs.push(entry),
    clock: () => clock.now,
  });
  return { aws, slack, pipeline, logs, clock };
}

const posted = (server: ScriptedServer, index = -1): string => server.requests.at(index)?.body ?? '';

describe('createPipeline({ enrich })', () => {
  it('puts the crashed container’s last lines, redacted, and its stream link in the alert', async () => {
    const { aws, slack, pipeline } = await setUp();
    const { event } = crash();
    expect((await pipeline.handle(event)).status).toBe('sent');
    const body = posted(slack);
    expect(body).toContain('Last 8 log lines of `app`');
    expect(body).toContain('panic: runtime error: index out of range [3] with length 3');
    expect(body).toContain('$252Fecs$252Fexample-api/log-events/ecs$252Fapp');
    for (const secret of HOSTILE_SECRETS) expect(body).not.toContain(secret);
    expect(aws.calls.map((call) => call.operation)).toEqual(['DescribeTaskDefinition', 'GetLogEvents']);
  });

  it('enriches once per alert: not the repeats it suppresses, not the digest that reports them', async () => {
    const { aws, slack, pipeline, clock } = await setUp();
    const ids = [
      'a6eaf0150a4248dAA1bcbd688121014e',
      'b6eaf0150a4248dAA1bcbd688121014e',
      'c6eaf0150a4248dAA1bcbd688121014e',
    ];
    const results = [];
    for (const [i, id] of ids.entries()) {
      clock.now = T0 + i * 1000;
      results.push((await pipeline.handle(crash(id).event)).status);
    }
    expect(results).toEqual(['sent', 'suppressed', 'suppressed']);
    clock.now = T0 + 400_000;
    expect((await pipeline.flush()).map((r) => r.status)).toEqual(['sent']);
    expect(slack.requests).toHaveLength(2);
    expect(posted(slack)).toContain('2 more times');
    expect(posted(slack)).not.toContain('log lines');
    expect(aws.count('GetLogEvents')).toBe(1);
    expect(aws.count('DescribeTaskDefinition')).toBe(1);
  });

  it('AWS hanging: the alert goes out before the deadline, with the links and a timeout note', async () => {
    // The enricher's own budget (10 s) is far past the deadline: only the pipeline's bound holds it.
    const { slack, pipeline } = await setUp({ overrides: { GetLogEvents: () => 'hang' } }, undefined, 10_000);
    const started = Date.now();
    const deadline = started + 1800;
    expect((await pipeline.handle(crash().event, { deadline })).status).toBe('sent');
    const took = Date.now() - started;
    // Enrichment ends at the deadline less the delivery reserve (1 s); the post is quick.
    expect(took).toBeGreaterThanOrEqual(700);
    expect(took).toBeLessThan(1500);
    expect(posted(slack)).toContain('logs unavailable: timeout');
    expect(posted(slack)).toContain('log-events/ecs$252Fapp');
  });

  it('an enricher of your own that fails or hangs costs the alert its evidence, never the alert', async () => {
    const failing: Enricher = async () => {
      throw new Error('boom');
    };
    const hanging: Enricher = () => new Promise(() => undefined);
    for (const [enrich, note] of [
      [failing, 'evidence unavailable: error'],
      [hanging, 'evidence unavailable: timeout'],
    ] as const) {
      const { slack, pipeline } = await setUp({}, enrich);
      const started = Date.now();
      expect((await pipeline.handle(crash().event, { deadline: started + 1300 })).status).toBe('sent');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(posted(slack)).toContain(note);
      await Promise.all([aws?.close(), slack.close()]);
    }
  });

  it('refuses an enrich that is not a function, naming it', () => {
    expect(() => createPipeline({ sender: { post: async () => ({}) }, enrich: true as never })).toThrow(
      'createPipeline: options.enrich: expected a function, got boolean',
    );
  });
});
