/**
 * Values built when first needed.
 *
 * @internal
 * @module
 */

/**
 * A function that builds its value on the first call and returns that same value after.
 * The event schemas are built this way: a bundle that only parses events (through the generated
 * parsers) never constructs them, and one that uses them constructs each once.
 *
 * @internal
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
