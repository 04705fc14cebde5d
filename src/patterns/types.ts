/**
 * The shape of the EventBridge event patterns ecs-slack builds: plain JSON, ready for
 * `JSON.stringify`, Terraform, CDK or the console.
 *
 * @module
 */

/**
 * One alternative in a field's array: an exact value, or one of the match expressions ecs-slack
 * uses (`prefix`, `suffix`, `wildcard`, `exists`, `anything-but`). The alternatives of one array
 * are ORed.
 *
 * @example
 * ```ts
 * const stopped: EventPatternMatch[] = ['STOPPED', { prefix: 'DEPROVISION' }];
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export type EventPatternMatch =
  | string
  | number
  | boolean
  | null
  | {
      /** The value starts with this text. */
      prefix: string;
    }
  | {
      /** The value ends with this text. */
      suffix: string;
    }
  | {
      /** The value matches this wildcard: `*` is any run of characters, `\*` a literal star. */
      wildcard: string;
    }
  | {
      /** `true`: the field is present (with any value, `null` included); `false`: it is missing. */
      exists: boolean;
    }
  | {
      /** The field is present and its value is none of these (one list, never several `anything-but`). */
      'anything-but': string | number | string[] | number[] | AnythingButMatch;
    };

/**
 * What `anything-but` can exclude besides values: a prefix, a suffix or wildcards.
 *
 * @example
 * ```ts
 * const notProd: EventPatternMatch = { 'anything-but': { wildcard: ['*:cluster/prod', '*:cluster/prod-*'] } };
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-anything-but
 */
export type AnythingButMatch =
  | {
      /** Values that start with this text are excluded. */
      prefix: string;
    }
  | {
      /** Values that end with this text are excluded. */
      suffix: string;
    }
  | {
      /** Values that match one of these wildcards are excluded. */
      wildcard: string | string[];
    };

/**
 * A level of an event pattern: each field holds an array of alternatives or a nested level;
 * `$or` holds two or more levels of which one must match. Fields are ANDed.
 *
 * @example
 * ```ts
 * const detail: EventPatternFields = { $or: [{ lastStatus: ['STOPPED'] }, { stopCode: ['SpotInterruption'] }] };
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export interface EventPatternFields {
  /** A field of the event, or `$or`. */
  [field: string]: EventPatternMatch[] | EventPatternFields | EventPatternFields[];
}

/**
 * An EventBridge event pattern for Amazon ECS events: the value of a rule's `EventPattern`.
 *
 * Fresh plain objects on every call, safe to change. `JSON.stringify` it for the AWS CLI, the
 * console or Terraform's `event_pattern`; CDK's `events.Rule` takes it as `eventPattern` (CDK
 * passes every field but `detailType` through unchanged, so `detail-type` and `$or` reach
 * EventBridge as written).
 *
 * @example
 * ```ts
 * const pattern: EventPattern = { source: ['aws.ecs'], 'detail-type': ['ECS Deployment State Change'] };
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export interface EventPattern {
  /** Always `['aws.ecs']`. */
  source: string[];
  /** The detail-types selected (absent: every one). */
  'detail-type'?: EventPatternMatch[];
  /** The service ARN conditions of service action and deployment events. */
  resources?: EventPatternMatch[];
  /** Conditions on the event's `detail`. */
  detail?: EventPatternFields;
  /** Alternatives of which one must match: per kind, or per place a cluster is named. */
  $or?: EventPatternFields[];
}
