import { expect } from 'vitest';
import type { SlackMessage } from '../../src/index.js';
import { messageFindings, type Allowed } from '../helpers/message-findings.js';

/**
 * Asserts a message is valid Block Kit within limits, has fallback text, and carries no control
 * sequence the library did not build (console, docs or log links; date tokens; the mentions it
 * was asked for), no block quote, no unfolded U+2028 / U+2029 and no lone surrogate.
 */
export function expectSafe(message: SlackMessage, allowed: Allowed = {}): void {
  expect(messageFindings(message, allowed)).toEqual([]);
}
