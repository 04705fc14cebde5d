/**
 * `*` globs for cluster and service names.
 *
 * @internal
 * @module
 */
import type { NameFilter } from './filter-options.js';

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.includes('*') ? globToRegExp(pattern).test(name) : pattern === name));
}

/**
 * Whether a name passes a filter: not excluded, and included when an include list is given. A
 * missing name passes unless an include list is given.
 *
 * @internal
 */
export function passesNameFilter(name: string | undefined, filter: NameFilter): boolean {
  if (name === undefined) return filter.include === undefined;
  if (filter.exclude !== undefined && matchesAny(name, filter.exclude)) return false;
  return filter.include === undefined || matchesAny(name, filter.include);
}
