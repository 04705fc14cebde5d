/**
 * Redaction: each kind of secret the docs promise, nothing else touched, user patterns, terminal
 * codes; and a property: a secret put anywhere in random log text never comes out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/aws/index.js';
import { cleanLogText } from '../../src/aws/log-tail.js';
import { stripTerminalCodes } from '../../src/aws/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'key [REDACTED] used'],
    ['temporary access key id', 'ASIAY34FZKBOKMUTVV7A', '[REDACTED]'],
    ['AWS secret key', 'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here', 'secret [REDACTED] here'],
    [
      'AWS secret key as a value',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = [REDACTED]',
    ],
    ['Slack bot token', 'xoxb-1111111111-2222222222-AbCdEfGhIjKl', '[REDACTED]'],
    ['Slack app token', 'xapp-1-A0123456789-1234567890123-abcdef', '[REDACTED]'],
    [
      'Slack webhook URL',
      'post https://hooks.slack.com/services/T000/B000/XXXXXXXX failed',
      'post https://hooks.slack.com/services/[REDACTED] failed',
    ],
    ['bearer token', 'Bearer abcdefghijklmnop1234', 'Bearer [REDACTED]'],
    ['authorization header', 'authorization: Basic dXNlcjpwYXNzd29yZA==', 'authorization: Basic [REDACTED]'],
    ['JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-nat_ure ok', 'jwt [REDACTED] ok'],
    [
      'password in a URL',
      'redis://:p4ss@cache:6379 and https://u:pw@host/x',
      'redis://:p4ss@cache:6379 and https://u:[REDACTED]@host/x',
    ],
    ['password in a URL with a user', 'mongodb://admin:s3cr3t@db', 'mongodb://admin:[REDACTED]@db'],
    ['password=', 'login failed password=hunter2 user=bob', 'login failed password=[REDACTED] user=bob'],
    ['secret: in JSON', '{"client_secret": "a b c", "id": 1}', '{"client_secret": "[REDACTED]", "id": 1}'],
    ['token= in a query', '/cb?token=abc123&state=x', '/cb?token=[REDACTED]&state=x'],
    ['api key', 'X-Api-Key: 12345', 'X-Api-Key: [REDACTED]'],
    [
      'PEM private key over lines',
      'a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAbc=\n-----END RSA PRIVATE KEY-----\nb',
      'a\n[REDACTED] private key\nb',
    ],
  ])('%s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    'GET /health 200 12ms',
    'commit 3f786850e387550fdab836ed7e6dc881de23001b deployed',
    'panic: runtime error: index out of range [3] with length 3',
    'basic authentication is disabled',
    'user=bob role=admin',
  ])('leaves ordinary text alone: %s', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  it('applies the user’s patterns, with or without the g flag', () => {
    expect(redactSecrets('card 4111-1111-1111-1111 and 4012-8888-8888-1881', { patterns: [/\d{4}(-\d{4}){3}/] })).toBe(
      'card [REDACTED] and [REDACTED]',
    );
    expect(redactSecrets('ssn 123-45-6789', { patterns: [/\d{3}-\d{2}-\d{4}/g] })).toBe('ssn [REDACTED]');
  });
});

describe('terminal codes', () => {
  it('strips colours, cursor moves, OSC hyperlinks and control characters; keeps tabs', () => {
    expect(
      stripTerminalCodes(
        '\u001b[1;31mred\u001b[0m\tok\r\u0007\u001b[2K\u001b]8;;https://x.example\u0007link\u001b]8;;\u0007',
      ),
    ).toBe('red\toklink');
  });

  it('a secret split by a colour code is still redacted (codes go first)', () => {
    expect(cleanLogText('password=\u001b[33mhun\u001b[0mter2', 5, {})).toEqual(['password=[REDACTED]']);
  });
});

/** Secrets of every kind redactSecrets promises, generated. */
const secret = fc.oneof(
  fc.stringMatching(/^AKIA[A-Z0-9]{16}$/),
  fc.stringMatching(/^xoxb-[0-9]{10}-[A-Za-z0-9]{12}$/),
  fc.stringMatching(/^eyJ[A-Za-z0-9_-]{8}\.eyJ[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{8}$/),
  fc.stringMatching(/^[A-Z][a-z][0-9][A-Za-z0-9/+]{37}$/).map((key) => key),
);
const keyed = fc.record({
  key: fc.constantFrom('password', 'DB_PASSWORD', 'secret', 'client_secret', 'token', 'api_key'),
  value: fc.stringMatching(/^[A-Za-z0-9!#%*.~-]{6,20}$/),
  sep: fc.constantFrom('=', ': ', '":"', ' = '),
});
const noise = fc.string({ maxLength: 40, unit: fc.constantFrom(...' abcXYZ019-_:/.,;\n\t'.split('')) });

describe('property: a secret anywhere in log text never comes out', () => {
  it('standalone secrets', () => {
    fc.assert(
      fc.property(noise, secret, noise, (before, value, after) => {
        const lines = cleanLogText(`${before} ${value} ${after}`, 100, {});
        expect(lines.join('\n')).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });

  it('key=value secrets', () => {
    fc.assert(
      fc.property(noise, keyed, noise, (before, { key, value, sep }, after) => {
        const out = cleanLogText(`${before} ${key}${sep}${value} ${after}`, 100, {}).join('\n');
        expect(out).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});
