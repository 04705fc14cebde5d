import { describe, expect, it } from 'vitest';
import { checkEntries, galleryPage, galleryReadme } from '../../scripts/gallery/page.js';
import { galleryEntries } from '../../scripts/gallery/samples.js';
import type { GalleryEntry } from '../../scripts/gallery/types.js';
import { controlSequenceKind, controlSequences, mrkdwnTexts, validateMessage } from '../helpers/block-kit.js';

const entry = (name: string, text = 'hello'): GalleryEntry => ({ name, title: `Title of ${name}`, message: { text } });

describe('the sample messages', async () => {
  const samples = await galleryEntries();

  it('are three or more realistic alerts with unique names', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(() => checkEntries(samples)).not.toThrow();
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))('%s is valid Block Kit', (_, sample) => {
    expect(validateMessage(sample.message)).toEqual([]);
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))(
    '%s has only links and dates, no mentions (but who muted an alert from Slack)',
    (_, sample) => {
      const kinds = [...mrkdwnTexts(sample.message)].flatMap(({ text }) =>
        controlSequences(text).map(controlSequenceKind),
      );
      // The one mention the library builds itself: the Slack user who muted the alert.
      const allowed = sample.name === 'task-muted-from-slack' ? ['link', 'date', 'user'] : ['link', 'date'];
      expect(kinds.filter((kind) => !allowed.includes(kind))).toEqual([]);
      if (sample.name === 'task-muted-from-slack') expect(kinds.filter((kind) => kind === 'user')).toHaveLength(1);
    },
  );
});

describe('galleryPage', () => {
  it('is a self-contained document that blocks scripts and remote loads', () => {
    const page = galleryPage([entry('a')]);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(page).not.toMatch(/<script|<link|<img|url\(/i);
  });

  it('draws each entry with its title, description and notification text, escaped', () => {
    const page = galleryPage([{ ...entry('a', '<!channel> & co'), title: '<i>T</i>', description: 'D "quoted"' }]);
    expect(page).toContain(
      '<section class="entry" id="a" data-name="a"><h2>&lt;i&gt;T&lt;/i&gt;</h2><p class="description">D &quot;quoted&quot;</p>',
    );
    expect(page).toContain(
      '<p class="fallback"><span class="fallback-label">Notification text</span>&lt;!channel&gt; &amp; co</p>',
    );
  });

  it('is the same on every run (no clock)', async () => {
    const samples = await galleryEntries();
    expect(galleryPage(samples)).toBe(galleryPage(structuredClone(samples)));
  });

  it.each([['Bad Name'], ['../x'], [''], ['-x']])('refuses the entry name %j', (name) => {
    expect(() => galleryPage([entry(name)])).toThrow(/use lower-case letters, digits and "-"/);
  });

  it('refuses a name used twice', () => {
    expect(() => galleryPage([entry('a'), entry('a')])).toThrow('gallery entry name "a" is used twice');
  });
});

describe('galleryReadme', () => {
  it('lists each message with its image and notification text', () => {
    const readme = galleryReadme([{ ...entry('oom', 'web ran out of memory'), description: 'A *red* one' }]);
    expect(readme).toContain(
      '## Title of oom\n\nA \\*red\\* one\n\n![Title of oom](oom.png)\n\nNotification text:\n\n```text\nweb ran out of memory\n```\n',
    );
  });

  it('fences a notification text that contains backticks', () => {
    expect(galleryReadme([entry('a', 'x ``` y')])).toContain('````text\nx ``` y\n````');
  });
});
