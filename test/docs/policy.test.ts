/**
 * Keeps docs/policy.md honest: its policies validate, the committed JSON Schema is the one the
 * code generates, and the `policy check` and `route` output it shows is what the binary prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyJsonSchema } from '../../src/policy/index.js';
import { fixtureText } from '../helpers/fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(join(ROOT, 'docs/policy.md'), 'utf8');
const blocks = [...guide.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', code: m[2] ?? '' }));
const policies = blocks.filter((b) => b.lang === 'json' && b.code.includes('"default":')).map((b) => b.code);

describe('docs/policy.md', () => {
  it('every policy it shows validates', () => {
    expect(policies.length).toBeGreaterThanOrEqual(1);
    for (const policy of policies) expect(() => parsePolicy(policy)).not.toThrow();
  });

  it('docs/policy.schema.json is the schema the code generates', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'docs/policy.schema.json'), 'utf8'))).toEqual(policyJsonSchema());
  });

  it('shows what policy check and route print for the worked policy and the seed event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-policy-doc-'));
    writeFileSync(join(dir, 'policy.json'), policies[0]!);
    writeFileSync(
      join(dir, 'impaired.json'),
      fixtureText('service', 'service-task-start-impaired').replaceAll('catalogue-2023-03-09', 'prod-eu'),
    );
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
    const check = cli(['policy', 'check', 'policy.json']);
    expect(check.status).toBe(0);
    expect(blocks.find((b) => b.lang === 'text' && b.code.includes(': ok ('))?.code).toBe(check.stdout);
    const route = cli(['route', '--policy', 'policy.json', 'impaired.json']);
    expect(route.status).toBe(0);
    expect(blocks.find((b) => b.lang === 'json' && b.code.includes('"destinations":['))?.code).toBe(route.stdout);
  });
});
