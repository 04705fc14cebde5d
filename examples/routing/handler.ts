/**
 * Several channels: errors and recoveries to on-call, the payments team's
 * services to their channel, everything else to the default one.
 *
 * One noise filter and one state store decide for every channel, so duplicates, crash-loop
 * digests and recoveries stay right whichever channel an event goes to; only the delivery is
 * routed. (Several pipelines sharing one store would not do: any of them can flush a digest,
 * to its own channel.) For many concurrent Lambdas, give the filter the DynamoDB store.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { MemoryStateStore } from 'ecs-slack/state';
import {
  classify,
  createNoiseFilter,
  createWebhookSender,
  parseEcsEvents,
  renderDecision,
  type Classification,
  type DigestDecision,
  type EcsEvent,
  type NotifyDecision,
  type SlackSender,
} from 'ecs-slack';

const filter = createNoiseFilter({ preset: 'alerts', store: new MemoryStateStore() });

const webhook = (variable: string): SlackSender =>
  createWebhookSender({ url: process.env[variable] ?? '', maxTotalMs: 8000 });
const oncall = webhook('ONCALL_WEBHOOK_URL');
const payments = webhook('PAYMENTS_WEBHOOK_URL');
const everything = webhook('SLACK_WEBHOOK_URL');

/** Picks the channel from what happened and to which service. */
function channelFor(c: Classification, recovery: boolean): SlackSender {
  if (c.severity === 'error' || recovery) return oncall;
  if (c.identity.service?.startsWith('payments-')) return payments;
  return everything;
}

/** Posts a decision to its channel, then settles it: committed when delivered, released (retried later) when not. */
async function deliver(decision: NotifyDecision | DigestDecision, event?: EcsEvent): Promise<void> {
  const c = decision.action === 'digest' ? decision.digest.latest.classification : decision.classification;
  try {
    await channelFor(c, decision.action === 'notify' && decision.recovery).post(renderDecision(decision, event));
  } catch (error) {
    await filter.release(decision, Date.now());
    throw error;
  }
  // Slack has it now: a commit that fails must not fail the record, or SQS would deliver it again
  // and post it twice. Its claims stay pending until the lease ends.
  await filter.commit(decision, Date.now()).catch((error: unknown) => {
    console.warn(
      JSON.stringify({
        msg: 'sent, but the filter state was not saved',
        error: error instanceof Error ? error.name : typeof error,
      }),
    );
  });
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    try {
      if (!record.success) throw record.error;
      const decision = await filter.decide(record.data, classify(record.data), Date.now());
      // Another invocation is delivering this event: let SQS bring it back.
      if (decision.action === 'defer') throw new Error(decision.detail);
      if (decision.action !== 'suppress') await deliver(decision, record.data);
    } catch (error) {
      // ecs-slack's errors never hold a webhook URL; the message is safe to log.
      console.error(
        JSON.stringify({
          level: 'error',
          id: record.id,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      batchItemFailures.push({ itemIdentifier: record.id });
    }
  }
  // Crash-loop digests whose window has closed; one that fails is released and flushed again next time.
  for (const digest of await filter.flush(Date.now())) await deliver(digest).catch(() => undefined);
  return { batchItemFailures };
}
