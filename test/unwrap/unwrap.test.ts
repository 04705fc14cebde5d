import { describe, expect, it } from 'vitest';
import { parseEcsEvents } from '../../src/index.js';
import { unwrap } from '../../src/schemas.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';
import { snsEvent, snsNotificationForSqs, sqsEvent } from '../helpers/lambda.js';

const crashed = fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar');
const steady = fixtureText('service', 'docs-service-steady-state');
const failed = fixtureText('deployment', 'docs-deployment-failed');

function kindsOf(input: unknown, options?: Parameters<typeof parseEcsEvents>[1]) {
  return parseEcsEvents(input, options).map((record) => (record.success ? record.data.kind : record.error.message));
}

describe('unwrap', () => {
  it('takes an EventBridge event as it is, with its id', () => {
    const event = JSON.parse(crashed);
    expect(unwrap(event)).toEqual([{ success: true, id: event.id, origin: 'eventbridge', label: '', data: event }]);
  });

  it('reads an SQS batch, one record per message, keeping the messageId', () => {
    const batch = sqsEvent([crashed, steady, failed]);
    const records = parseEcsEvents(batch);
    expect(records.map((record) => [record.id, record.origin, record.success && record.data.kind])).toEqual([
      [batch.Records[0]!.messageId, 'sqs', 'task'],
      [batch.Records[1]!.messageId, 'sqs', 'service'],
      [batch.Records[2]!.messageId, 'sqs', 'deployment'],
    ]);
  });

  it('reports an SQS record that is not JSON as an error for that record only', () => {
    const batch = sqsEvent([crashed, '{"truncated": ', steady]);
    const records = parseEcsEvents(batch);
    expect(records.map((record) => record.success)).toEqual([true, false, true]);
    const bad = records[1]!;
    expect(bad.id).toBe(batch.Records[1]!.messageId);
    expect(bad.error?.message).toBe(`SQS record 1 (messageId ${batch.Records[1]!.messageId}) body is not JSON`);
    expect(bad.error?.recordId).toBe(batch.Records[1]!.messageId);
  });

  it('reports a record that holds no event, so it is not acknowledged without a trace', () => {
    const batch = sqsEvent([crashed, '[]', '{"Records": []}', snsNotificationForSqs('[]', 3)]);
    const records = parseEcsEvents(batch);
    expect(records.map((record) => [record.id, record.success])).toEqual([
      [batch.Records[0]!.messageId, true],
      [batch.Records[1]!.messageId, false],
      [batch.Records[2]!.messageId, false],
      [batch.Records[3]!.messageId, false],
    ]);
    expect(records[1]!.error?.message).toBe(
      `SQS record 1 (messageId ${batch.Records[1]!.messageId}) body holds no event`,
    );
    expect(records[3]!.error?.message).toMatch(/SNS Message holds no event$/);
    const sns = parseEcsEvents(snsEvent(['[]']));
    expect(sns.map((record) => [record.id, record.error?.message])).toEqual([
      [
        snsEvent(['[]']).Records[0]!.Sns.MessageId,
        `SNS record 0 (MessageId ${snsEvent(['[]']).Records[0]!.Sns.MessageId}) Message holds no event`,
      ],
    ]);
    // An empty batch is not an error: there is no record to report.
    expect(parseEcsEvents(sqsEvent([]))).toEqual([]);
  });

  it("gives every event inside one SQS or SNS record that record's id, the only one SQS accepts back", () => {
    const inner = sqsEvent([crashed, steady]);
    const batch = sqsEvent([`[${crashed},${failed}]`, JSON.stringify(inner), snsNotificationForSqs(`[${steady}]`, 2)]);
    const records = parseEcsEvents(batch);
    const [first, second, third] = batch.Records.map((record) => record.messageId);
    expect(records.map((record) => [record.id, record.label, record.success && record.data.kind])).toEqual([
      [first, `SQS record 0 (messageId ${first}) item 0`, 'task'],
      [first, `SQS record 0 (messageId ${first}) item 1`, 'deployment'],
      [second, `SQS record 0 (messageId ${inner.Records[0]!.messageId})`, 'task'],
      [second, `SQS record 1 (messageId ${inner.Records[1]!.messageId})`, 'service'],
      [third, `SQS record 2 (messageId ${third}) item 0`, 'service'],
    ]);
    const sns = snsEvent([`[${crashed},"{oops"]`]);
    expect(parseEcsEvents(sns).map((record) => [record.id, record.error?.recordId])).toEqual([
      [sns.Records[0]!.Sns.MessageId, undefined],
      [sns.Records[0]!.Sns.MessageId, sns.Records[0]!.Sns.MessageId],
    ]);
  });

  it('names the SQS record in validation errors', () => {
    const event = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar') as any;
    event.detail.lastStatus = 7;
    const batch = sqsEvent([steady, JSON.stringify(event)]);
    const [, bad] = parseEcsEvents(batch);
    expect(bad?.error?.message).toBe(
      `SQS record 1 (messageId ${batch.Records[1]!.messageId}): detail.lastStatus: expected string, received number`,
    );
    expect(bad?.error?.path).toBe('detail.lastStatus');
  });

  it('reads an SNS batch (Lambda spelling SigningCertUrl)', () => {
    const batch = snsEvent([crashed, failed]);
    const records = parseEcsEvents(batch);
    expect(records.map((record) => [record.id, record.origin, record.success && record.data.kind])).toEqual([
      [batch.Records[0]!.Sns.MessageId, 'sns', 'task'],
      [batch.Records[1]!.Sns.MessageId, 'sns', 'deployment'],
    ]);
  });

  it('reads SNS notifications delivered through SQS (SigningCertURL spelling) and raw delivery', () => {
    const batch = sqsEvent([snsNotificationForSqs(crashed), steady, snsNotificationForSqs('not json', 1)]);
    const records = parseEcsEvents(batch);
    expect(records.map((record) => [record.origin, record.success])).toEqual([
      ['sqs-sns', true],
      ['sqs', true],
      ['sqs-sns', false],
    ]);
    expect(records[2]!.error?.message).toMatch(/SNS Message is not JSON$/);
    expect(records[2]!.id).toBe(batch.Records[2]!.messageId);
  });

  it('accepts the SNS notification of the Lambda spelling inside SQS too', () => {
    const lambdaSpelling = snsEvent([crashed]).Records[0]!.Sns;
    const batch = sqsEvent([JSON.stringify(lambdaSpelling)]);
    expect(kindsOf(batch)).toEqual(['task']);
  });

  it('reads plain arrays, including arrays of batches', () => {
    const events = [JSON.parse(crashed), JSON.parse(steady)];
    expect(kindsOf(events)).toEqual(['task', 'service']);
    expect(unwrap(events).map((record) => [record.id, record.origin])).toEqual([
      ['0', 'array'],
      ['1', 'array'],
    ]);
    expect(kindsOf([sqsEvent([crashed]), snsEvent([failed])])).toEqual(['task', 'deployment']);
  });

  it("reads the JSON text of one event or of a batch; several values are the CLI reader's job", () => {
    expect(kindsOf(crashed)).toEqual(['task']);
    expect(kindsOf(`\ufeff${crashed}`)).toEqual(['task']);
    expect(kindsOf(JSON.stringify(sqsEvent([failed, steady])))).toEqual(['deployment', 'service']);
    const line = (text: string) => JSON.stringify(JSON.parse(text));
    expect(kindsOf(`${line(crashed)}\n${line(steady)}\n`)).toEqual(['input is not JSON']);
    expect(kindsOf('   \n  ')).toEqual(['input is empty']);
  });

  it('wraps a bare detail (input transformer) when told its kind', () => {
    const detail = JSON.parse(crashed).detail;
    const records = parseEcsEvents(detail, { kind: 'task' });
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.origin).toBe('detail');
    expect(record.success && record.data.kind).toBe('task');
    expect(record.data?.region).toBe('eu-central-1');
    expect(record.data?.account).toBe('111111111111');
    expect(record.data?.resources).toEqual([detail.taskArn]);
    expect(record.data?.time).toBe(detail.updatedAt);
  });

  it('gives a lone event without an id the id parsing derives, as its record id', () => {
    const detail = JSON.parse(crashed).detail;
    const [bare] = parseEcsEvents(detail, { kind: 'task' });
    expect(bare?.success).toBe(true);
    expect(bare?.id).toMatch(/^derived-/);
    expect(bare?.id).toBe(bare?.data?.id);
    const { id: _dropped, ...trimmed } = JSON.parse(crashed);
    const [envelope] = parseEcsEvents(trimmed);
    expect(envelope?.id).toBe(envelope?.data?.id);
    expect(envelope?.id).toBe(bare?.id);
    // An event with its own id keeps it; one that fails has nothing to derive from.
    expect(parseEcsEvents(crashed)[0]?.id).toBe(JSON.parse(crashed).id);
    expect(parseEcsEvents({ ...trimmed, detail: { lastStatus: 7 } })[0]?.id).toBe('event');
  });

  it('wraps a transformer output that kept detail and resources', () => {
    const event = JSON.parse(failed);
    const [record] = parseEcsEvents({ detail: event.detail, resources: event.resources }, { kind: 'deployment' });
    expect(record?.success && record.data.kind).toBe('deployment');
    expect(record?.data?.resources).toEqual(event.resources);
  });

  it('without the kind, a bare detail is an error saying it is not an ECS event', () => {
    expect(kindsOf(JSON.parse(crashed).detail)).toEqual([
      'not an Amazon ECS event: source is missing (expected "aws.ecs")',
    ]);
  });

  it('rejects records of other services', () => {
    const kinesis = { Records: [{ eventSource: 'aws:kinesis', kinesis: { data: 'e30=' } }] };
    expect(kindsOf(kinesis)).toEqual(['record 0 is not an SQS or SNS record (eventSource "aws:kinesis")']);
  });

  it('rejects text that is not JSON at all', () => {
    expect(kindsOf('hello')).toEqual(['input is not JSON']);
  });

  it('stops at absurd nesting instead of recursing forever', () => {
    let value: unknown = JSON.parse(crashed);
    for (let i = 0; i < 10; i++) value = [value];
    const records = unwrap(value);
    expect(records).toHaveLength(1);
    expect(records[0]!.error?.message).toMatch(/nested more than 4 levels deep$/);
  });
});

describe('replays', () => {
  it('reads an array of JSON strings (dead-letter bodies)', () => {
    expect(kindsOf([crashed, steady])).toEqual(['task', 'service']);
    expect(kindsOf(['{oops', failed])).toEqual(['item 0 item is not JSON', 'deployment']);
  });

  it('reads `aws sqs receive-message` output, keeping each MessageId', () => {
    const output = {
      Messages: [
        { MessageId: 'm-1', ReceiptHandle: 'r', MD5OfBody: 'x', Body: crashed },
        { MessageId: 'm-2', Body: 'nope' },
      ],
    };
    const records = parseEcsEvents(output);
    expect(records.map((r) => [r.id, r.success])).toEqual([
      ['m-1', true],
      ['m-2', false],
    ]);
  });

  it('reads a Lambda on-failure destination record', () => {
    const event = JSON.parse(crashed);
    const record = {
      version: '1.0',
      timestamp: '2026-11-20T09:00:00.000Z',
      requestContext: {
        requestId: 'r-1',
        functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:alerts',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'HandlerError', errorMessage: '1 of 1 event(s) failed' },
    };
    expect(unwrap(record)).toEqual([
      { success: true, id: event.id, origin: 'destination', label: 'destination record', data: event },
    ]);
  });
});
