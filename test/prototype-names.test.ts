import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, renderMessage } from '../src/index.js';
import { consoleBase } from '../src/aws/index.js';
import { validateMessage } from './helpers/block-kit.js';
import { loadFixture } from './helpers/fixtures.js';

/** Event text that looks up an inherited property when used as a key of a plain object. */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('event text named like an Object.prototype property is just unknown text', () => {
  it.each(NAMES)('detail-type %j parses as an unknown event', (name) => {
    const event = parseEcsEvent({ ...loadFixture('service', 'docs-service-steady-state'), 'detail-type': name });
    expect(event.kind).toBe('unknown');
    expect(validateMessage(renderMessage(event))).toEqual([]);
  });

  it.each(NAMES)('service eventType and eventName %j classify as a generic service event', (name) => {
    const input = loadFixture('service', 'docs-service-steady-state') as any;
    input.detail.eventType = name;
    input.detail.eventName = name;
    const event = parseEcsEvent(input);
    const c = classify(event);
    expect(c.severity).toBe('info');
    expect(c.outcome).toBe('service-event');
    expect(validateMessage(renderMessage(event, { classification: c }))).toEqual([]);
  });

  it.each(NAMES)('partition %j has no console', (name) => {
    expect(consoleBase(name, 'eu-west-1')).toBeUndefined();
  });
});
