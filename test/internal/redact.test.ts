import { describe, expect, it } from 'vitest';
import { redact } from '../../src/internal/redact.js';

describe('redact', () => {
  it.each([
    ['https://hooks.slack.com/services/T0SECRET1/B0SECRET2/sEcReT', '[url]'],
    ['posting to hooks.slack.com/services/T0SECRET1/B0SECRET2/sEcReT failed', 'posting to [webhook] failed'],
    ['hooks.slack-gov.com/services/T0/B0/sEcReT', '[webhook]'],
    ['cannot read services/T0SECRET1/B0SECRET2/sEcReT (ENOENT)', 'cannot read [webhook path] (ENOENT)'],
    ['not found: /services/T0SECRET1/B0SECRET2/sEcReT', 'not found: [webhook path]'],
    ['{"path":"\\/services\\/T0SECRET1\\/B0SECRET2\\/sEcReT"}', '{"path":"[webhook path]"}'],
    ['GET %2Fservices%2FT0SECRET1%2FB0SECRET2%2FsEcReT', 'GET [webhook path]'],
    ['/workflows/T0SECRET1/A0B/123/sEcReT and /triggers/T0SECRET1/123/sEcReT', '[webhook path] and [webhook path]'],
    ['token xoxb-1234-5678-sEcReT used', 'token [token] used'],
    ['xoxp-1-sEcReT, xoxe.xoxp-1-sEcReT, xapp-1-A0-sEcReT', '[token], [token], [token]'],
    ['Authorization: Bearer eyJhbGciOi.sEcReT', 'Authorization: Bearer [token]'],
    ['basic dXNlcjpzEcReT=', 'basic [token]'],
    ['hooks://anything/sEcReT', '[url]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary messages alone', () => {
    for (const text of [
      'SQS record 3: detail.lastStatus: expected string, received number',
      'cannot read /tmp/events/today.json (ENOENT)',
      'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      'Slack webhook rejected the message: HTTP 400 invalid_blocks; block 1 (section) at /blocks/1/text: must be more than 0 characters',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});
