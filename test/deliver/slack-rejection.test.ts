import { describe, expect, it } from 'vitest';
import { describeRejectedPart, rejectionFromBody, rejectionFromResult } from '../../src/deliver/slack-rejection.js';
import type { SlackMessage } from '../../src/index.js';

const message: SlackMessage = {
  text: 'fallback',
  blocks: [{ type: 'header', block_id: 'head', text: { type: 'plain_text', text: 'Title' } }, { type: 'divider' }],
  attachments: [
    { color: '#2eb886', blocks: [{ type: 'section', block_id: 'inner', text: { type: 'mrkdwn', text: 'x' } }] },
  ],
};

describe('rejectionFromBody', () => {
  it.each([
    ['invalid_blocks', 'invalid_blocks'],
    ['no_service\n', 'no_service'],
    ['invalid_payload: could not parse', 'invalid_payload'],
    ['  channel_is_archived  ', 'channel_is_archived'],
    ['<html><body>502 Bad Gateway</body></html>', undefined],
    ['Invalid Payload', undefined],
    ['', undefined],
    ['{"ok":false,"error":"invalid_blocks"}', 'invalid_blocks'],
    ['{"ok":false,"error":"<b>not an id</b>"}', undefined],
    ['{not json', undefined],
  ])('reads %j as error %j', (body, error) => {
    expect(rejectionFromBody(body).error).toBe(error);
  });

  it('keeps only the lines carrying a JSON-pointer hint', () => {
    const body = 'invalid_blocks\nsomething else\n[ERROR] too long [json-pointer:/blocks/0/text/text]';
    expect(rejectionFromBody(body).messages).toEqual(['[ERROR] too long [json-pointer:/blocks/0/text/text]']);
  });
});

describe('rejectionFromResult', () => {
  it('collects errors and response_metadata.messages', () => {
    const rejection = rejectionFromResult({
      ok: false,
      error: 'invalid_blocks',
      errors: ['a [json-pointer:/blocks/0]', 42],
      response_metadata: { messages: ['[ERROR] b [json-pointer:/blocks/1]'] },
    });
    expect(rejection).toEqual({
      error: 'invalid_blocks',
      messages: ['a [json-pointer:/blocks/0]', '[ERROR] b [json-pointer:/blocks/1]'],
    });
  });

  it.each([[null], ['text'], [42], [{}]])('reads %j as nothing', (data) => {
    expect(rejectionFromResult(data)).toEqual({ error: undefined, messages: [] });
  });
});

describe('describeRejectedPart', () => {
  const describePointer = (line: string): string | undefined =>
    describeRejectedPart({ error: 'invalid_blocks', messages: [line] }, message);

  it.each([
    [
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]',
      'block 0 (header, block_id "head") at /blocks/0/text/text: must be less than 151 characters',
    ],
    ['[WARN] odd [json-pointer:/blocks/1]', 'block 1 (divider) at /blocks/1: odd'],
    ['bad [json-pointer:/blocks/7/text]', 'block 7 (not in the payload) at /blocks/7/text: bad'],
    [
      '[ERROR] bad [json-pointer:/attachments/0/blocks/0/text]',
      'attachment 0 block 0 (section, block_id "inner") at /attachments/0/blocks/0/text: bad',
    ],
    ['[ERROR] required [json-pointer:/text]', 'at /text: required'],
    ['[json-pointer:/blocks/0]', 'block 0 (header, block_id "head") at /blocks/0'],
  ])('describes %j', (line, expected) => {
    expect(describePointer(line)).toBe(expected);
  });

  it('uses the first hint and ignores messages without one', () => {
    const rejection = {
      error: 'invalid_blocks',
      messages: ['no hint here', 'x [json-pointer:/blocks/1]', 'y [json-pointer:/blocks/0]'],
    };
    expect(describeRejectedPart(rejection, message)).toBe('block 1 (divider) at /blocks/1: x');
    expect(describeRejectedPart({ error: 'invalid_blocks', messages: ['no hint'] }, message)).toBeUndefined();
  });
});
