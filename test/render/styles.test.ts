/**
 * Style overrides per severity (a policy's `styles`, or the render option): emoji, colour and
 * label, in Slack messages and Amazon Q notifications; never markup.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, createPipeline, parseEcsEvent, renderMessage, type RenderOptions } from '../../src/index.js';
import { renderAmazonQ } from '../../src/amazon-q/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { loadFixture } from '../helpers/fixtures.js';

const seed = () => parseEcsEvent(loadFixture('service', 'service-task-start-impaired'));
const styles: RenderOptions['styles'] = { error: { emoji: ':fire:', color: '#8B0000', label: 'Sev1' } };

describe('styles per severity', () => {
  it('replace the emoji and the colour, and a label set prefixes the notification text', () => {
    const message = renderMessage(seed(), { styles });
    expect(validateMessage(message)).toEqual([]);
    expect(message.blocks?.[0]).toMatchObject({ text: { text: ':fire: image_inferrer: unable to start tasks' } });
    expect(message.attachments?.[0]?.color).toBe('#8B0000');
    expect(message.text).toBe('Sev1: image_inferrer is unable to consistently start tasks successfully');
  });

  it('replace only the fields given, and only for their severity', () => {
    const message = renderMessage(seed(), { styles: { error: { color: '#000000' }, warning: { emoji: ':fire:' } } });
    expect(message.blocks?.[0]).toMatchObject({
      text: { text: ':rotating_light: image_inferrer: unable to start tasks' },
    });
    expect(message.attachments?.[0]?.color).toBe('#000000');
    expect(message.text).toBe('image_inferrer is unable to consistently start tasks successfully');
  });

  it('reach Amazon Q notifications: the title emoji and the label before the summary', () => {
    const notification = renderAmazonQ(seed(), { styles });
    expect(notification.content.title).toBe(':fire: image_inferrer: unable to start tasks');
    expect(notification.metadata.summary).toBe(
      'Sev1: image_inferrer is unable to consistently start tasks successfully',
    );
  });

  it('never carry markup: an emoji that is not a shortcode, or a colour that is not #RRGGBB, is ignored', () => {
    const hostile = { error: { emoji: '<!channel>', color: 'red', label: '<!here>' } } as RenderOptions['styles'];
    const compact = renderMessage(seed(), { styles: hostile, variant: 'compact' });
    expect(JSON.stringify(compact)).not.toMatch(/<!(channel|here)>/);
    expect(compact.blocks?.[0]).toMatchObject({ text: { text: expect.stringMatching(/^:rotating_light: \*/) } });
    expect(renderMessage(seed(), { styles: { error: { label: '<!here>' } } }).text).toBe(
      '&lt;!here&gt;: image_inferrer is unable to consistently start tasks successfully',
    );
  });

  it('are checked when a pipeline is created, naming the field', () => {
    const sender = { post: async () => ({}) };
    expect(() => createPipeline({ sender, render: { styles: { error: { emoji: 'fire' } } } })).toThrow(
      new ConfigError('createPipeline: options.render.styles.error.emoji: expected a shortcode such as :fire:'),
    );
    expect(() => createPipeline({ sender, render: { styles: { fatal: {} } as never } })).toThrow(
      /options\.render\.styles\.fatal: unknown severity/,
    );
  });
});
