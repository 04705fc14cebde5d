import { describe, expect, it } from 'vitest';
import { errorName, networkCode } from '../../src/deliver/network-code.js';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED ::1:443 https://hooks.slack.com/services/T/B/x'), {
    code: 'ECONNREFUSED',
  });

describe('networkCode', () => {
  it('finds the system code in the cause chain, never reading a message', () => {
    expect(networkCode(new TypeError('fetch failed', { cause: refused() }))).toBe('ECONNREFUSED');
  });

  it('finds it inside an AggregateError (one failure per address of the host), not just its class', () => {
    const both = new AggregateError([refused(), refused()], 'https://hooks.slack.com/services/T/B/x');
    expect(networkCode(new TypeError('fetch failed', { cause: both }))).toBe('ECONNREFUSED');
  });

  it('falls back to the class name', () => {
    expect(networkCode(new TypeError('fetch failed', { cause: new Error('bad port') }))).toBe('TypeError');
    expect(errorName('https://x')).toBe('string');
  });
});
