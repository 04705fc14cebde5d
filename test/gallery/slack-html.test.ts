import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { barColor, blockHtml, messageHtml } from '../../scripts/gallery/slack-html.js';
import type { SlackMessage } from '../../src/render/slack-message.js';
import { foreignMarkup } from './html-safety.js';

const md = (text: string) => ({ type: 'mrkdwn' as const, text });
const plain = (text: string) => ({ type: 'plain_text' as const, text });

describe('blockHtml', () => {
  it('draws a header as bold plain text with emoji', () => {
    expect(blockHtml({ type: 'header', text: { type: 'plain_text', text: ':x: *a* &amp;', emoji: true } })).toBe(
      '<div class="block header"><span class="emoji" title=":x:">❌</span> *a* &amp;amp;</div>',
    );
  });

  it('draws section fields as a two-column grid of cells', () => {
    const html = blockHtml({
      type: 'section',
      text: md('intro'),
      fields: [md('*Cluster*\nprod'), plain('Exit code 137')],
    });
    expect(html).toBe(
      '<div class="block section"><div class="section-main"><div class="mrkdwn">intro</div><div class="fields">' +
        '<div class="field mrkdwn"><b>Cluster</b><br>prod</div><div class="field mrkdwn">Exit code 137</div></div></div></div>',
    );
  });

  it('draws a section accessory button beside the text', () => {
    expect(
      blockHtml({
        type: 'section',
        text: md('x'),
        accessory: { type: 'button', text: plain('Open'), url: 'https://x.test' },
      }),
    ).toContain('<div class="accessory"><span class="button" title="https://x.test">Open</span></div>');
  });

  it('draws context elements inline, images as tiles that are never fetched', () => {
    expect(
      blockHtml({
        type: 'context',
        elements: [md('_a_'), { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'logo' }],
      }),
    ).toBe(
      '<div class="block context"><span class="context-text"><i>a</i></span><span class="context-image" role="img" aria-label="logo" title="logo"></span></div>',
    );
  });

  it('draws a divider', () => {
    expect(blockHtml({ type: 'divider' })).toBe('<hr class="block divider">');
  });

  it('draws buttons with their styles', () => {
    const block: KnownBlock = {
      type: 'actions',
      elements: [
        { type: 'button', text: plain('Go'), style: 'primary' },
        { type: 'button', text: plain('Stop'), style: 'danger' },
        { type: 'button', text: plain('Plain') },
      ],
    };
    expect(blockHtml(block)).toBe(
      '<div class="block actions"><span class="button button-primary">Go</span><span class="button button-danger">Stop</span><span class="button">Plain</span></div>',
    );
  });

  it('labels a block type it does not draw, so nothing disappears', () => {
    expect(blockHtml({ type: 'rich_text<script>', elements: [] })).toBe(
      '<div class="block unsupported">[rich_text&lt;script&gt; block]</div>',
    );
  });
});

describe('barColor', () => {
  it.each([
    ['good', '#2eb886'],
    ['warning', '#daa038'],
    ['danger', '#a30200'],
    ['#439FE0', '#439fe0'],
    ['red; background:url(https://evil.test)', '#dddddd'],
    ['constructor', '#dddddd'],
    [undefined, '#dddddd'],
  ])('%s is drawn %s', (color, css) => {
    expect(barColor(color)).toBe(css);
  });
});

describe('messageHtml', () => {
  it('draws avatar, bold app name, APP badge and a time from the latest date token', () => {
    const html = messageHtml({
      text: 'x',
      blocks: [{ type: 'section', text: md('<!date^1700000000^{date}|a> <!date^1700003600^{date}|b>') }],
    });
    expect(html).toMatch(/^<article class="slack-message"><svg class="avatar"/);
    expect(html).toContain(
      '<span class="app-name">ECS Alerts</span><span class="app-badge">APP</span><span class="message-time">11:13 PM</span>',
    );
  });

  it('takes the app name and time from options, escaped', () => {
    const html = messageHtml({ text: 'x' }, { appName: '<b>Ops</b>', postedAt: 0 });
    expect(html).toContain('<span class="app-name">&lt;b&gt;Ops&lt;/b&gt;</span>');
    expect(html).toContain('<span class="message-time">12:00 AM</span>');
  });

  it('shows the top-level text as the body when there are no top-level blocks, even above attachments', () => {
    const html = messageHtml({ text: '*summary*', attachments: [{ color: 'danger', blocks: [{ type: 'divider' }] }] });
    expect(html).toContain(
      '<div class="block mrkdwn"><b>summary</b></div><div class="attachment"><div class="attachment-bar" style="background:#a30200">',
    );
  });

  it('hides the top-level text when there are top-level blocks (it is only the fallback)', () => {
    expect(messageHtml({ text: 'fallback only', blocks: [{ type: 'divider' }] })).not.toContain('fallback only');
  });

  it('keeps every hostile value of every block as text', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(1)</script> <!channel> &amp;lt;';
    const message = {
      text: evil,
      link_names: true,
      blocks: [
        { type: 'header', text: plain(evil) },
        {
          type: 'section',
          text: md(evil),
          fields: [md(evil), plain(evil)],
          accessory: { type: 'button', text: plain(evil), url: evil, style: evil },
        },
        { type: 'context', elements: [md(evil), { type: 'image', image_url: evil, alt_text: evil }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: plain(evil), url: `javascript:${evil}`, style: 'primary' },
            { type: evil },
          ],
        },
        { type: evil },
      ],
      attachments: [
        {
          color: `#000000" onload="${evil}`,
          pretext: evil,
          text: evil,
          blocks: [{ type: 'image', image_url: evil, alt_text: evil }],
        },
      ],
    } as unknown as SlackMessage;
    const html = messageHtml(message, { appName: evil });
    expect(foreignMarkup(html)).toEqual([]);
    expect(html).toContain('@channel'); // the stray mention is visible
  });
});

describe('foreignMarkup (the safety check itself)', () => {
  it.each([
    ['<img src=x>', ['tag <img>', 'unparsed " src=x" in <img src=x>']],
    ['<b onclick="x">', ['attribute onclick in <b onclick="x">']],
    ['<a href="javascript:x">', ['href javascript:x']],
    ['<div style="color:red">', ['style color:red']],
    ['a < b', ['a raw <']],
  ])('flags %j', (html, problems) => {
    expect(foreignMarkup(html)).toEqual(problems);
  });
});
