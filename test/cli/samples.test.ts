/**
 * The demo's sample events ship inside the CLI (src/ never imports test/): each is still the
 * fixture it was copied from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = join(ROOT, 'src/cli/samples');
const FIXTURES = join(ROOT, 'test/fixtures/events');

describe('the CLI samples', () => {
  const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.json'));

  it.each(samples)('%s is the fixture of the same name', (name) => {
    const kinds = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const kind = kinds.map((entry) => entry.name).find((dir) => readdirSync(join(FIXTURES, dir)).includes(name));
    expect(kind, `no fixture named ${name}`).toBeDefined();
    expect(readFileSync(join(SAMPLES, name), 'utf8')).toBe(readFileSync(join(FIXTURES, kind!, name), 'utf8'));
  });
});
