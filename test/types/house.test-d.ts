/**
 * Types of the house plan: outcomes derive from the record, the handler's options from the
 * pipeline's, receipts stay opaque, and renderMessage takes the classification in its options.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Classification,
  DecisionReceipt,
  MessageOptions,
  Outcome,
  OutcomeOf,
  PipelineOptions,
} from '../../src/index.js';
import type { OUTCOMES } from '../../src/index.js';
import type { HandlerOptions } from '../../src/lambda/index.js';

describe('the house plan in types', () => {
  it('derives the outcome names from OUTCOMES', () => {
    expectTypeOf<Outcome>().toEqualTypeOf<keyof typeof OUTCOMES>();
    expectTypeOf<OutcomeOf<'deployment'>>().toEqualTypeOf<
      | 'deployment-started'
      | 'deployment-rolling-back'
      | 'deployment-completed'
      | 'deployment-failed'
      | 'deployment-event'
    >();
    expectTypeOf<Classification['outcome']>().toEqualTypeOf<Outcome>();
  });

  it('builds HandlerOptions from PipelineOptions', () => {
    expectTypeOf<HandlerOptions['namespace']>().toEqualTypeOf<PipelineOptions['namespace']>();
    expectTypeOf<HandlerOptions['filter']>().toEqualTypeOf<PipelineOptions['filter']>();
    expectTypeOf<HandlerOptions>().not.toHaveProperty('remainingMs');
  });

  it('keeps receipts opaque and the classification inside the render options', () => {
    expectTypeOf<DecisionReceipt>().not.toHaveProperty('claims');
    expectTypeOf<MessageOptions['classification']>().toEqualTypeOf<Classification | undefined>();
  });
});
