import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEcsEvent, type EcsEvent } from '../../src/index.js';
import type { KnownEcsEventKind } from '../../src/schemas.js';

/** Root of the fixture tree. */
export const FIXTURES: string = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The event kinds, as the fixture folders name them. */
export const KINDS: readonly KnownEcsEventKind[] = ['task', 'service', 'deployment', 'container-instance'];

/** One fixture event. */
export interface Fixture {
  readonly kind: KnownEcsEventKind;
  /** File name without `.json`. */
  readonly name: string;
  /** The event as published (a fresh copy on every call of {@link loadFixture}). */
  readonly event: Record<string, unknown>;
}

/** Loads one fixture event; each call returns a fresh object, safe to mutate. */
export function loadFixture(kind: KnownEcsEventKind, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, 'events', kind, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** Reads the text of a fixture event, as a Lambda would receive it in an SQS body. */
export function fixtureText(kind: KnownEcsEventKind, name: string): string {
  return readFileSync(join(FIXTURES, 'events', kind, `${name}.json`), 'utf8');
}

/** Every fixture event, optionally of one kind, real ones and synthetic ones. */
export function allFixtures(kind?: KnownEcsEventKind): Fixture[] {
  const kinds = kind === undefined ? KINDS : [kind];
  return kinds.flatMap((k) =>
    readdirSync(join(FIXTURES, 'events', k))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const name = file.slice(0, -'.json'.length);
        return { kind: k, name, event: loadFixture(k, name) };
      }),
  );
}

/** A fixture parsed, after `change` edited its raw JSON (ids, versions, times, ...). */
export function parsedFixture(kind: KnownEcsEventKind, name: string, change?: (raw: any) => void): EcsEvent {
  const raw = loadFixture(kind, name);
  change?.(raw);
  return parseEcsEvent(raw);
}
