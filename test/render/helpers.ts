import { expect } from 'vitest';
import type { SlackMessage } from '../../src/index.js';
import { controlSequenceKind, controlSequences, mrkdwnTexts, validateMessage } from '../helpers/block-kit.js';

/** Hosts the library links to: the AWS console, AWS docs and re:Post. */
const OWN_LINK = /^<https:\/\/([a-z0-9-]+\.console\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)|docs\.aws\.amazon\.com|repost\.aws)\/[^\s<>|]*\|[^<>|]+>$/;
const OWN_DATE = /^<!date\^\d+\^[^|^>]+\|\d{4}-\d\d-\d\d \d\d:\d\d UTC>$/;

/**
 * Asserts a message is valid Block Kit within limits, has fallback text, and carries no control
 * sequence the library did not build (console, docs or log links; date tokens; the mentions it
 * was asked for).
 */
export function expectSafe(message: SlackMessage, allowed: { mentions?: readonly string[]; linkHosts?: RegExp } = {}): void {
  expect(validateMessage(message)).toEqual([]);
  expect(message.text.trim().length).toBeGreaterThan(0);
  for (const { path, text } of mrkdwnTexts(message)) {
    for (const sequence of controlSequences(text)) {
      const kind = controlSequenceKind(sequence);
      const ok =
        (kind === 'link' && (OWN_LINK.test(sequence) || (allowed.linkHosts?.test(sequence) ?? false))) ||
        (kind === 'date' && OWN_DATE.test(sequence)) ||
        ((kind === 'usergroup' || kind === 'special' || kind === 'user') && (allowed.mentions ?? []).includes(sequence));
      expect(ok, `${path}: unexpected ${kind} ${sequence}`).toBe(true);
    }
  }
}
