/**
 * Options at their edges, as a user can pass them by type: a custom title on a digest, extra
 * fields too long for a field, log links with blank labels or without a host, URLs that need
 * encoding in a button, padded titles.
 */
import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, renderDigest, renderMessage, type SlackMessage } from '../../src/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const event = parseEcsEvent(loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143'));
const classification = classify(event);
const everything = (message: SlackMessage) =>
  [...(message.blocks ?? []), ...(message.attachments ?? []).flatMap((a) => a.blocks ?? [])] as any[];
const header = (message: SlackMessage) => everything(message).find((b) => b.type === 'header')?.text.text as string;
const buttons = (message: SlackMessage) => everything(message).flatMap((b) => (b.type === 'actions' ? b.elements : []));

describe('render options at their edges', () => {
  it('gives a digest the custom title, like every other message', () => {
    const digest = {
      count: 3,
      since: '2020-03-16T15:30:00Z',
      until: '2020-03-16T15:39:30Z',
      latest: { event, classification },
    };
    expect(header(renderDigest(digest, { title: 'Checkout is flapping' }))).toMatch(/ Checkout is flapping$/);
    expect(header(renderDigest(digest, { title: '   ' }))).toMatch(/, 3 more times$/);
  });

  it('cuts a long extra field with an ellipsis instead of dropping it', () => {
    const message = renderMessage(event, {
      classification: classification,
      fields: [{ label: 'Team & owner', value: `payments ${'&'.repeat(2500)}` }],
    });
    expectSafe(message);
    expect(validateMessage(message)).toEqual([]);
    const team = everything(message)
      .flatMap((b) => b.fields ?? [])
      .find((f: any) => f.text.startsWith('*Team &amp; owner*'));
    expect(team?.text).toMatch(/^\*Team &amp; owner\*\npayments (&amp;)+…$/);
    expect(team.text.length).toBeLessThanOrEqual(2000);
    const long = renderMessage(event, {
      classification: classification,
      fields: [{ label: 'L'.repeat(300), value: 'v' }],
    });
    expect(validateMessage(long)).toEqual([]);
    expect(JSON.stringify(long)).toContain(`*${'L'.repeat(99)}…*\\nv`);
  });

  it('labels a log link "Logs" when its label is blank, in buttons and in the link line', () => {
    const logLink = () => ({ url: 'https://logs.example/q', label: '  ' });
    expect(
      buttons(renderMessage(event, { classification: classification, buttons: true, logLink })).map(
        (b: any) => b.text.text,
      ),
    ).toContain('Logs');
    expect(JSON.stringify(renderMessage(event, { classification: classification, logLink }))).toContain(
      '<https://logs.example/q|Logs>',
    );
  });

  it('leaves out a log link without a host, and encodes a button URL as the link line does', () => {
    expect(
      JSON.stringify(renderMessage(event, { classification: classification, logLink: () => 'https://' })),
    ).not.toContain('https://|');
    const urls = buttons(
      renderMessage(event, {
        classification: classification,
        buttons: true,
        logLink: () => 'https://logs.example/a b|c>',
      }),
    ).map((b: any) => b.url);
    expect(urls).toContain('https://logs.example/a%20b%7Cc%3E');
  });

  it('keeps a long list of mentions within the section, naming how many were left out', () => {
    const groups = Array.from({ length: 400 }, (_, i) => ({ userGroup: `S${String(i).padStart(8, '0')}` }));
    for (const variant of ['full', 'compact'] as const) {
      const message = renderMessage(event, { classification: classification, mentions: { error: groups }, variant });
      expect(validateMessage(message)).toEqual([]);
      expect(JSON.stringify(message)).toMatch(/<!subteam\^S00000000> .*\(and \d+ more\)/);
    }
  });

  it('trims a padded title, so the compact variant stays bold', () => {
    const message = renderMessage(event, { classification: classification, title: '  Checkout  ', variant: 'compact' });
    expect(JSON.stringify(message)).toContain('*Checkout*');
    expect(JSON.stringify(message)).not.toContain('* Checkout');
  });
});
