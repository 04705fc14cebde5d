import { describe, expect, it } from 'vitest';
import {
  SLACK_LIMITS,
  bold,
  code,
  date,
  escapeText,
  fitId,
  fitList,
  fitProse,
  join,
  link,
  mention,
  pre,
  text,
  trusted,
} from '../../src/slack.js';

describe('escapeText', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeText(`<!channel> & "quotes" 'apostrophes' > done`)).toBe(
      `&lt;!channel&gt; &amp; "quotes" 'apostrophes' &gt; done`,
    );
    expect(escapeText('plain')).toBe('plain');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
  });
});

describe('text', () => {
  it('neutralises formatting characters that would take effect, keeps underscores inside words', () => {
    expect(text('*bold* ~strike~ `code` _italic_ my_service_name')).toBe(
      '∗bold∗ ∼strike∼ ˋcodeˋ ˍitalicˍ my_service_name',
    );
  });
  it('folds line breaks so event text cannot start a quote', () => {
    expect(text('line\n> quoted\r\n<@U1>')).toBe('line &gt; quoted &lt;@U1&gt;');
  });
  it('folds U+2028 and U+2029 like line feeds', () => {
    expect(text('a\u2028b\u2029\u2028c')).toBe('a b c');
    expect(code('a\u2029b')).toBe('`a b`');
  });
  it('turns a > that opens the text into a look-alike, wherever the text lands', () => {
    expect(text('> quoted')).toBe('˃ quoted');
    expect(text('  >x')).toBe('  ˃x');
    expect(text('\n> after a break')).toBe(' ˃ after a break');
    expect(text('a > b')).toBe('a &gt; b');
  });
});

describe('code, pre, bold, join', () => {
  it('keep spans closed', () => {
    expect(code('a`b\nc<d>')).toBe('`aˋb c&lt;d&gt;`');
    expect(pre('x```y\n<!here>')).toBe('```xˋˋˋy\n&lt;!here&gt;```');
  });
  it('pre keeps lines, but no line of it can open with a block quote', () => {
    expect(pre('> first\nok > fine\n  > indented\r\n>\u2028> after U+2028')).toBe(
      '```˃ first\nok &gt; fine\n  ˃ indented\r\n˃\n˃ after U+2028```',
    );
    expect(bold('A')).toBe('*A*');
    expect(join([trusted('a'), undefined, trusted(''), trusted('b')], ' · ')).toBe('a · b');
  });
});

describe('link', () => {
  it('percent-encodes what would end the link and makes the label inert', () => {
    expect(link('https://x.example/a b|c>d', 'L|a<b>*')).toBe('<https://x.example/a%20b%7Cc%3Ed|L∣a&lt;b&gt;∗>');
  });
  it('refuses to link anything but http(s)', () => {
    expect(link('javascript:alert(1)', 'click')).toBe('click');
    expect(link('slack://channel?id=C1', 'x')).toBe('x');
  });
});

describe('date', () => {
  it('builds a date token with a UTC fallback', () => {
    expect(date('2020-03-16T15:37:04.979Z')).toBe('<!date^1584373024^{date_short_pretty} {time}|2020-03-16 15:37 UTC>');
    expect(date('2020-03-16T15:37:04Z', '{time_secs}|^>')).toBe('<!date^1584373024^{time_secs}|2020-03-16 15:37 UTC>');
  });
  it('falls back to inert text for a time that does not parse', () => {
    expect(date('yesterday <!here>')).toBe('yesterday &lt;!here&gt;');
  });
  it('keeps a number, a time before 1970 or after 9999 as text (no token from "50" as 1950)', () => {
    expect(date('50')).toBe('50');
    expect(date('1950-01-01T00:00:00Z')).toBe('1950-01-01T00:00:00Z');
    expect(date('1969-12-31T23:59:59.999Z')).toBe('1969-12-31T23:59:59.999Z');
    expect(date('+010000-01-01T00:00:00Z')).toBe('+010000-01-01T00:00:00Z');
    expect(date('2020-03-16T15:37:04+02:00')).toBe(
      '<!date^1584365824^{date_short_pretty} {time}|2020-03-16 13:37 UTC>',
    );
  });
});

describe('mention', () => {
  it('builds mentions from real ids only', () => {
    expect(mention({ userGroup: 'S0123ABCD' })).toBe('<!subteam^S0123ABCD>');
    expect(mention({ user: 'U0123ABCD' })).toBe('<@U0123ABCD>');
    expect(mention('here')).toBe('<!here>');
    expect(mention('channel')).toBe('<!channel>');
    expect(() => mention({ user: 'U1>|<!channel' })).toThrow(TypeError);
  });
});

describe('limits', () => {
  it('prose: cut with an ellipsis, never inside an entity or a code block', () => {
    const raw = '<&>'.repeat(2000);
    const fitted = fitProse(raw, 3000, pre);
    expect(fitted.length).toBeLessThanOrEqual(3000);
    expect(fitted.endsWith('…```')).toBe(true);
    expect(fitted).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(fitProse('short', 3000, text)).toBe('short');
  });

  it('prose: never splits a surrogate pair', () => {
    const fitted = fitProse('🙂'.repeat(100), 11, text);
    expect(fitted).toBe('🙂🙂🙂🙂🙂…');
  });

  it('lists: as many items as fit, then "and N more"', () => {
    const items = Array.from({ length: 100 }, (_, i) => trusted(`item-${i}`));
    const fitted = fitList(items, 60, '\n', (n) => trusted(`…and ${n} more`));
    expect(fitted.length).toBeLessThanOrEqual(60);
    expect(fitted.endsWith('…and 94 more')).toBe(true);
    expect(fitList(items.slice(0, 2), 60, ', ', (n) => trusted(`${n}`))).toBe('item-0, item-1');
  });

  it('ids: whole or not at all', () => {
    expect(fitId('abc', 3)).toBe('abc');
    expect(fitId('abcd', 3)).toBeUndefined();
    expect(SLACK_LIMITS.headerText).toBe(150);
  });
});
