import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMOJI } from '../../scripts/gallery/emoji.js';
import { decodeSlackEntities, escapeHtml, mrkdwnToHtml, plainTextToHtml } from '../../scripts/gallery/mrkdwn-html.js';
import { formatSlackDate } from '../../scripts/gallery/slack-date.js';
import { foreignMarkup } from './html-safety.js';

const link = (href: string, label: string) =>
  `<a class="link" href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`;
const pill = (kind: string, raw: string, text: string) =>
  `<span class="mention mention-${kind}" title="${escapeHtml(raw)}">${text}</span>`;

describe('mrkdwnToHtml: formatting', () => {
  it.each([
    ['*bold*', '<b>bold</b>'],
    ['_italic_', '<i>italic</i>'],
    ['~strike~', '<s>strike</s>'],
    ['*_both_*', '<b><i>both</i></b>'],
    ['a *bold move* here', 'a <b>bold move</b> here'],
    ['(*x*)', '(<b>x</b>)'],
    ['*not closed', '*not closed'],
    ['2*3*4', '2*3*4'],
    ['snake_case_name', 'snake_case_name'],
    ['* spaced *', '* spaced *'],
    ['`code *not bold*`', '<code>code *not bold*</code>'],
    ['```line 1\n*raw*\n```', '<pre>line 1\n*raw*</pre>'],
    ['a\nb', 'a<br>b'],
    ['> quoted\n> twice\nafter', '<blockquote>quoted<br>twice</blockquote>after'],
    ['before\n>>> all\nof this', 'before<blockquote>all<br>of this</blockquote>'],
    ['&gt; not a quote', '&gt; not a quote'],
  ])('%j', (source, html) => {
    expect(mrkdwnToHtml(source)).toBe(html);
  });
});

describe('mrkdwnToHtml: control sequences', () => {
  it.each([
    ['<https://x.test/a?b=1&amp;c=2|the docs>', link('https://x.test/a?b=1&amp;c=2', 'the docs')],
    ['<https://x.test>', link('https://x.test', 'https://x.test')],
    ['<mailto:ops@x.test|ops>', link('mailto:ops@x.test', 'ops')],
    ['*<https://x.test|bold link>*', `<b>${link('https://x.test', 'bold link')}</b>`],
    ['<https://x.test|:link: logs>', link('https://x.test', '<span class="emoji" title=":link:">🔗</span> logs')],
    ['<@U024BE7LH>', pill('user', '<@U024BE7LH>', '@U024BE7LH')],
    ['<@U1|alice>', pill('user', '<@U1|alice>', '@alice')],
    ['<#C024BE7LR|general>', pill('channel', '<#C024BE7LR|general>', '#general')],
    ['<!subteam^SAZ94GDB8>', pill('usergroup', '<!subteam^SAZ94GDB8>', '@SAZ94GDB8')],
    ['<!subteam^S1|@oncall>', pill('usergroup', '<!subteam^S1|@oncall>', '@oncall')],
    ['<!here>', pill('broadcast', '<!here>', '@here')],
    ['<!channel>', pill('broadcast', '<!channel>', '@channel')],
    ['<!everyone>', pill('broadcast', '<!everyone>', '@everyone')],
    ['<!group>', pill('broadcast', '<!group>', '@channel')],
    ['<!foo>', '<span class="control-unknown">&lt;!foo&gt;</span>'],
    ['<javascript:alert(1)|click>', '<span class="link link-unsafe" title="not a web link">click</span>'],
  ])('%j', (source, html) => {
    expect(mrkdwnToHtml(source)).toBe(html);
  });

  it('draws a date token as a human date in UTC, with the exact time as a tooltip', () => {
    expect(mrkdwnToHtml('<!date^1700000000^{date_short_pretty} at {time}|Nov 14>')).toBe(
      '<span class="date" title="2023-11-14 22:13:20 UTC">Nov 14, 2023 at 10:13 PM</span>',
    );
  });

  it('links a date token that carries a link', () => {
    expect(mrkdwnToHtml('<!date^1700000000^{date_num}^https://x.test|d>')).toBe(
      link('https://x.test', '<span class="date" title="2023-11-14 22:13:20 UTC">2023-11-14</span>'),
    );
  });

  it('shows the fallback of a date token Slack could not read', () => {
    expect(mrkdwnToHtml('<!date^soon^{date}|Fallback &amp; co>')).toBe('<span class="date">Fallback &amp; co</span>');
  });

  it('links bare URLs unless verbatim, without italics from underscores or the final full stop', () => {
    expect(mrkdwnToHtml('see https://x.test/a_b_c.')).toBe(
      `see ${link('https://x.test/a_b_c', 'https://x.test/a_b_c')}.`,
    );
    expect(mrkdwnToHtml('see https://x.test/a', { verbatim: true })).toBe('see https://x.test/a');
  });
});

describe('mrkdwnToHtml: entities and hostile text', () => {
  it('decodes &amp; &lt; &gt; exactly once', () => {
    expect(decodeSlackEntities('&amp;lt; &lt; &gt; &amp; &quot;')).toBe('&lt; < > & &quot;');
    expect(mrkdwnToHtml('a &amp; b &lt;tag&gt; &amp;lt;')).toBe('a &amp; b &lt;tag&gt; &amp;lt;');
  });

  it('shows an escaped mention as text, never as a pill', () => {
    expect(mrkdwnToHtml('reason: &lt;!channel&gt;')).toBe('reason: &lt;!channel&gt;');
  });

  it.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '<!channel> <https://evil.test|"><img onerror=alert(1)>>',
    '<https://x.test" onmouseover="alert(1)|x> \' " `',
    '<!date^1^{date}^javascript:alert(1)|x> <!date^x^y|<b>>',
    '```</pre><script>``` `</code><svg onload=alert(1)>`',
    ':red_circle:<img>:x:',
    '\uE0000\uE001 \uE000 held?',
  ])('keeps hostile input as text: %j', (source) => {
    const html = mrkdwnToHtml(source);
    expect(foreignMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|img|svg)/i);
  });

  it('never emits markup of its own making from any string (property)', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '&',
      '&amp;',
      '&lt;',
      '"',
      "'",
      '*',
      '_',
      '~',
      '`',
      '```',
      '\n',
      '>',
      '|',
      '^',
      '!',
      '@',
      ':x:',
      'https://a.test/',
      'mailto:',
      'javascript:',
      '\uE000',
      '\uE001',
      '0',
      'a',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        expect(foreignMarkup(mrkdwnToHtml(parts.join('')))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('emoji', () => {
  const required = [
    'red_circle',
    'large_yellow_circle',
    'large_green_circle',
    'white_circle',
    'white_check_mark',
    'x',
    'warning',
    'rotating_light',
    'information_source',
    'arrows_counterclockwise',
    'rewind',
    'hourglass_flowing_sand',
    'stopwatch',
    'boom',
    'skull',
    'zap',
    'jigsaw',
    'link',
    'mag',
    'wrench',
    'package',
    'rocket',
    'heavy_check_mark',
    'no_entry',
    'electric_plug',
    'building_construction',
  ];

  it.each(required)('knows :%s:', (name) => {
    expect(EMOJI[name]).toBeDefined();
    expect(mrkdwnToHtml(`:${name}:`)).toBe(`<span class="emoji" title=":${name}:">${EMOJI[name]}</span>`);
  });

  it('keeps an unknown shortcode visible, and times untouched', () => {
    expect(mrkdwnToHtml(':not_an_emoji: at 12:30:45')).toBe(
      '<span class="emoji-unknown">:not_an_emoji:</span> at 12:30:45',
    );
  });

  it('converts shortcodes in plain_text unless emoji is false, and nothing else', () => {
    expect(plainTextToHtml(':rocket: *a* &amp; <b>')).toBe(
      '<span class="emoji" title=":rocket:">🚀</span> *a* &amp;amp; &lt;b&gt;',
    );
    expect(plainTextToHtml(':rocket:', false)).toBe(':rocket:');
  });
});

describe('formatSlackDate', () => {
  it.each([
    ['{date_num}', '2023-11-14'],
    ['{date_slash}', '14/11/2023'],
    ['{date}', 'November 14th, 2023'],
    ['{date_pretty}', 'November 14th, 2023'],
    ['{date_short}', 'Nov 14, 2023'],
    ['{date_long}', 'Tuesday, November 14th, 2023'],
    ['{date_long_full}', 'November 14, 2023'],
    ['{time}', '10:13 PM'],
    ['{time_secs}', '10:13:20 PM'],
    ['at {time} {unknown} {constructor}', 'at 10:13 PM {unknown} {constructor}'],
  ])('%s', (format, text) => {
    expect(formatSlackDate(1700000000, format)).toBe(text);
  });

  it.each([
    [Date.UTC(2024, 0, 1, 0, 5) / 1000, '{date} {time}', 'January 1st, 2024 12:05 AM'],
    [Date.UTC(2024, 0, 2, 12, 0) / 1000, '{date}', 'January 2nd, 2024'],
    [Date.UTC(2024, 0, 3) / 1000, '{date}', 'January 3rd, 2024'],
    [Date.UTC(2024, 0, 11) / 1000, '{date}', 'January 11th, 2024'],
    [Date.UTC(2024, 0, 22) / 1000, '{date}', 'January 22nd, 2024'],
  ])('ordinals and midnight: %d', (seconds, format, text) => {
    expect(formatSlackDate(seconds, format)).toBe(text);
  });

  it('gives up on a time that is not a number', () => {
    expect(formatSlackDate(Number.NaN, '{date}')).toBeUndefined();
    expect(formatSlackDate(1e20, '{date}')).toBeUndefined();
  });
});
