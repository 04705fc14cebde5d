/**
 * A Block Kit validator for tests, written from Slack's documented limits (not shipped).
 *
 * `validateMessage` returns every violation as `path: problem` (an empty array means valid).
 * Lengths are JavaScript string lengths (UTF-16 code units), counted on the string as sent (so
 * `&amp;` counts 5). That never under-counts Slack: an emoji outside the BMP counts 2 here.
 *
 * Rules, by place:
 * - message: `text` present and not blank (at most 4,000, Slack's recommended size); no
 *   `link_names` and no `parse: 'full'`; at most 50 blocks, attachment blocks included;
 *   `block_id` (1..255) and `action_id` (1..255) unique across the whole message.
 * - attachment: `color` is `good`, `warning`, `danger` or `#RRGGBB`; it has blocks or legacy content.
 * - blocks: unknown types flagged; for header, section, context, actions, divider and image,
 *   unexpected fields flagged too. header `plain_text` 1..150; section `text` or `fields`,
 *   text 1..3000, 1..10 fields of 1..2000; context 1..10 text or image elements; actions 1..25.
 * - text objects: `plain_text` or `mrkdwn`, 1..3000, no `link_names` on mrkdwn.
 * - buttons: text `plain_text` 1..75, `url` <= 3000, `value` <= 2000, `style` primary / danger,
 *   `accessibility_label` <= 75.
 *
 * Slack's button reference asks `action_id` to be unique within its block; we require it across
 * the message, which our payloads (no interactivity) can always meet.
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/block-kit/composition-objects/text-object
 * @see https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
import type { SlackMessage } from '../../src/render/slack-message.js';
import { blockLists, isRecord } from './block-kit-mrkdwn.js';

export {
  blockLists,
  controlSequenceKind,
  controlSequences,
  mrkdwnTexts,
  quoteLines,
  type BlockList,
  type ControlSequenceKind,
  type MrkdwnText,
} from './block-kit-mrkdwn.js';

/** The limits this validator enforces, each from Slack's reference pages. */
export const LIMITS = {
  blocksPerMessage: 50,
  topLevelText: 4000,
  textObject: 3000,
  headerText: 150,
  sectionFields: 10,
  sectionField: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  buttonValue: 2000,
  accessibilityLabel: 75,
  imageAltText: 2000,
  imageUrl: 3000,
  blockId: 255,
  actionId: 255,
} as const;

/** Block types Slack knows (the `KnownBlock` union of `@slack/types` 3.2). */
const KNOWN_BLOCK_TYPES = new Set([
  'actions',
  'alert',
  'card',
  'carousel',
  'container',
  'context',
  'context_actions',
  'data_table',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'task_card',
  'plan',
  'video',
]);

/** Interactive element types accepted without a deep check (only `action_id` is checked). */
const OTHER_ELEMENT_TYPES = new Set([
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'feedback_buttons',
  'icon_button',
]);

const COLOR = /^(good|warning|danger|#[0-9a-fA-F]{6})$/;

/** Collects the problems of one payload and the ids seen so far. */
class Checker {
  readonly problems: string[] = [];
  private readonly ids = new Map<string, string>();

  report(path: string, problem: string): void {
    this.problems.push(`${path || '(message)'}: ${problem}`);
  }

  /** Checks a string's length against `min..max`; `what` names it in the message. */
  length(value: unknown, path: string, max: number, min = 1, what = 'text'): void {
    if (typeof value !== 'string') return this.report(path, `${what} must be a string`);
    if (value.length < min) this.report(path, `${what} must not be empty`);
    else if (value.length > max) this.report(path, `${what} is ${value.length} characters, the limit is ${max}`);
  }

  /** Flags fields that the object's type does not define. */
  onlyKeys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.report(`${path}.${key}`, `unexpected field on ${String(value['type'])}`);
    }
  }

  /** Checks a `block_id` or `action_id`: length, and unique within the message. */
  id(kind: 'block_id' | 'action_id', value: unknown, path: string): void {
    if (value === undefined) return;
    this.length(value, path, kind === 'block_id' ? LIMITS.blockId : LIMITS.actionId, 1, kind);
    if (typeof value !== 'string') return;
    const first = this.ids.get(`${kind}:${value}`);
    if (first === undefined) this.ids.set(`${kind}:${value}`, path);
    else this.report(path, `${kind} "${value}" is already used at ${first}`);
  }
}

/**
 * Every Block Kit violation of a message payload, as readable `path: problem` strings; an empty
 * array means the payload is valid. The input is typed as a {@link SlackMessage} but checked as
 * untrusted JSON, so tests can pass hostile shapes through a cast.
 *
 * @example
 * ```ts
 * expect(validateMessage(renderMessage(event))).toEqual([]);
 * ```
 */
export function validateMessage(message: SlackMessage): string[] {
  const check = new Checker();
  const root: unknown = message;
  if (!isRecord(root)) {
    check.report('', 'the message must be an object');
    return check.problems;
  }
  if (typeof root['text'] !== 'string') check.report('text', 'required: the notification and screen-reader fallback');
  else if (root['text'].trim() === '') check.report('text', 'must not be blank: it is the notification fallback');
  else check.length(root['text'], 'text', LIMITS.topLevelText);
  if (root['link_names'] !== undefined && root['link_names'] !== false) {
    check.report('link_names', 'must not be set: it turns @channel and @here in data into real mentions');
  }
  if (root['parse'] === 'full') check.report('parse', '"full" must not be used: it turns data into mentions and links');
  if (root['blocks'] !== undefined && !Array.isArray(root['blocks'])) check.report('blocks', 'must be an array');
  checkAttachments(check, root['attachments']);

  const lists = blockLists(root);
  const total = lists.reduce((sum, list) => sum + list.blocks.length, 0);
  if (total > LIMITS.blocksPerMessage) {
    const where = lists.map((list) => `${list.blocks.length} in ${list.path}`).join(', ');
    check.report('blocks', `the message has ${total} blocks (${where}), the limit is ${LIMITS.blocksPerMessage}`);
  }
  for (const list of lists) list.blocks.forEach((block, index) => checkBlock(check, block, `${list.path}[${index}]`));
  return check.problems;
}

function checkAttachments(check: Checker, attachments: unknown): void {
  if (attachments === undefined) return;
  if (!Array.isArray(attachments)) return check.report('attachments', 'must be an array');
  attachments.forEach((attachment: unknown, index) => {
    const path = `attachments[${index}]`;
    if (!isRecord(attachment)) return check.report(path, 'must be an object');
    const color = attachment['color'];
    if (color !== undefined && !(typeof color === 'string' && COLOR.test(color))) {
      check.report(`${path}.color`, `${JSON.stringify(color)} is not good, warning, danger or #RRGGBB`);
    }
    const blocks = attachment['blocks'];
    if (blocks !== undefined && !Array.isArray(blocks)) check.report(`${path}.blocks`, 'must be an array');
    const legacy = ['text', 'fields', 'pretext', 'title', 'image_url', 'fallback'].some(
      (key) => attachment[key] !== undefined,
    );
    if (blocks === undefined && !legacy) check.report(path, 'has no content: set blocks (or legacy text / fields)');
  });
}

function checkBlock(check: Checker, block: unknown, path: string): void {
  if (!isRecord(block)) return check.report(path, 'a block must be an object');
  const type = block['type'];
  if (typeof type !== 'string') return check.report(`${path}.type`, 'required');
  if (!KNOWN_BLOCK_TYPES.has(type)) return check.report(`${path}.type`, `unknown block type "${type}"`);
  check.id('block_id', block['block_id'], `${path}.block_id`);
  switch (type) {
    case 'header':
      check.onlyKeys(block, path, ['type', 'text', 'block_id']);
      return checkText(check, block['text'], `${path}.text`, LIMITS.headerText, true);
    case 'section':
      return checkSection(check, block, path);
    case 'context':
      check.onlyKeys(block, path, ['type', 'elements', 'block_id']);
      return checkList(check, block['elements'], `${path}.elements`, LIMITS.contextElements, (element, at) => {
        if (isRecord(element) && element['type'] === 'image') checkImage(check, element, at);
        else checkText(check, element, at, LIMITS.textObject);
      });
    case 'actions':
      check.onlyKeys(block, path, ['type', 'elements', 'block_id']);
      return checkList(check, block['elements'], `${path}.elements`, LIMITS.actionsElements, (element, at) =>
        checkElement(check, element, at),
      );
    case 'divider':
      return check.onlyKeys(block, path, ['type', 'block_id']);
    case 'image':
      return checkImage(check, block, path, true);
    default:
      return; // known to Slack, not used by our renderers: no deeper check
  }
}

function checkSection(check: Checker, block: Record<string, unknown>, path: string): void {
  check.onlyKeys(block, path, ['type', 'text', 'fields', 'accessory', 'block_id', 'expand']);
  if (block['text'] === undefined && block['fields'] === undefined)
    check.report(path, 'a section needs text or fields');
  if (block['text'] !== undefined) checkText(check, block['text'], `${path}.text`, LIMITS.textObject);
  if (block['fields'] !== undefined) {
    checkList(check, block['fields'], `${path}.fields`, LIMITS.sectionFields, (field, at) =>
      checkText(check, field, at, LIMITS.sectionField),
    );
  }
  if (block['accessory'] !== undefined) checkElement(check, block['accessory'], `${path}.accessory`);
}

/** Checks an array of 1..max items, then each item. */
function checkList(
  check: Checker,
  list: unknown,
  path: string,
  max: number,
  each: (item: unknown, path: string) => void,
): void {
  if (!Array.isArray(list)) return check.report(path, 'must be an array');
  if (list.length === 0) check.report(path, 'must not be empty');
  if (list.length > max) check.report(path, `has ${list.length} items, the limit is ${max}`);
  list.forEach((item: unknown, index) => each(item, `${path}[${index}]`));
}

/** Checks a text object: type, fields, and length 1..max (never above 3000). */
function checkText(check: Checker, text: unknown, path: string, max: number, plainOnly = false): void {
  if (!isRecord(text)) return check.report(path, 'a text object is required');
  const type = text['type'];
  if (plainOnly && type !== 'plain_text')
    return check.report(`${path}.type`, `must be plain_text, not ${JSON.stringify(type)}`);
  if (type === 'mrkdwn') {
    if (text['link_names'] !== undefined) check.report(`${path}.link_names`, 'must not be set on mrkdwn text');
    const { link_names: _ignored, ...rest } = text;
    check.onlyKeys(rest, path, ['type', 'text', 'verbatim']);
  } else if (type === 'plain_text') {
    check.onlyKeys(text, path, ['type', 'text', 'emoji']);
  } else {
    return check.report(`${path}.type`, `must be plain_text or mrkdwn, not ${JSON.stringify(type)}`);
  }
  check.length(text['text'], `${path}.text`, Math.min(max, LIMITS.textObject));
}

/** Checks an image block (`asBlock`) or an image element (context element, section accessory). */
function checkImage(check: Checker, image: Record<string, unknown>, path: string, asBlock = false): void {
  const blockOnly = asBlock ? ['title', 'block_id'] : [];
  check.onlyKeys(image, path, ['type', 'image_url', 'slack_file', 'alt_text', ...blockOnly]);
  if (image['image_url'] === undefined && image['slack_file'] === undefined)
    check.report(path, 'an image needs image_url or slack_file');
  if (image['image_url'] !== undefined)
    check.length(image['image_url'], `${path}.image_url`, LIMITS.imageUrl, 1, 'image_url');
  check.length(image['alt_text'], `${path}.alt_text`, LIMITS.imageAltText, 1, 'alt_text');
  if (image['title'] !== undefined) checkText(check, image['title'], `${path}.title`, LIMITS.imageAltText, true);
}

/** Checks an interactive element: buttons in depth, other known elements by `action_id` only. */
function checkElement(check: Checker, element: unknown, path: string): void {
  if (!isRecord(element)) return check.report(path, 'an element must be an object');
  const type = element['type'];
  if (type === 'image' && path.endsWith('accessory')) return checkImage(check, element, path);
  if (type !== 'button') {
    if (typeof type !== 'string' || !OTHER_ELEMENT_TYPES.has(type))
      check.report(`${path}.type`, `unknown element type ${JSON.stringify(type)}`);
    return check.id('action_id', element['action_id'], `${path}.action_id`);
  }
  check.onlyKeys(element, path, [
    'type',
    'text',
    'action_id',
    'url',
    'value',
    'style',
    'confirm',
    'accessibility_label',
  ]);
  checkText(check, element['text'], `${path}.text`, LIMITS.buttonText, true);
  check.id('action_id', element['action_id'], `${path}.action_id`);
  if (element['url'] !== undefined) check.length(element['url'], `${path}.url`, LIMITS.buttonUrl, 1, 'url');
  if (element['value'] !== undefined) check.length(element['value'], `${path}.value`, LIMITS.buttonValue, 1, 'value');
  const label = element['accessibility_label'];
  if (label !== undefined)
    check.length(label, `${path}.accessibility_label`, LIMITS.accessibilityLabel, 1, 'accessibility_label');
  const style = element['style'];
  if (style !== undefined && style !== 'primary' && style !== 'danger') {
    check.report(`${path}.style`, `must be primary or danger, not ${JSON.stringify(style)}`);
  }
}
