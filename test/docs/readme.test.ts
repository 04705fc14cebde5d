import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the quick start that examples/quick-start type-checks against the built package', () => {
    const readme = read('README.md');
    const example = read('examples/quick-start/handler.ts');
    const code = example.slice(example.indexOf('import '));
    expect(readme).toContain(`\`\`\`ts\n${code}\`\`\``);
  });

  it('gives the two-command set-up and names the test command', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });

  it('names every import path of package.json where it lists the subpaths', () => {
    const readme = read('README.md');
    const start = readme.indexOf('The root entry holds what most users call');
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    const { exports } = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
    const subpaths = Object.keys(exports).filter((path) => path !== '.' && path !== './package.json');
    expect(subpaths.filter((path) => !paragraph.includes(`\`ecs-slack/${path.slice(2)}\``))).toEqual([]);
  });
});
