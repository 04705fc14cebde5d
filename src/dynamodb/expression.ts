/**
 * A small builder for DynamoDB expressions: it hands out placeholders for attribute names and
 * values as an expression uses them, because DynamoDB rejects a request that defines a
 * placeholder its expressions do not use.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { JsonValue } from '../state/store.js';
import { emptyName, encodeKey, toAttributeValue } from './attribute-value.js';
import type { ItemNames } from './item-layout.js';

/**
 * The record attributes an expression can name.
 *
 * @internal
 */
export type RecordAttribute = 'partitionKey' | 'value' | 'version' | 'expiresAt' | 'ttl';

/**
 * The placeholder maps of one request.
 *
 * @internal
 */
export interface ExpressionAttributes {
  /** Placeholder (`#a0`) to attribute name. */
  readonly ExpressionAttributeNames: Record<string, string>;
  /** Placeholder (`:v0`) to value; absent when no value is used. */
  readonly ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * Collects the placeholders of one request's expressions.
 *
 * @internal
 */
export class Expression {
  readonly #table: ItemNames;
  readonly #names = new Map<string, string>();
  readonly #values: Record<string, AttributeValue> = {};
  #valueCount = 0;

  /**
   * @param table - The table's attribute names.
   */
  constructor(table: ItemNames) {
    this.#table = table;
  }

  /**
   * The placeholder of a record attribute.
   *
   * @param attribute - Which attribute.
   * @returns Its placeholder, for example `#a0`.
   */
  attribute(attribute: RecordAttribute): string {
    switch (attribute) {
      case 'partitionKey':
        return this.name(this.#table.partitionKey);
      case 'ttl':
        return this.name(this.#table.ttl);
      default:
        return this.name(attribute);
    }
  }

  /**
   * The document path of one field of the stored value.
   *
   * @param field - The field's name (any string).
   * @returns The path, for example `#a1.#a4`.
   */
  field(field: string): string {
    return `${this.attribute('value')}.${this.name(encodeKey(field))}`;
  }

  /**
   * The placeholder of an attribute name.
   *
   * @param name - The attribute or map key name.
   * @returns Its placeholder; the same name always gets the same one.
   * @throws {@link StateStoreError} for an empty name, which DynamoDB cannot address.
   */
  name(name: string): string {
    if (name === '') throw emptyName();
    let placeholder = this.#names.get(name);
    if (placeholder === undefined) {
      placeholder = `#a${this.#names.size}`;
      this.#names.set(name, placeholder);
    }
    return placeholder;
  }

  /**
   * The placeholder of a value.
   *
   * @param value - A JSON value.
   * @returns A fresh placeholder, for example `:v0`.
   */
  value(value: JsonValue): string {
    const placeholder = `:v${this.#valueCount++}`;
    this.#values[placeholder] = toAttributeValue(value);
    return placeholder;
  }

  /**
   * The placeholder maps to spread into the request.
   *
   * @returns `ExpressionAttributeNames`, and `ExpressionAttributeValues` when any value is used.
   */
  attributes(): ExpressionAttributes {
    const names: Record<string, string> = {};
    for (const [name, placeholder] of this.#names) names[placeholder] = name;
    return this.#valueCount === 0
      ? { ExpressionAttributeNames: names }
      : { ExpressionAttributeNames: names, ExpressionAttributeValues: { ...this.#values } };
  }
}
