import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/render/slack-message.js';
import { LIMITS, controlSequenceKind, controlSequences, mrkdwnTexts, validateMessage } from './block-kit.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** A payload using every block our renderers emit, without colour. */
function flat(): SlackMessage {
  return {
    text: 'checkout crashed: container web exited 137 (OutOfMemoryError)',
    blocks: [
      { type: 'header', text: plain(':red_circle: checkout: out of memory') },
      { type: 'section', text: mrkdwn('*web* was killed: `OutOfMemoryError: Container killed due to memory usage`') },
      {
        type: 'section',
        fields: [mrkdwn('*Cluster*\nprod'), mrkdwn('*Exit code*\n137')],
        accessory: {
          type: 'button',
          text: plain('Task'),
          url: 'https://console.aws.amazon.com/ecs',
          action_id: 'task',
        },
      },
      { type: 'divider' },
      {
        type: 'context',
        elements: [
          mrkdwn('111122223333 · us-east-1'),
          { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'AWS' },
        ],
      },
      {
        type: 'actions',
        block_id: 'links',
        elements: [
          {
            type: 'button',
            text: plain('Service'),
            url: 'https://console.aws.amazon.com/ecs/service',
            style: 'primary',
            action_id: 'service',
          },
          { type: 'button', text: plain('Logs'), value: 'logs', style: 'danger', action_id: 'logs' },
        ],
      },
    ],
  };
}

/** The same blocks inside one coloured attachment. */
function colored(color = 'danger'): SlackMessage {
  const { text, blocks } = flat();
  return { text, attachments: [{ color, blocks: blocks ?? [] }] };
}

/** Applies a change to a copy of a valid payload and returns its violations. */
function after(change: (message: any) => void, base: SlackMessage = flat()): string[] {
  const copy = structuredClone(base);
  change(copy);
  return validateMessage(copy);
}

const many = (count: number) => Array.from({ length: count }, (_, index) => mrkdwn(`item ${index}`));

describe('validateMessage: valid payloads', () => {
  it.each([
    ['blocks', flat()],
    ['a coloured attachment', colored()],
    ['a hex colour', colored('#2EB67D')],
    ['text only', { text: 'hello' }],
    ['a legacy attachment without blocks', { text: 'hi', attachments: [{ color: 'good', text: 'legacy' }] }],
  ])('accepts %s', (_, message) => {
    expect(validateMessage(message as SlackMessage)).toEqual([]);
  });
});

describe('validateMessage: each rule has a failing case', () => {
  it.each<[string, (m: any) => void, string]>([
    ['text missing', (m) => delete m.text, 'text: required: the notification and screen-reader fallback'],
    ['text blank', (m) => (m.text = '  '), 'text: must not be blank: it is the notification fallback'],
    ['text too long', (m) => (m.text = 'x'.repeat(4001)), 'text: text is 4001 characters, the limit is 4000'],
    [
      'link_names true',
      (m) => (m.link_names = true),
      'link_names: must not be set: it turns @channel and @here in data into real mentions',
    ],
    ['parse full', (m) => (m.parse = 'full'), 'parse: "full" must not be used: it turns data into mentions and links'],
    ['blocks not an array', (m) => (m.blocks = {}), 'blocks: must be an array'],
    ['block not an object', (m) => (m.blocks[0] = 'header'), 'blocks[0]: a block must be an object'],
    ['block without type', (m) => delete m.blocks[3].type, 'blocks[3].type: required'],
    ['unknown block type', (m) => (m.blocks[3].type = 'banner'), 'blocks[3].type: unknown block type "banner"'],
    [
      'header mrkdwn',
      (m) => (m.blocks[0].text.type = 'mrkdwn'),
      'blocks[0].text.type: must be plain_text, not "mrkdwn"',
    ],
    ['header empty', (m) => (m.blocks[0].text.text = ''), 'blocks[0].text.text: text must not be empty'],
    ['header extra field', (m) => (m.blocks[0].fields = []), 'blocks[0].fields: unexpected field on header'],
    ['section without text or fields', (m) => delete m.blocks[1].text, 'blocks[1]: a section needs text or fields'],
    ['section text empty', (m) => (m.blocks[1].text.text = ''), 'blocks[1].text.text: text must not be empty'],
    ['section fields empty', (m) => (m.blocks[2].fields = []), 'blocks[2].fields: must not be empty'],
    [
      'section field empty',
      (m) => (m.blocks[2].fields[1].text = ''),
      'blocks[2].fields[1].text: text must not be empty',
    ],
    ['section typo', (m) => (m.blocks[2].feilds = []), 'blocks[2].feilds: unexpected field on section'],
    [
      'text object type',
      (m) => (m.blocks[1].text.type = 'markdown'),
      'blocks[1].text.type: must be plain_text or mrkdwn, not "markdown"',
    ],
    ['text object not an object', (m) => (m.blocks[1].text = 'hi'), 'blocks[1].text: a text object is required'],
    ['text not a string', (m) => (m.blocks[1].text.text = 3), 'blocks[1].text.text: text must be a string'],
    [
      'mrkdwn link_names',
      (m) => (m.blocks[1].text.link_names = true),
      'blocks[1].text.link_names: must not be set on mrkdwn text',
    ],
    [
      'plain_text verbatim',
      (m) => (m.blocks[0].text.verbatim = true),
      'blocks[0].text.verbatim: unexpected field on plain_text',
    ],
    ['context empty', (m) => (m.blocks[4].elements = []), 'blocks[4].elements: must not be empty'],
    [
      'context button',
      (m) => (m.blocks[4].elements[0] = { type: 'button' }),
      'blocks[4].elements[0].type: must be plain_text or mrkdwn, not "button"',
    ],
    [
      'context image without alt',
      (m) => delete m.blocks[4].elements[1].alt_text,
      'blocks[4].elements[1].alt_text: alt_text must be a string',
    ],
    ['divider extra field', (m) => (m.blocks[3].text = mrkdwn('x')), 'blocks[3].text: unexpected field on divider'],
    ['actions empty', (m) => (m.blocks[5].elements = []), 'blocks[5].elements: must not be empty'],
    [
      'actions unknown element',
      (m) => (m.blocks[5].elements[1].type = 'link'),
      'blocks[5].elements[1].type: unknown element type "link"',
    ],
    [
      'button mrkdwn text',
      (m) => (m.blocks[5].elements[0].text = mrkdwn('x')),
      'blocks[5].elements[0].text.type: must be plain_text, not "mrkdwn"',
    ],
    [
      'button style',
      (m) => (m.blocks[5].elements[0].style = 'secondary'),
      'blocks[5].elements[0].style: must be primary or danger, not "secondary"',
    ],
    [
      'button url too long',
      (m) => (m.blocks[5].elements[0].url = `https://x.test/${'a'.repeat(2986)}`),
      'blocks[5].elements[0].url: url is 3001 characters, the limit is 3000',
    ],
    [
      'button value too long',
      (m) => (m.blocks[5].elements[1].value = 'v'.repeat(2001)),
      'blocks[5].elements[1].value: value is 2001 characters, the limit is 2000',
    ],
    [
      'button label too long',
      (m) => (m.blocks[5].elements[1].accessibility_label = 'l'.repeat(76)),
      'blocks[5].elements[1].accessibility_label: accessibility_label is 76 characters, the limit is 75',
    ],
    [
      'action_id too long',
      (m) => (m.blocks[5].elements[1].action_id = 'a'.repeat(256)),
      'blocks[5].elements[1].action_id: action_id is 256 characters, the limit is 255',
    ],
    [
      'action_id reused',
      (m) => (m.blocks[5].elements[1].action_id = 'task'),
      'blocks[5].elements[1].action_id: action_id "task" is already used at blocks[2].accessory.action_id',
    ],
    [
      'block_id too long',
      (m) => (m.blocks[5].block_id = 'b'.repeat(256)),
      'blocks[5].block_id: block_id is 256 characters, the limit is 255',
    ],
    ['block_id empty', (m) => (m.blocks[5].block_id = ''), 'blocks[5].block_id: block_id must not be empty'],
    [
      'block_id reused',
      (m) => (m.blocks[0].block_id = 'links'),
      'blocks[5].block_id: block_id "links" is already used at blocks[0].block_id',
    ],
    ['attachments not an array', (m) => (m.attachments = { color: 'good' }), 'attachments: must be an array'],
    ['attachment not an object', (m) => (m.attachments = [null]), 'attachments[0]: must be an object'],
    [
      'attachment without content',
      (m) => (m.attachments = [{ color: 'good' }]),
      'attachments[0]: has no content: set blocks (or legacy text / fields)',
    ],
  ])('%s', (_, change, expected) => {
    expect(after(change)).toEqual([expected]);
  });

  it.each(['red', '#fff', '#12345G', 'Good', ''])('rejects the attachment colour %j', (color) => {
    expect(validateMessage(colored(color))).toEqual([
      `attachments[0].color: ${JSON.stringify(color)} is not good, warning, danger or #RRGGBB`,
    ]);
  });

  it('checks blocks inside attachments with their paths', () => {
    expect(after((m) => (m.attachments[0].blocks[0].text.text = 'h'.repeat(151)), colored())).toEqual([
      'attachments[0].blocks[0].text.text: text is 151 characters, the limit is 150',
    ]);
  });

  it('finds a block_id reused between the top level and an attachment', () => {
    const message = colored();
    message.blocks = [{ type: 'divider', block_id: 'links' }];
    expect(validateMessage(message)).toEqual([
      'attachments[0].blocks[5].block_id: block_id "links" is already used at blocks[0].block_id',
    ]);
  });

  it('reports every violation, not just the first', () => {
    const problems = after((m) => {
      delete m.text;
      m.blocks[0].text.text = '';
      m.blocks[5].elements[0].style = 'green';
    });
    expect(problems).toHaveLength(3);
  });

  it('rejects a payload that is not an object', () => {
    expect(validateMessage(null as unknown as SlackMessage)).toEqual(['(message): the message must be an object']);
  });
});

describe('validateMessage: boundaries', () => {
  it.each<[string, (m: any, n: number) => void, number, string]>([
    [
      'header text',
      (m, n) => (m.blocks[0].text.text = 'h'.repeat(n)),
      LIMITS.headerText,
      'blocks[0].text.text: text is 151 characters, the limit is 150',
    ],
    [
      'section text',
      (m, n) => (m.blocks[1].text.text = 's'.repeat(n)),
      LIMITS.textObject,
      'blocks[1].text.text: text is 3001 characters, the limit is 3000',
    ],
    [
      'section field',
      (m, n) => (m.blocks[2].fields[0].text = 'f'.repeat(n)),
      LIMITS.sectionField,
      'blocks[2].fields[0].text: text is 2001 characters, the limit is 2000',
    ],
    [
      'section fields',
      (m, n) => (m.blocks[2].fields = many(n)),
      LIMITS.sectionFields,
      'blocks[2].fields: has 11 items, the limit is 10',
    ],
    [
      'context text',
      (m, n) => (m.blocks[4].elements[0].text = 'c'.repeat(n)),
      LIMITS.textObject,
      'blocks[4].elements[0].text: text is 3001 characters, the limit is 3000',
    ],
    [
      'context elements',
      (m, n) => (m.blocks[4].elements = many(n)),
      LIMITS.contextElements,
      'blocks[4].elements: has 11 items, the limit is 10',
    ],
    [
      'button text',
      (m, n) => (m.blocks[5].elements[0].text.text = 'b'.repeat(n)),
      LIMITS.buttonText,
      'blocks[5].elements[0].text.text: text is 76 characters, the limit is 75',
    ],
    [
      'actions elements',
      (m, n) =>
        (m.blocks[5].elements = Array.from({ length: n }, (_, i) => ({
          type: 'button',
          text: plain(`b${i}`),
          action_id: `b${i}`,
        }))),
      LIMITS.actionsElements,
      'blocks[5].elements: has 26 items, the limit is 25',
    ],
    [
      'top-level blocks',
      (m, n) => (m.blocks = Array.from({ length: n }, () => ({ type: 'divider' }))),
      LIMITS.blocksPerMessage,
      'blocks: the message has 51 blocks (51 in blocks), the limit is 50',
    ],
  ])('%s: the limit passes, one more fails', (_, change, limit, expected) => {
    expect(after((m) => change(m, limit))).toEqual([]);
    expect(after((m) => change(m, limit + 1))).toEqual([expected]);
  });

  it('counts blocks inside attachments towards the 50', () => {
    const dividers = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' as const }));
    const message = (top: number, inside: number): SlackMessage => ({
      text: 't',
      blocks: dividers(top),
      attachments: [{ color: 'good', blocks: dividers(inside) }],
    });
    expect(validateMessage(message(20, 30))).toEqual([]);
    expect(validateMessage(message(20, 31))).toEqual([
      'blocks: the message has 51 blocks (20 in blocks, 31 in attachments[0].blocks), the limit is 50',
    ]);
  });

  it('counts lengths in UTF-16 code units, as sent (an emoji counts 2, &amp; counts 5)', () => {
    expect(after((m) => (m.blocks[0].text.text = '🔴'.repeat(75)))).toEqual([]);
    expect(after((m) => (m.blocks[0].text.text = `${'🔴'.repeat(75)}x`))).toHaveLength(1);
    expect(after((m) => (m.blocks[0].text.text = '&amp;'.repeat(31)))).toEqual([
      'blocks[0].text.text: text is 155 characters, the limit is 150',
    ]);
  });
});

describe('controlSequences', () => {
  it('lists every <...> span, in order', () => {
    const text =
      'Hi <@U024BE7LH> and <@U1|bob>, see <#C024BE7LR>, <!subteam^SAZ94GDB8|@oncall> <!here> <!channel> <!everyone> ' +
      '<https://example.com|the docs> <https://example.com> at <!date^1700000000^{date_short_pretty} at {time}|Nov 14>';
    expect(controlSequences(text)).toEqual([
      '<@U024BE7LH>',
      '<@U1|bob>',
      '<#C024BE7LR>',
      '<!subteam^SAZ94GDB8|@oncall>',
      '<!here>',
      '<!channel>',
      '<!everyone>',
      '<https://example.com|the docs>',
      '<https://example.com>',
      '<!date^1700000000^{date_short_pretty} at {time}|Nov 14>',
    ]);
  });

  it('ignores escaped text and a lone bracket', () => {
    expect(controlSequences('a &lt;!channel&gt; b &amp; c > d < e')).toEqual([]);
  });

  it.each([
    ['<@U1>', 'user'],
    ['<#C1|general>', 'channel'],
    ['<!subteam^S1>', 'usergroup'],
    ['<!here>', 'special'],
    ['<!channel|channel>', 'special'],
    ['<!everyone>', 'special'],
    ['<!group>', 'special'],
    ['<!date^1^{date}|d>', 'date'],
    ['<!foo>', 'other'],
    ['<https://x.test|x>', 'link'],
    ['<mailto:a@b.test>', 'link'],
    ['<!hereby>', 'other'],
  ] as const)('classifies %s as %s', (sequence, kind) => {
    expect(controlSequenceKind(sequence)).toBe(kind);
  });
});

describe('mrkdwnTexts', () => {
  it('yields every mrkdwn string with its path, and no plain_text', () => {
    const message = colored();
    message.attachments![0]!.pretext = 'pre';
    expect([...mrkdwnTexts(message)].map((item) => item.path)).toEqual([
      'text',
      'attachments[0].blocks[1].text.text',
      'attachments[0].blocks[2].fields[0].text',
      'attachments[0].blocks[2].fields[1].text',
      'attachments[0].blocks[4].elements[0].text',
      'attachments[0].pretext',
    ]);
  });

  it('skips the top-level text when mrkdwn is off', () => {
    const message = { ...flat(), mrkdwn: false } as SlackMessage;
    expect([...mrkdwnTexts(message)].map((item) => item.path)).not.toContain('text');
  });

  it('lets a test prove no live mention reached the payload', () => {
    const message = flat();
    (message.blocks![1] as any).text.text = 'reason: <!channel> pwned';
    const live = [...mrkdwnTexts(message)].flatMap(({ path, text }) =>
      controlSequences(text).map((seq) => `${path} ${seq}`),
    );
    expect(live).toEqual(['blocks[1].text.text <!channel>']);
  });
});
